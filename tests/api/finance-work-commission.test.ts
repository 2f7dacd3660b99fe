import { ulid } from 'ulid'
import { studioDate } from '../../functions/domain/time'
import { seedCatalog } from '../support/app'
import { http, ok, signIn } from '../support/http'
import { moveOrder, uploadPhotos } from '../support/orders'
import { newStudio } from '../support/studio'

/**
 * Commission earned by work on an order as it moves through its stages: retouching and design
 * (修图/设计) are paid when the retoucher sends the order on, under the version of the rule in
 * force that day, with month tiers, package overrides, and claw-backs when the rule counts money
 * received and money goes back.
 */
const today = studioDate(new Date(), 'Asia/Shanghai')
const month = today.slice(0, 7)

interface Line {
  id: string
  work: string
  staffName: string
  orderId: string
  source: { kind: string; id: string }
  ruleId: string
  ruleVersion: number
  baseFen: number
  amountFen: number
  clawsBack?: string
}

/** A studio of its own for each rule, so month totals start from nothing. */
async function studioWithPackages(name: string) {
  const studio = await newStudio(undefined, name)
  const branchId = studio.branches[0]!.id
  const tokens: Record<string, string> = {}
  for (const username of ['reception', 'photographer', 'retoucher', 'manager', 'finance']) tokens[username] = await signIn(studio.code, username)
  const [classic, deluxe] = await seedCatalog(studio.code, [branchId], [
    { name: '经典婚纱', category: 'wedding', priceFen: 600_000, image: 'wedding-classic' },
    { name: '臻品婚纱', category: 'wedding', priceFen: 1_000_000, image: 'wedding-classic' },
  ])
  const rule = async (fields: Record<string, unknown>) =>
    ok(
      await http('POST', '/commission/rules', { token: tokens.manager, body: { branchId, effectiveFrom: today, role: 'retoucher', work: 'post', ...fields } }),
      `rule ${JSON.stringify(fields)}`,
    ) as { id: string; version: number }

  /** An order of the package, its deposit paid in cash, walked to 修图 (retouching) by the staff who do each step. */
  const orderInRetouching = async (packageId = classic.id as string, depositFen = 180_000) => {
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
    const customer = ok(await http('POST', '/customers', { token: tokens.reception, body: { name: '林小姐', phone } }), 'customer')
    const order = ok(await http('POST', '/orders', { token: tokens.reception, body: { requestId: ulid(), customerId: customer.id, packageId, branchId } }), 'order')
    const paid = ok(await http('POST', `/orders/${order.id}/payments`, { token: tokens.reception, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: depositFen } }), 'deposit')
    await moveOrder(tokens.photographer!, order.id, 'confirmed', 'shot')
    const [proof] = await uploadPhotos(tokens.photographer!, order.id, 'proof', 1)
    await moveOrder(tokens.photographer!, order.id, 'shot', 'selecting')
    ok(await http('POST', `/orders/${order.id}/selection/confirm`, { token: tokens.reception, body: { photoIds: [proof!.photoId] } }), 'selection')
    return { id: order.id as string, paymentId: paid.payments[0].id as string }
  }
  /** The retoucher takes the order and sends it on to 设计 (design). */
  const retouched = async (orderId: string, token = tokens.retoucher!) => {
    ok(await http('POST', `/orders/${orderId}/take`, { token, body: {} }), 'take')
    await moveOrder(token, orderId, 'retouching', 'designing')
  }
  /**
   * A staff member's own lines, each with the base it was taken from as the branch's manager sees it
   * (a retoucher's own view leaves the base, an order's value or money received, out).
   */
  const linesOf = async (token: string) => {
    const mine = ok(await http('GET', `/commission/mine?month=${month}`, { token }), 'my commission') as { items: Omit<Line, 'baseFen'>[]; totals: Record<string, number> }
    const branch = ok(await http('GET', `/commission/branch?${new URLSearchParams({ branchId, month })}`, { token: tokens.manager! }), 'branch commission') as { items: Line[] }
    const bases = new Map(branch.items.map((line) => [line.id, line.baseFen]))
    return { ...mine, items: mine.items.map((line) => ({ ...line, baseFen: bases.get(line.id)! })) }
  }
  return { studio, branchId, tokens, classic, deluxe, rule, orderInRetouching, retouched, linesOf }
}

describe('commission earned by retouching and design', () => {
  it('pays the retoucher when they send the order on, with the rule version, the order, the stage and the amount', async () => {
    const s = await studioWithPackages('修图提成影楼')
    const rule = await s.rule({ base: 'order_value', calc: { kind: 'percent', basisPoints: 300 } })
    const order = await s.orderInRetouching()
    // Nothing is earned before the work is done.
    expect((await s.linesOf(s.tokens.retoucher!)).items).toEqual([])
    await s.retouched(order.id)
    const mine = await s.linesOf(s.tokens.retoucher!)
    const own = ok(await http('GET', `/commission/mine?month=${month}`, { token: s.tokens.retoucher! }), 'my commission')
    expect(own.items[0]).toMatchObject({ amountFen: 18_000 })
    expect(own.items[0]).not.toHaveProperty('baseFen')
    // 3 % of the ¥6,000 order.
    expect(mine.items).toEqual([
      expect.objectContaining({ work: 'post', staffName: 'retoucher', orderId: order.id, source: { kind: 'stage', id: 'designing' }, ruleId: rule.id, ruleVersion: 1, baseFen: 600_000, amountFen: 18_000 }),
    ])
    // The design sent on for the customer's approval is the second piece of the same work, paid once more.
    await uploadPhotos(s.tokens.retoucher!, order.id, 'design', 1)
    await moveOrder(s.tokens.retoucher!, order.id, 'designing', 'proofing')
    const after = await s.linesOf(s.tokens.retoucher!)
    expect(after.items.map((l) => [l.source.id, l.amountFen])).toEqual([
      ['designing', 18_000],
      ['proofing', 18_000],
    ])
    // Nobody else earns from it, and the branch's manager sees it under the retoucher's name.
    expect((await s.linesOf(s.tokens.reception!)).items).toEqual([])
    const branch = ok(await http('GET', `/commission/branch?branchId=${s.branchId}&month=${month}`, { token: s.tokens.manager }), 'branch')
    expect(branch.staff).toEqual([expect.objectContaining({ staffName: 'retoucher', netFen: 36_000, lines: 2 })])
  })

  it('applies month tiers over the retoucher’s month so far: the part of an order above the threshold earns the higher rate', async () => {
    const s = await studioWithPackages('阶梯提成影楼')
    await s.rule({ base: 'order_value', calc: { kind: 'percent', basisPoints: 100 }, tiers: [{ fromFen: 900_000, basisPoints: 1_000 }] })
    const first = await s.orderInRetouching()
    const second = await s.orderInRetouching()
    await s.retouched(first.id)
    await s.retouched(second.id)
    const lines = (await s.linesOf(s.tokens.retoucher!)).items
    // ¥6,000 at 1 %; then ¥3,000 at 1 % and the ¥3,000 above ¥9,000 at 10 %.
    expect(lines.map((l) => [l.orderId, l.baseFen, l.amountFen])).toEqual([
      [first.id, 600_000, 6_000],
      [second.id, 600_000, 33_000],
    ])
  })

  it('pays a package’s own amount where the rule overrides it, and the rule’s elsewhere', async () => {
    const s = await studioWithPackages('套系提成影楼')
    await s.rule({ base: 'order_value', calc: { kind: 'percent', basisPoints: 200 }, overrides: [{ target: 'package', targetId: s.deluxe.id, calc: { kind: 'fixed', fen: 50_000 } }] })
    const classic = await s.orderInRetouching()
    const deluxe = await s.orderInRetouching(s.deluxe.id, 300_000)
    await s.retouched(classic.id)
    await s.retouched(deluxe.id)
    const lines = (await s.linesOf(s.tokens.retoucher!)).items
    expect(lines.map((l) => [l.orderId, l.amountFen])).toEqual([
      [classic.id, 12_000],
      [deluxe.id, 50_000],
    ])
  })

  it('pays each retoucher for the piece they did when two people retouch and design one order', async () => {
    const s = await studioWithPackages('分工提成影楼')
    await s.rule({ base: 'order_value', calc: { kind: 'percent', basisPoints: 100 } })
    const order = await s.orderInRetouching()
    await s.retouched(order.id)
    // The manager takes the design and sends it on: the design is the manager's piece, paid under the same rule.
    ok(await http('POST', `/orders/${order.id}/take`, { token: s.tokens.manager, body: {} }), 'take the design')
    await uploadPhotos(s.tokens.manager!, order.id, 'design', 1)
    await moveOrder(s.tokens.manager!, order.id, 'designing', 'proofing')
    expect((await s.linesOf(s.tokens.retoucher!)).items.map((l) => [l.source.id, l.amountFen])).toEqual([['designing', 6_000]])
    expect((await s.linesOf(s.tokens.manager!)).items.map((l) => [l.source.id, l.amountFen])).toEqual([['proofing', 6_000]])
  })

  it('leaves lines earned under the earlier version as they were when the rule changes mid-month', async () => {
    const s = await studioWithPackages('改规则影楼')
    const v1 = await s.rule({ base: 'order_value', calc: { kind: 'percent', basisPoints: 300 } })
    const before = await s.orderInRetouching()
    const after = await s.orderInRetouching()
    await s.retouched(before.id)
    const v2 = await s.rule({ base: 'order_value', calc: { kind: 'percent', basisPoints: 500 } })
    expect([v1.version, v2.version, v2.id]).toEqual([1, 2, v1.id])
    await s.retouched(after.id)
    const lines = (await s.linesOf(s.tokens.retoucher!)).items
    expect(lines.map((l) => [l.orderId, l.ruleVersion, l.amountFen])).toEqual([
      [before.id, 1, 18_000],
      [after.id, 2, 30_000],
    ])
  })

  it('claws back in proportion when money the work was paid on goes back, with its own line pointing at the original', async () => {
    const s = await studioWithPackages('退款提成影楼')
    await s.rule({ base: 'received', calc: { kind: 'percent', basisPoints: 500 } })
    const order = await s.orderInRetouching()
    await s.retouched(order.id)
    const [earned] = (await s.linesOf(s.tokens.retoucher!)).items
    // 5 % of the ¥1,800 received by then.
    expect(earned).toMatchObject({ baseFen: 180_000, amountFen: 9_000 })
    ok(
      await http('POST', `/orders/${order.id}/payments/${order.paymentId}/refund`, { token: s.tokens.finance, body: { requestId: ulid(), amountFen: 60_000, reason: '客户调整套系' } }),
      'refund',
    )
    const mine = await s.linesOf(s.tokens.retoucher!)
    // A third of the money went back, so a third of the ¥90 does.
    expect(mine.items).toEqual([
      expect.objectContaining({ id: earned!.id, amountFen: 9_000 }),
      expect.objectContaining({ clawsBack: earned!.id, amountFen: -3_000, baseFen: -60_000, source: expect.objectContaining({ kind: 'refund' }), orderId: order.id, ruleVersion: 1 }),
    ])
    expect(mine.totals).toEqual({ earnedFen: 9_000, clawedBackFen: 3_000, netFen: 6_000 })
  })

  it('takes nothing back from work paid on the order’s value, or from a payment made after the work', async () => {
    const s = await studioWithPackages('按单值退款影楼')
    await s.rule({ base: 'order_value', calc: { kind: 'percent', basisPoints: 300 } })
    const order = await s.orderInRetouching()
    await s.retouched(order.id)
    ok(await http('POST', `/orders/${order.id}/payments/${order.paymentId}/refund`, { token: s.tokens.finance, body: { requestId: ulid(), amountFen: 60_000, reason: '部分退款' } }), 'refund')
    expect((await s.linesOf(s.tokens.retoucher!)).items.map((l) => l.amountFen)).toEqual([18_000])

    const t = await studioWithPackages('后付款退款影楼')
    await t.rule({ base: 'received', calc: { kind: 'percent', basisPoints: 500 } })
    const later = await t.orderInRetouching()
    await t.retouched(later.id)
    const balance = ok(
      await http('POST', `/orders/${later.id}/payments`, { token: t.tokens.reception, body: { requestId: ulid(), kind: 'balance', method: 'cash', amountFen: 100_000 } }),
      'balance after the work',
    )
    const balanceId = balance.payments.find((p: { amountFen: number; id: string }) => p.amountFen === 100_000 && p.id !== later.paymentId).id
    ok(await http('POST', `/orders/${later.id}/payments/${balanceId}/refund`, { token: t.tokens.finance, body: { requestId: ulid(), amountFen: 100_000, reason: '多收退回' } }), 'refund of the later payment')
    expect((await t.linesOf(t.tokens.retoucher!)).items.map((l) => l.amountFen)).toEqual([9_000])
  })
})
