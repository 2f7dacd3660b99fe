import { ulid } from 'ulid'
import { operationsOf } from '../support/dispatch'
import { TEST_PASSWORD } from '../support/constants'
import { isolatedTable, newStudio } from '../support/studio'
import { DomainError } from '../../functions/domain/errors'

/**
 * The stock room (库存) against DynamoDB Local: items, purchases at a moving-average cost,
 * transfers, count sheets posted as one adjustment — and the rules that keep stock honest.
 */
describe('inventory', () => {
  let ops: ReturnType<typeof operationsOf>
  let deps: Awaited<ReturnType<typeof isolatedTable>>['deps']
  let s: Awaited<ReturnType<typeof newStudio>>
  const tokens: Record<string, string> = {}
  const [jingan, xuhui] = [() => s.branches[0]!.id, () => s.branches[1]!.id]

  beforeAll(async () => {
    ;({ deps } = await isolatedTable())
    ops = operationsOf(deps)
    s = await newStudio(deps)
    for (const username of ['admin', 'manager', 'manager2', 'finance', 'reception']) {
      tokens[username] = (await ops.call('auth.staffSignIn', { studioCode: s.code, username, password: TEST_PASSWORD })).token
    }
  })

  const newItem = (name: string, reorderLevel = 2, unit = '本') =>
    ops.call('inventory.createItem', { requestId: ulid(), name, category: 'album', unit, reorderLevel }, tokens.manager)
  const buy = (itemId: string, quantity: number, unitCostFen: number, token = tokens.manager!, extra: Record<string, unknown> = {}) =>
    ops.call('inventory.purchase', { requestId: ulid(), itemId, quantity, unitCostFen, supplier: '广州相册厂', ...extra }, token)
  const lineOf = async (itemId: string, token = tokens.manager!, branchId?: string) =>
    (await ops.call('inventory.listItems', { branchId }, token)).items.find((l: { id: string }) => l.id === itemId)
  const errorOf = async (name: string, input: unknown, token: string) => {
    try {
      await ops.call(name, input, token)
    } catch (error) {
      if (error instanceof DomainError) return error
    }
    throw new Error(`${name} did not fail`)
  }

  it('averages the unit cost over purchases and values the branch’s stock in fen', async () => {
    const album = await newItem('水晶相册 12寸')
    await buy(album.id, 10, 4500)
    const level = await buy(album.id, 30, 5000, tokens.finance)
    expect(level).toMatchObject({ onHand: 40, unitCostFen: 4875 })
    const list = await ops.call('inventory.listItems', {}, tokens.manager)
    expect(list.items.find((l: { id: string }) => l.id === album.id)).toMatchObject({ onHand: 40, unitCostFen: 4875, valueFen: 40 * 4875, low: false })
    expect(list.valueFen).toBe(list.items.reduce((sum: number, l: { valueFen: number }) => sum + l.valueFen, 0))
    // Each purchase is a movement with who, when, the supplier and the price.
    const { items: moves } = await ops.call('inventory.movements', { itemId: album.id }, tokens.manager)
    expect(moves.map((m: { quantity: number; unitCostFen: number; by: { name: string } }) => [m.quantity, m.unitCostFen, m.by.name])).toEqual([
      [30, 5000, 'finance'],
      [10, 4500, 'manager'],
    ])
    expect(moves[0]).toMatchObject({ kind: 'purchase', supplier: '广州相册厂', branchId: jingan() })
  })

  it('applies a purchase sent twice with the same request id once', async () => {
    const frame = await newItem('实木相框 10寸')
    const requestId = ulid()
    const input = { requestId, itemId: frame.id, quantity: 5, unitCostFen: 2000, supplier: '义乌画框' }
    await ops.call('inventory.purchase', input, tokens.manager)
    expect(await ops.call('inventory.purchase', input, tokens.manager)).toMatchObject({ onHand: 5 })
    expect((await ops.call('inventory.movements', { itemId: frame.id }, tokens.manager)).items).toHaveLength(1)
  })

  it('keeps every unit of purchases made at the same moment, with their average cost', async () => {
    const usb = await newItem('U盘 32G', 0, '个')
    await Promise.all([1000, 1200, 1400, 1600, 1800].map((cost) => buy(usb.id, 2, cost)))
    expect(await lineOf(usb.id)).toMatchObject({ onHand: 10, unitCostFen: 1400 })
  })

  it('transfers stock to another branch at the sender’s cost, and refuses more than the sender has', async () => {
    const crystal = await newItem('水晶摆台', 1, '个')
    await buy(crystal.id, 6, 8000)
    await buy(crystal.id, 2, 9000, tokens.manager2)
    const moved = await ops.call('inventory.transfer', { requestId: ulid(), toBranchId: xuhui(), itemId: crystal.id, quantity: 2, note: '徐汇店周末活动' }, tokens.manager)
    expect(moved.from).toMatchObject({ branchId: jingan(), onHand: 4, unitCostFen: 8000 })
    expect(moved.to).toMatchObject({ branchId: xuhui(), onHand: 4, unitCostFen: 8500 })

    const refused = await errorOf('inventory.transfer', { requestId: ulid(), toBranchId: xuhui(), itemId: crystal.id, quantity: 5 }, tokens.manager)
    expect(refused.code).toBe('STOCK_SHORT')
    expect(refused.details?.shortages).toEqual([{ itemId: crystal.id, name: '水晶摆台', unit: '个', needed: 5, onHand: 4, short: 1 }])
    // Nothing moved on either side.
    expect(await lineOf(crystal.id)).toMatchObject({ onHand: 4 })
    expect(await lineOf(crystal.id, tokens.manager2)).toMatchObject({ onHand: 4 })
  })

  it('lets finance and managers keep their own branch only, admins any, and nobody else', async () => {
    const box = await newItem('相册礼盒', 1, '个')
    expect(await ops.outcome('inventory.listItems', {}, tokens.reception)).toBe('FORBIDDEN')
    expect(await ops.outcome('inventory.purchase', { requestId: ulid(), itemId: box.id, quantity: 1, unitCostFen: 100, supplier: 'x' }, tokens.reception)).toBe('FORBIDDEN')
    expect(await ops.outcome('inventory.purchase', { requestId: ulid(), branchId: xuhui(), itemId: box.id, quantity: 1, unitCostFen: 100, supplier: 'x' }, tokens.manager)).toBe('FORBIDDEN')
    expect(await ops.outcome('inventory.listItems', { branchId: xuhui() }, tokens.finance)).toBe('FORBIDDEN')
    expect(await ops.outcome('inventory.purchase', { requestId: ulid(), branchId: xuhui(), itemId: box.id, quantity: 3, unitCostFen: 100, supplier: 'x' }, tokens.admin)).toBe('OK')
    expect(await lineOf(box.id, tokens.manager2)).toMatchObject({ onHand: 3 })
  })

  it('never reaches into another studio: its items, branches and count sheets are not found', async () => {
    const album = await newItem('婚纱相册')
    const sheet = await ops.call('inventory.openStocktake', { requestId: ulid() }, tokens.manager)
    const other = await newStudio(deps)
    const theirs = (username: string) => ops.call('auth.staffSignIn', { studioCode: other.code, username, password: TEST_PASSWORD }).then((r) => r.token as string)
    const [theirManager, theirAdmin] = [await theirs('manager'), await theirs('admin')]
    expect(await ops.outcome('inventory.purchase', { requestId: ulid(), itemId: album.id, quantity: 1, unitCostFen: 1, supplier: 'x' }, theirManager)).toBe('NOT_FOUND')
    expect(await ops.outcome('inventory.listItems', { branchId: jingan() }, theirAdmin)).toBe('NOT_FOUND')
    expect(await ops.outcome('inventory.getStocktake', { stocktakeId: sheet.id }, theirManager)).toBe('NOT_FOUND')
    expect(await lineOf(album.id)).toMatchObject({ onHand: 0 })
  })

  it('refuses bad input with the field named, and changes nothing', async () => {
    const album = await newItem('对裱相册')
    const bad = await errorOf('inventory.purchase', { requestId: ulid(), itemId: album.id, quantity: -2, unitCostFen: 12.5, supplier: '' }, tokens.manager)
    expect(bad.code).toBe('VALIDATION_FAILED')
    expect(bad.details?.fields?.map((f) => f.path).sort()).toEqual(['quantity', 'supplier', 'unitCostFen'])
    expect((await errorOf('inventory.createItem', { requestId: ulid(), name: '', category: 'sofa', unit: '本', reorderLevel: 1.5 }, tokens.manager)).details?.fields?.map((f) => f.path).sort()).toEqual([
      'category',
      'name',
      'reorderLevel',
    ])
    expect(await lineOf(album.id)).toMatchObject({ onHand: 0 })
  })

  it('posts a count sheet’s differences as one adjustment with its reason', async () => {
    const album = await newItem('胡桃木相册')
    const frame = await newItem('油画框', 1, '个')
    const usb = await newItem('水晶U盘', 1, '个')
    await buy(album.id, 10, 6000)
    await buy(frame.id, 3, 3000)
    await buy(usb.id, 4, 1500)
    let sheet = await ops.call('inventory.openStocktake', { requestId: ulid() }, tokens.finance)
    expect(sheet.lines.filter((l: { itemId: string }) => [album.id, frame.id, usb.id].includes(l.itemId))).toEqual(expect.arrayContaining([
      { itemId: album.id, itemName: '胡桃木相册', unit: '本', expected: 10 },
      { itemId: frame.id, itemName: '油画框', unit: '个', expected: 3 },
      { itemId: usb.id, itemName: '水晶U盘', unit: '个', expected: 4 },
    ]))
    sheet = await ops.call('inventory.countStocktake', { stocktakeId: sheet.id, version: sheet.version, counts: [{ itemId: album.id, counted: 8 }, { itemId: usb.id, counted: 4 }] }, tokens.finance)
    // A phone that saved a moment ago cannot overwrite the newer counts.
    expect(await ops.outcome('inventory.countStocktake', { stocktakeId: sheet.id, version: sheet.version - 1, counts: [{ itemId: album.id, counted: 1 }] }, tokens.finance)).toBe('VERSION_CONFLICT')
    sheet = await ops.call('inventory.countStocktake', { stocktakeId: sheet.id, version: sheet.version, counts: [{ itemId: frame.id, counted: 5 }] }, tokens.finance)
    const posted = await ops.call('inventory.postStocktake', { stocktakeId: sheet.id, version: sheet.version, reason: '月末盘点' }, tokens.manager)
    expect(posted).toMatchObject({ status: 'posted', reason: '月末盘点', postedBy: { name: 'manager' } })

    expect(await lineOf(album.id)).toMatchObject({ onHand: 8, unitCostFen: 6000 })
    expect(await lineOf(frame.id)).toMatchObject({ onHand: 5 })
    expect(await lineOf(usb.id)).toMatchObject({ onHand: 4 })
    const adjustments = (await ops.call('inventory.movements', {}, tokens.manager)).items.filter((m: { stocktakeId?: string }) => m.stocktakeId === sheet.id)
    expect(adjustments.map((m: { itemId: string; quantity: number; reason: string; kind: string }) => [m.itemId, m.quantity, m.reason, m.kind]).sort()).toEqual(
      [
        [album.id, -2, '月末盘点', 'adjustment'],
        [frame.id, 2, '月末盘点', 'adjustment'],
      ].sort(),
    )
    // Posted once: a second post (or a late count) changes nothing.
    expect(await ops.outcome('inventory.postStocktake', { stocktakeId: sheet.id, version: posted.version, reason: 'again' }, tokens.manager)).toBe('PRECONDITION_FAILED')
    expect(await lineOf(album.id)).toMatchObject({ onHand: 8 })
  })

  it('refuses a count whose loss is more than is left by now, writing nothing', async () => {
    const print = await newItem('冲印相纸', 0, '张')
    await buy(print.id, 5, 100)
    let sheet = await ops.call('inventory.openStocktake', { requestId: ulid() }, tokens.manager)
    sheet = await ops.call('inventory.countStocktake', { stocktakeId: sheet.id, version: sheet.version, counts: [{ itemId: print.id, counted: 1 }] }, tokens.manager)
    // Meanwhile three sheets went to the other branch: a loss of four cannot be taken from two.
    await ops.call('inventory.transfer', { requestId: ulid(), toBranchId: xuhui(), itemId: print.id, quantity: 3 }, tokens.manager)
    const refused = await errorOf('inventory.postStocktake', { stocktakeId: sheet.id, version: sheet.version, reason: '盘点' }, tokens.manager)
    expect(refused.code).toBe('STOCK_SHORT')
    expect(refused.details?.shortages).toEqual([{ itemId: print.id, name: '冲印相纸', unit: '张', needed: 4, onHand: 2, short: 2 }])
    expect(await lineOf(print.id)).toMatchObject({ onHand: 2 })
    expect((await ops.call('inventory.getStocktake', { stocktakeId: sheet.id }, tokens.manager)).status).toBe('open')
  })

  it('shows each keeper the low stock and value of the branches they keep', async () => {
    const ribbon = await newItem('缎带', 5, '卷')
    await buy(ribbon.id, 3, 50)
    const mine = await ops.call('inventory.overview', {}, tokens.manager)
    expect(mine.branches.map((b: { branchId: string }) => b.branchId)).toEqual([jingan()])
    expect(mine.branches[0].low.map((l: { id: string }) => l.id)).toContain(ribbon.id)
    expect(mine.branches[0].valueFen).toBe((await ops.call('inventory.listItems', {}, tokens.manager)).valueFen)
    const all = await ops.call('inventory.overview', {}, tokens.admin)
    expect(all.branches.map((b: { branchId: string }) => b.branchId).sort()).toEqual([jingan(), xuhui()].sort())
  })
})
