import { ulid } from 'ulid'
import { http, ok, signIn } from '../support/http'
import { orderInProofing, packageUsing, stockedItem, type StaffTokens } from '../support/production'
import { newStudio } from '../support/studio'

/**
 * 制作 takes the order's materials from stock in the same transaction as the stage change, over
 * HTTP through serverless-offline: never below zero, also when several orders enter at once.
 */
let studio: Awaited<ReturnType<typeof newStudio>>
const tokens = {} as StaffTokens & Record<string, string>

beforeAll(async () => {
  studio = await newStudio()
  for (const username of ['reception', 'photographer', 'retoucher', 'manager', 'finance', 'manager2', 'admin']) tokens[username] = await signIn(studio.code, username)
})

const approve = (orderId: string) => http('POST', `/orders/${orderId}/proof`, { token: tokens.reception, body: { decision: 'approve' } })
const stageOf = async (orderId: string) => ok(await http('GET', `/orders/${orderId}`, { token: tokens.manager }), 'order').order.stage as string
const onHand = async (itemId: string) =>
  ok(await http('GET', '/stock/items', { token: tokens.manager }), 'stock').items.find((i: { id: string }) => i.id === itemId).onHand as number
const consumptions = async (itemId: string) =>
  ok(await http('GET', `/stock/movements?itemId=${itemId}`, { token: tokens.manager }), 'movements').items.filter((m: { kind: string }) => m.kind === 'consumption')

describe('materials taken at 制作', () => {
  it('takes the album and its box when the design is approved, with the order and who on the movement', async () => {
    const album = await stockedItem(tokens, '水晶相册 A', 3)
    const box = await stockedItem(tokens, '相册礼盒 A', 5, 3500, '个')
    const pkg = await packageUsing(tokens, studio.branches[0]!.id, [{ stockItemId: album.id, quantity: 1 }, { stockItemId: box.id, quantity: 2 }])
    const orderId = await orderInProofing(tokens, pkg.id)
    const answer = await approve(orderId)
    expect(answer.status).toBe(200)
    expect(answer.body.stage).toBe('producing')
    expect([await onHand(album.id), await onHand(box.id)]).toEqual([2, 3])
    const [taken] = await consumptions(album.id)
    expect(taken).toMatchObject({ orderId, quantity: -1, unitCostFen: 42000, branchId: studio.branches[0]!.id, by: { role: 'reception' } })
  })

  it('refuses the stage change naming each item short and by how much, and writes nothing', async () => {
    const album = await stockedItem(tokens, '水晶相册 B', 1)
    const box = await stockedItem(tokens, '相册礼盒 B', 0, 3500, '个')
    const frame = await stockedItem(tokens, '实木相框 B', 5, 9000, '个')
    const pkg = await packageUsing(tokens, studio.branches[0]!.id, [{ stockItemId: album.id, quantity: 2 }, { stockItemId: box.id, quantity: 1 }, { stockItemId: frame.id, quantity: 1 }])
    const orderId = await orderInProofing(tokens, pkg.id)
    const refused = await approve(orderId)
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('STOCK_SHORT')
    expect(refused.body.error.details.shortages).toEqual([
      { itemId: album.id, name: '水晶相册 B', unit: '本', needed: 2, onHand: 1, short: 1 },
      { itemId: box.id, name: '相册礼盒 B', unit: '个', needed: 1, onHand: 0, short: 1 },
    ])
    expect(await stageOf(orderId)).toBe('proofing')
    expect([await onHand(album.id), await onHand(box.id), await onHand(frame.id)]).toEqual([1, 0, 5])
    expect(await consumptions(frame.id)).toEqual([])
    // Once the stock room is restocked, the same approval goes through.
    ok(await http('POST', '/stock/purchases', { token: tokens.manager, body: { requestId: ulid(), itemId: album.id, quantity: 1, unitCostFen: 42000, supplier: '广州相册厂' } }), 'restock')
    ok(await http('POST', '/stock/purchases', { token: tokens.manager, body: { requestId: ulid(), itemId: box.id, quantity: 1, unitCostFen: 3500, supplier: '广州相册厂' } }), 'restock')
    expect((await approve(orderId)).status).toBe(200)
    expect([await onHand(album.id), await onHand(box.id), await onHand(frame.id)]).toEqual([0, 0, 4])
  })

  it('lets exactly one of two orders entering 制作 at once take the last album; stock ends at zero', async () => {
    const album = await stockedItem(tokens, '水晶相册 C', 1)
    const pkg = await packageUsing(tokens, studio.branches[0]!.id, [{ stockItemId: album.id, quantity: 1 }])
    const orders = [await orderInProofing(tokens, pkg.id, '甲'), await orderInProofing(tokens, pkg.id, '乙')]
    const answers = await Promise.all(orders.map(approve))
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    const refused = answers.find((a) => a.status === 409)!
    expect(refused.body.error.code).toBe('STOCK_SHORT')
    expect(refused.body.error.details.shortages).toEqual([{ itemId: album.id, name: '水晶相册 C', unit: '本', needed: 1, onHand: 0, short: 1 }])
    expect((await Promise.all(orders.map(stageOf))).sort()).toEqual(['producing', 'proofing'])
    expect(await onHand(album.id)).toBe(0)
    expect(await consumptions(album.id)).toHaveLength(1)
  })

  it('takes again on a redo only what the desk names', async () => {
    const album = await stockedItem(tokens, '水晶相册 D', 4)
    const box = await stockedItem(tokens, '相册礼盒 D', 4, 3500, '个')
    const pkg = await packageUsing(tokens, studio.branches[0]!.id, [{ stockItemId: album.id, quantity: 1 }, { stockItemId: box.id, quantity: 1 }])
    const orderId = await orderInProofing(tokens, pkg.id)
    ok(await approve(orderId), 'approval')
    ok(await http('POST', `/orders/${orderId}/lab`, { token: tokens.reception }), 'lab')
    ok(await http('POST', `/orders/${orderId}/advance`, { token: tokens.reception, body: { from: 'producing', to: 'ready' } }), 'ready')
    const redo = await http('POST', `/orders/${orderId}/redo`, { token: tokens.reception, body: { from: 'ready', materials: [{ stockItemId: album.id, quantity: 1 }], note: '相册封面压痕，重做' } })
    expect(redo.status).toBe(200)
    expect(redo.body).toMatchObject({ stage: 'producing' })
    expect(redo.body.labSentAt).toBeUndefined()
    expect(redo.body.timeline.at(-1)).toMatchObject({ stage: 'producing', note: '相册封面压痕，重做' })
    expect([await onHand(album.id), await onHand(box.id)]).toEqual([2, 3])
    // The order is in 制作 now: the same redo sent again is refused and takes nothing.
    const again = await http('POST', `/orders/${orderId}/redo`, { token: tokens.reception, body: { from: 'ready', materials: [{ stockItemId: album.id, quantity: 1 }], note: '相册封面压痕，重做' } })
    expect(again.body.error.code).toBe('ILLEGAL_TRANSITION')
    expect(await onHand(album.id)).toBe(2)
  })

  it('lets only the desk send an order back, and only with the studio’s own materials', async () => {
    const album = await stockedItem(tokens, '水晶相册 E', 2)
    const pkg = await packageUsing(tokens, studio.branches[0]!.id, [])
    const orderId = await orderInProofing(tokens, pkg.id)
    ok(await approve(orderId), 'approval')
    expect(await onHand(album.id)).toBe(2)
    ok(await http('POST', `/orders/${orderId}/lab`, { token: tokens.reception }), 'lab')
    ok(await http('POST', `/orders/${orderId}/advance`, { token: tokens.reception, body: { from: 'producing', to: 'ready' } }), 'ready')
    const body = { from: 'ready', materials: [{ stockItemId: album.id, quantity: 1 }], note: '重做' }
    expect((await http('POST', `/orders/${orderId}/redo`, { token: tokens.retoucher, body })).status).toBe(403)
    const foreign = await http('POST', `/orders/${orderId}/redo`, { token: tokens.reception, body: { ...body, materials: [{ stockItemId: ulid(), quantity: 1 }] } })
    expect(foreign.status).toBe(400)
    expect(foreign.body.error.details.fields).toEqual([{ path: 'materials.0.stockItemId', message: 'is not a stock item of this studio' }])
    expect(await stageOf(orderId)).toBe('ready')
  })
})

describe('the stock room over HTTP', () => {
  it('is for finance, managers and admins only', async () => {
    for (const username of ['reception', 'photographer', 'retoucher']) {
      expect((await http('GET', '/stock/items', { token: tokens[username] })).status).toBe(403)
    }
    expect((await http('GET', '/stock/items', { token: tokens.finance })).status).toBe(200)
    expect((await http('GET', '/stock/overview', { token: tokens.manager2 })).body.branches.map((b: { branchId: string }) => b.branchId)).toEqual([studio.branches[1]!.id])
  })

  it('answers bad input with the documented error shape, field by field', async () => {
    const answer = await http('POST', '/stock/purchases', { token: tokens.manager, body: { requestId: 'nope', itemId: ulid(), quantity: 0, unitCostFen: -1, supplier: '' } })
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('VALIDATION_FAILED')
    expect(answer.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['quantity', 'requestId', 'supplier', 'unitCostFen'])
  })

  it('posts a count sheet as one adjustment of the differences, once', async () => {
    const album = await stockedItem(tokens, '水晶相册 F', 10)
    const usb = await stockedItem(tokens, 'U盘 F', 5, 2800, '个')
    let sheet = ok(await http('POST', '/stock/stocktakes', { token: tokens.finance, body: { requestId: ulid() } }), 'open sheet')
    sheet = ok(
      await http('PUT', `/stock/stocktakes/${sheet.id}/counts`, { token: tokens.finance, body: { version: sheet.version, counts: [{ itemId: album.id, counted: 7 }, { itemId: usb.id, counted: 6 }] } }),
      'counts',
    )
    const stale = await http('PUT', `/stock/stocktakes/${sheet.id}/counts`, { token: tokens.finance, body: { version: 1, counts: [{ itemId: album.id, counted: 0 }] } })
    expect([stale.status, stale.body.error.code]).toEqual([409, 'VERSION_CONFLICT'])
    const posted = await http('POST', `/stock/stocktakes/${sheet.id}/post`, { token: tokens.finance, body: { version: sheet.version, reason: '季度盘点' } })
    expect(posted.status).toBe(200)
    expect([await onHand(album.id), await onHand(usb.id)]).toEqual([7, 6])
    const adjustment = (itemId: string) =>
      http('GET', `/stock/movements?itemId=${itemId}`, { token: tokens.manager }).then((a) => a.body.items.filter((m: { kind: string }) => m.kind === 'adjustment'))
    expect((await adjustment(album.id)).map((m: { quantity: number; reason: string; stocktakeId: string }) => [m.quantity, m.reason, m.stocktakeId])).toEqual([[-3, '季度盘点', sheet.id]])
    expect((await adjustment(usb.id)).map((m: { quantity: number }) => m.quantity)).toEqual([1])
    const again = await http('POST', `/stock/stocktakes/${sheet.id}/post`, { token: tokens.finance, body: { version: posted.body.version, reason: '季度盘点' } })
    expect([again.status, again.body.error.code]).toEqual([412, 'PRECONDITION_FAILED'])
    expect([await onHand(album.id), await onHand(usb.id)]).toEqual([7, 6])
  })

  it('refuses a bill of materials naming something that is not a stock item of the studio', async () => {
    const answer = await http('POST', '/catalog/products', { token: tokens.manager, body: { name: '摆台', priceFen: 100, unit: '个', consumesStock: true, materials: [{ stockItemId: ulid(), quantity: 1 }] } })
    expect(answer.status).toBe(400)
    expect(answer.body.error.details.fields).toEqual([{ path: 'materials.0.stockItemId', message: 'is not a stock item of this studio' }])
  })
})
