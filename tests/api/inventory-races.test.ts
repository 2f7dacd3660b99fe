import fc from 'fast-check'
import { ulid } from 'ulid'
import { stockViolations } from '../../functions/domain/stock'
import { http, ok, signIn } from '../support/http'
import { orderInProofing, packageUsing, stockedItem, type StaffTokens } from '../support/production'
import { newStudio } from '../support/studio'

/**
 * Stock under races, over HTTP through serverless-offline: 制作 taking materials at the same moment
 * as a transfer, a stock count being posted, or a purchase meeting a transfer. Each race runs
 * ROUNDS times; after each, the stock invariants of both branches are checked — on hand is the
 * sum of the movements and never below zero, and the value shown is Σ on hand × unit cost.
 */
const ROUNDS = 20

let studio: Awaited<ReturnType<typeof newStudio>>
const tokens = {} as StaffTokens & Record<string, string>
let home: string
let other: string
/** An order that goes back and forth between 取件 (ready) and 制作: each redo takes what it names. */
let orderId: string

beforeAll(async () => {
  studio = await newStudio(undefined, '库存竞态影楼')
  for (const username of ['reception', 'photographer', 'retoucher', 'manager', 'finance', 'admin']) tokens[username] = await signIn(studio.code, username)
  home = studio.branches[0]!.id
  other = studio.branches.find((b) => b.id !== home)!.id
  const pkg = await packageUsing(tokens, home, [])
  orderId = await orderInProofing(tokens, pkg.id)
  ok(await http('POST', `/orders/${orderId}/proof`, { token: tokens.reception, body: { decision: 'approve' } }), 'approval')
  await backFromLab()
}, 120_000)

async function backFromLab() {
  ok(await http('POST', `/orders/${orderId}/lab`, { token: tokens.reception }), 'lab')
  ok(await http('POST', `/orders/${orderId}/advance`, { token: tokens.reception, body: { from: 'producing', to: 'ready' } }), 'ready')
}

/** The desk sends the order back to 制作, taking `quantity` of the item. */
const redo = (itemId: string, quantity = 1) =>
  http('POST', `/orders/${orderId}/redo`, { token: tokens.reception, body: { from: 'ready', materials: [{ stockItemId: itemId, quantity }], note: '重做' } })
const buy = async (itemId: string, quantity: number, unitCostFen = 42_000) =>
  ok(await http('POST', '/stock/purchases', { token: tokens.manager, body: { requestId: ulid(), itemId, quantity, unitCostFen, supplier: '广州相册厂' } }), 'purchase')
const transfer = (itemId: string, quantity: number) =>
  http('POST', '/stock/transfers', { token: tokens.manager, body: { requestId: ulid(), toBranchId: other, itemId, quantity } })
const lineOf = async (itemId: string, branchId = home) =>
  (ok(await http('GET', `/stock/items?branchId=${branchId}`, { token: tokens.admin }), 'stock').items as { id: string; onHand: number; unitCostFen: number }[]).find((i) => i.id === itemId)!

/** Every movement of a branch, page by page. */
async function movementsOf(branchId: string) {
  const all: { itemId: string; branchId: string; quantity: number; kind: string; unitCostFen: number }[] = []
  let cursor: string | undefined
  do {
    const page = ok(await http('GET', `/stock/movements?branchId=${branchId}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: tokens.admin }), 'movements')
    all.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return all
}

/** What is wrong with the stock of both branches; empty when every invariant holds. */
async function violations() {
  const levels = []
  for (const branchId of [home, other]) {
    const items = ok(await http('GET', `/stock/items?branchId=${branchId}&includeInactive=true`, { token: tokens.admin }), 'stock').items as { id: string; onHand: number; unitCostFen: number }[]
    levels.push(...items.map((i) => ({ itemId: i.id, branchId, onHand: i.onHand, unitCostFen: i.unitCostFen })))
  }
  const movements = [...(await movementsOf(home)), ...(await movementsOf(other))]
  const overview = ok(await http('GET', '/stock/overview', { token: tokens.admin }), 'overview').branches as { branchId: string; valueFen: number }[]
  return stockViolations(levels, movements, new Map(overview.map((b) => [b.branchId, b.valueFen]))).map((v) => v.message)
}

describe('stock under races', () => {
  it(`lets 制作 and a transfer of the last album at the same moment take it exactly once (${ROUNDS} races)`, async () => {
    const album = await stockedItem(tokens, '竞态相册', 0)
    const outcomes: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      await buy(album.id, 1)
      const [redone, sent] = await Promise.all([redo(album.id), transfer(album.id, 1)])
      const codes = [redone, sent].map((a) => (a.status === 200 ? 'OK' : a.body.error.code))
      expect(codes.sort()).toEqual(['OK', 'STOCK_SHORT'])
      const refused = [redone, sent].find((a) => a.status !== 200)!
      expect(refused.body.error.details.shortages).toEqual([expect.objectContaining({ itemId: album.id, needed: 1, onHand: 0, short: 1 })])
      expect((await lineOf(album.id)).onHand).toBe(0)
      outcomes.push(redone.status === 200 ? 'redo' : 'transfer')
      if (redone.status === 200) await backFromLab()
      expect(await violations()).toEqual([])
    }
    expect((await lineOf(album.id, other)).onHand).toBe(outcomes.filter((o) => o === 'transfer').length)
  }, 600_000)

  it('posts a count against the level it counted: stock used after the sheet opened but before the count is not taken twice', async () => {
    const frame = await stockedItem(tokens, '盘点相框', 3, 9_000, '个')
    let sheet = ok(await http('POST', '/stock/stocktakes', { token: tokens.manager, body: { requestId: ulid() } }), 'open sheet')
    expect(sheet.lines.find((l: { itemId: string }) => l.itemId === frame.id).expected).toBe(3)
    ok(await redo(frame.id), 'a frame taken after the sheet was opened')
    await backFromLab()
    // Two are on the shelf: nothing is missing.
    sheet = ok(await http('PUT', `/stock/stocktakes/${sheet.id}/counts`, { token: tokens.manager, body: { version: sheet.version, counts: [{ itemId: frame.id, counted: 2 }] } }), 'count')
    expect(sheet.lines.find((l: { itemId: string }) => l.itemId === frame.id)).toMatchObject({ expected: 2, counted: 2 })
    ok(await http('POST', `/stock/stocktakes/${sheet.id}/post`, { token: tokens.manager, body: { version: sheet.version, reason: '月末盘点' } }), 'post')
    expect((await lineOf(frame.id)).onHand).toBe(2)
    expect(await violations()).toEqual([])
  }, 120_000)

  it(`posts a count and takes stock for 制作 at the same moment, each exactly once (${ROUNDS} races)`, async () => {
    const box = await stockedItem(tokens, '盘点礼盒', 0, 3_500, '个')
    for (let round = 0; round < ROUNDS; round++) {
      const before = (await lineOf(box.id)).onHand
      await buy(box.id, 3 - before, 3_500)
      let sheet = ok(await http('POST', '/stock/stocktakes', { token: tokens.manager, body: { requestId: ulid() } }), 'open sheet')
      // One box is missing from the shelf of three.
      sheet = ok(await http('PUT', `/stock/stocktakes/${sheet.id}/counts`, { token: tokens.manager, body: { version: sheet.version, counts: [{ itemId: box.id, counted: 2 }] } }), 'count')
      const [posted, redone] = await Promise.all([
        http('POST', `/stock/stocktakes/${sheet.id}/post`, { token: tokens.manager, body: { version: sheet.version, reason: '盘点' } }),
        redo(box.id),
      ])
      expect([posted.status, redone.status]).toEqual([200, 200])
      // Three, one lost, one used: one left whichever landed first.
      expect((await lineOf(box.id)).onHand).toBe(1)
      const adjustments = (await movementsOf(home)).filter((m) => m.kind === 'adjustment' && m.itemId === box.id && (m as { stocktakeId?: string }).stocktakeId === sheet.id)
      expect(adjustments.map((m) => m.quantity)).toEqual([-1])
      await backFromLab()
      expect(await violations()).toEqual([])
    }
  }, 600_000)

  it(`keeps every unit and the moving average when a purchase and a transfer of the same item meet (${ROUNDS} races)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const usb = await stockedItem(tokens, `竞态U盘${round}`, 2, 1_000, '个')
      const [bought, sent] = await Promise.all([
        http('POST', '/stock/purchases', { token: tokens.manager, body: { requestId: ulid(), itemId: usb.id, quantity: 3, unitCostFen: 2_000, supplier: '深圳数码' } }),
        transfer(usb.id, 2),
      ])
      expect([bought.status, sent.status]).toEqual([200, 200])
      const here = await lineOf(usb.id)
      const there = await lineOf(usb.id, other)
      const out = (await movementsOf(home)).find((m) => m.itemId === usb.id && m.kind === 'transfer_out')!
      // Bought first: 2 at ¥10 and 3 at ¥20 average ¥16, and two leave at ¥16. Sent first: two leave at ¥10, three arrive at ¥20.
      expect([here.onHand, there.onHand]).toEqual([3, 2])
      expect([[1_600, 1_600], [2_000, 1_000]]).toContainEqual([here.unitCostFen, out.unitCostFen])
      expect(there.unitCostFen).toBe(out.unitCostFen)
      // Nothing is worth more or less than what was paid for it.
      expect(here.onHand * here.unitCostFen + there.onHand * there.unitCostFen).toBe(2 * 1_000 + 3 * 2_000)
      expect(await violations()).toEqual([])
    }
  }, 600_000)
})

/** One stock change of a random mix: bought in, sent to the other branch, taken for 制作, or counted one short and posted. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('purchase' as const), item: fc.nat(1), quantity: fc.integer({ min: 1, max: 3 }), unitCostFen: fc.integer({ min: 1_000, max: 5_000 }) }),
  fc.record({ kind: fc.constant('transfer' as const), item: fc.nat(1), quantity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('consume' as const), item: fc.nat(1), quantity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('count' as const), item: fc.nat(1) }),
)

describe('the stock invariants hold after random concurrent mixes', () => {
  it(`purchases, transfers, 制作 and counts of two items, a few at once, round after round (${ROUNDS} runs)`, async () => {
    const items = [await stockedItem(tokens, '混合相册', 4), await stockedItem(tokens, '混合相框', 4, 9_000, '个')]
    const outcome = (answer: { status: number; body: { error?: { code: string } } }) => (answer.status === 200 ? 'OK' : answer.body.error!.code)
    /** A sheet opened, the item counted one short of the books, and posted. */
    const countOneShort = async (itemId: string) => {
      const opened = ok(await http('POST', '/stock/stocktakes', { token: tokens.manager, body: { requestId: ulid() } }), 'open sheet')
      const onHand = opened.lines.find((l: { itemId: string }) => l.itemId === itemId).expected as number
      const counted = await http('PUT', `/stock/stocktakes/${opened.id}/counts`, { token: tokens.manager, body: { version: opened.version, counts: [{ itemId, counted: Math.max(0, onHand - 1) }] } })
      if (counted.status !== 200) return outcome(counted)
      return outcome(await http('POST', `/stock/stocktakes/${opened.id}/post`, { token: tokens.manager, body: { version: counted.body.version, reason: '抽盘' } }))
    }
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 2, maxLength: 4 }), async (mix) => {
        const outcomes = await Promise.all(
          mix.map(async (c) => {
            const itemId = items[c.item]!.id
            switch (c.kind) {
              case 'purchase':
                return outcome(await http('POST', '/stock/purchases', { token: tokens.manager, body: { requestId: ulid(), itemId, quantity: c.quantity, unitCostFen: c.unitCostFen, supplier: '混合' } }))
              case 'transfer':
                return outcome(await transfer(itemId, c.quantity))
              case 'consume':
                return outcome(await redo(itemId, c.quantity))
              case 'count':
                return countOneShort(itemId)
            }
          }),
        )
        // Refusals are the studio's answers: not enough stock, or the order already sent back by another redo of the mix.
        for (const o of outcomes) expect(['OK', 'STOCK_SHORT', 'ILLEGAL_TRANSITION', 'VERSION_CONFLICT']).toContain(o)
        const order = ok(await http('GET', `/orders/${orderId}`, { token: tokens.manager }), 'order').order
        if (order.stage === 'producing') await backFromLab()
        expect(await violations()).toEqual([])
      }),
      // Every run counts: no time limit cuts the runs short of ROUNDS.
      { numRuns: ROUNDS },
    )
  }, 600_000)
})
