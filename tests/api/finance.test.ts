import { ulid } from 'ulid'
import { studioDate } from '../../functions/domain/time'
import { seedCatalog } from '../support/app'
import { http, ok, signIn } from '../support/http'
import { moveOrder, uploadPhotos } from '../support/orders'
import { newStudio } from '../support/studio'

/**
 * Finance over HTTP: money taken at the desks lands in the branch's day book, the day closes and
 * then refuses what is dated on it, commission follows the rule version in force, and refunds
 * claw it back.
 */
describe('the books of a branch over HTTP', () => {
  const today = studioDate(new Date(), 'Asia/Shanghai')
  const month = today.slice(0, 7)
  const tokens: Record<string, string> = {}
  let studio: Awaited<ReturnType<typeof newStudio>>
  let branchId: string
  let packageId: string
  let customerId: string

  beforeAll(async () => {
    studio = await newStudio(undefined, '账本测试影楼')
    branchId = studio.branches[0]!.id
    for (const username of ['reception', 'finance', 'manager', 'manager2', 'photographer', 'admin']) tokens[username] = await signIn(studio.code, username)
    const [pkg] = await seedCatalog(studio.code, [branchId], [{ name: '经典婚纱', category: 'wedding', priceFen: 600_000, image: 'wedding-classic' }])
    packageId = pkg.id
    customerId = ok(await http('POST', '/customers', { token: tokens.reception, body: { name: '林小姐', phone: '13900001111' } }), 'customer').id
  })

  const openOrder = async () => ok(await http('POST', '/orders', { token: tokens.reception, body: { requestId: ulid(), customerId, packageId, branchId } }), 'order')
  const pay = (orderId: string, amountFen: number, method = 'cash', token = tokens.reception, kind = 'deposit') =>
    http('POST', `/orders/${orderId}/payments`, { token, body: { requestId: ulid(), kind, method, amountFen } })
  const day = async (date = today) => ok(await http('GET', `/finance/days/${branchId}/${date}`, { token: tokens.finance }), 'day')
  /** The manager saves a rule of the branch, in force from today. */
  const setRule = async (fields: Record<string, unknown>) =>
    ok(await http('POST', '/commission/rules', { token: tokens.manager, body: { branchId, effectiveFrom: today, ...fields } }), `rule ${JSON.stringify(fields)}`)
  const rule = (basisPoints: number) => setRule({ role: 'reception', work: 'sale', base: 'received', calc: { kind: 'percent', basisPoints } })

  let firstOrder: { id: string }
  let firstPaymentId: string

  it('books what each desk takes, by method, into the day; offline money waits in the day’s unaudited list', async () => {
    expect(await rule(300)).toMatchObject({ version: 1 })
    const before = await day()
    firstOrder = await openOrder()
    const paid = ok(await pay(firstOrder.id, 180_000), 'deposit in cash')
    firstPaymentId = paid.payments[0].id
    ok(await pay(firstOrder.id, 100_000, 'card', tokens.finance, 'balance'), 'balance by card')
    const after = await day()
    expect(after.revision).toBe(before.revision + 2)
    expect(after.methods.find((m: { method: string }) => m.method === 'cash').receivedFen - (before.methods.find((m: { method: string }) => m.method === 'cash').receivedFen)).toBe(180_000)
    expect(after.desks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ deskName: 'reception', method: 'cash', amountFen: 180_000, count: 1 }),
        expect.objectContaining({ deskName: 'finance', method: 'card', amountFen: 100_000, count: 1 }),
      ]),
    )
    expect(after.unaudited.map((u: { paymentId: string }) => u.paymentId)).toEqual(expect.arrayContaining([firstPaymentId]))
    expect(after.expectedCashFen - before.expectedCashFen).toBe(180_000)
  })

  it('pays the desk its sale commission on money received, under the rule in force; a rule changed mid-month leaves earlier lines as they were', async () => {
    const mine = ok(await http('GET', `/commission/mine?month=${month}`, { token: tokens.reception }), 'my commission')
    // 3 % of ¥1,800 and of ¥1,000 — the card payment was taken by finance, but the sale is reception's.
    expect(mine.items.map((l: { baseFen: number; amountFen: number; ruleVersion: number }) => [l.baseFen, l.amountFen, l.ruleVersion])).toEqual([
      [180_000, 5_400, 1],
      [100_000, 3_000, 1],
    ])
    expect(await rule(500)).toMatchObject({ version: 2 })
    const second = await openOrder()
    ok(await pay(second.id, 200_000), 'second deposit')
    const after = ok(await http('GET', `/commission/mine?month=${month}`, { token: tokens.reception }), 'my commission after the change')
    expect(after.items.map((l: { amountFen: number; ruleVersion: number }) => [l.amountFen, l.ruleVersion])).toEqual([
      [5_400, 1],
      [3_000, 1],
      [10_000, 2],
    ])
    expect(after.totals).toEqual({ earnedFen: 18_400, clawedBackFen: 0, netFen: 18_400 })
  })

  it('claws commission back in proportion when a payment is refunded, with its own line pointing at the original', async () => {
    const refunded = await http('POST', `/orders/${firstOrder.id}/payments/${firstPaymentId}/refund`, { token: tokens.finance, body: { requestId: ulid(), amountFen: 60_000, reason: '客户调整套系' } })
    expect(refunded.status).toBe(200)
    const mine = ok(await http('GET', `/commission/mine?month=${month}`, { token: tokens.reception }), 'my commission')
    const original = mine.items.find((l: { source: { id: string } }) => l.source.id === firstPaymentId)
    const claw = mine.items.find((l: { clawsBack?: string }) => l.clawsBack === original.id)
    // A third of the ¥1,800 went back, so a third of its ¥54 commission does.
    expect(claw).toMatchObject({ amountFen: -1_800, baseFen: -60_000, source: { kind: 'refund' }, ruleVersion: 1, orderId: firstOrder.id })
    expect(original.amountFen).toBe(5_400)
    expect(mine.totals).toEqual({ earnedFen: 18_400, clawedBackFen: 1_800, netFen: 16_600 })
    const today_ = await day()
    expect(today_.methods.find((m: { method: string }) => m.method === 'cash').refundedFen).toBeGreaterThanOrEqual(60_000)
  })

  it('shows a photographer only their own commission, and the branch’s to its manager, who exports it for payroll', async () => {
    expect(ok(await http('GET', `/commission/mine?month=${month}`, { token: tokens.photographer }), 'photographer').items).toEqual([])
    expect((await http('GET', `/commission/branch?branchId=${branchId}&month=${month}`, { token: tokens.photographer })).status).toBe(403)
    expect((await http('GET', `/commission/branch?branchId=${branchId}&month=${month}`, { token: tokens.manager2 })).status).toBe(403)
    const branch = ok(await http('GET', `/commission/branch?branchId=${branchId}&month=${month}`, { token: tokens.manager }), 'branch commission')
    expect(branch.staff).toEqual([expect.objectContaining({ staffName: 'reception', netFen: 16_600, lines: 4 })])
    const exported = ok(await http('GET', `/commission/export?branchId=${branchId}&month=${month}`, { token: tokens.manager }), 'export')
    expect(exported).toMatchObject({ filename: `commission-${month}.csv`, rows: 4 })
    expect(exported.csv.startsWith('\ufeff日期,员工')).toBe(true)
    expect(exported.csv).toContain(',54.00,')
    // A claw-back stays a number Excel adds up, not text.
    expect(exported.csv).toContain(',-18.00,')
  })

  it('pays the photographer for the shoot when they mark it done, once, and shows it to them alone', async () => {
    await setRule({ role: 'photographer', work: 'shoot', base: 'order_value', calc: { kind: 'percent', basisPoints: 200 } })
    const order = await openOrder()
    ok(await pay(order.id, 180_000), 'deposit')
    const shot = await http('POST', `/orders/${order.id}/advance`, { token: tokens.photographer, body: { from: 'confirmed', to: 'shot' } })
    expect(shot.body).toMatchObject({ stage: 'shot' })
    const mine = ok(await http('GET', `/commission/mine?month=${month}`, { token: tokens.photographer }), 'photographer commission')
    // 2 % of the ¥6,000 order, earned by the shoot: what they earned, not the order's value it was taken from.
    expect(mine.items).toEqual([expect.objectContaining({ work: 'shoot', orderId: order.id, amountFen: 12_000, source: { kind: 'stage', id: 'shot' }, staffName: 'photographer' })])
    expect(mine.items[0]).not.toHaveProperty('baseFen')
    // Marking it again is refused (the order moved on) and earns nothing twice.
    expect((await http('POST', `/orders/${order.id}/advance`, { token: tokens.photographer, body: { from: 'confirmed', to: 'shot' } })).body.error.code).toBe('ILLEGAL_TRANSITION')
    expect(ok(await http('GET', `/commission/mine?month=${month}`, { token: tokens.photographer }), 'again').items).toHaveLength(1)
    const reception = ok(await http('GET', `/commission/mine?month=${month}`, { token: tokens.reception }), 'reception commission')
    expect(reception.items.every((l: { staffName: string }) => l.staffName === 'reception')).toBe(true)
  })

  it('counts a month’s tiers once for each payment, even when two desks take money for the same seller at the same moment', async () => {
    await setRule({ role: 'manager', work: 'sale', base: 'received', calc: { kind: 'percent', basisPoints: 100 }, tiers: [{ fromFen: 300_000, basisPoints: 1_000 }] })
    const open = async () => ok(await http('POST', '/orders', { token: tokens.manager, body: { requestId: ulid(), customerId, packageId, branchId } }), 'order')
    const [a, b] = [await open(), await open()]
    const [first, second] = await Promise.all([pay(a.id, 180_000, 'cash', tokens.reception), pay(b.id, 180_000, 'card', tokens.finance)])
    expect([first.status, second.status]).toEqual([200, 200])
    const lines = ok(await http('GET', `/commission/mine?month=${month}`, { token: tokens.manager }), 'manager commission').items
    // ¥1,800 at 1 %, then ¥1,200 at 1 % and ¥600 at 10 % — whichever payment came first.
    expect(lines.map((l: { amountFen: number }) => l.amountFen).sort((x: number, y: number) => x - y)).toEqual([1_800, 7_200])
  })

  it('pays a fixed amount per extra photo sold at selection to whoever on the staff confirmed it', async () => {
    await setRule({ role: 'reception', work: 'upsell', base: 'order_value', calc: { kind: 'fixed', fen: 1_000 } })
    const order = await openOrder()
    ok(await pay(order.id, 180_000), 'deposit')
    await moveOrder(tokens.photographer!, order.id, 'confirmed', 'shot')
    // The package includes 30 retouched photos: picking 32 sells two extra.
    const proofs = await uploadPhotos(tokens.photographer!, order.id, 'proof', 32)
    await moveOrder(tokens.photographer!, order.id, 'shot', 'selecting')
    ok(await http('POST', `/orders/${order.id}/selection/confirm`, { token: tokens.reception, body: { photoIds: proofs.map((p) => p.photoId) } }), 'selection')
    const lines = ok(await http('GET', `/commission/mine?month=${month}`, { token: tokens.reception }), 'reception commission').items
    expect(lines.filter((l: { work: string }) => l.work === 'upsell')).toEqual([expect.objectContaining({ orderId: order.id, baseFen: 10_000, amountFen: 2_000, source: { kind: 'stage', id: 'retouching' } })])
  })

  it('records an expense with a receipt photo uploaded to the file store', async () => {
    expect((await http('POST', '/finance/expenses', { token: tokens.reception, body: { requestId: ulid(), branchId, kind: 'expense', category: 'props', amountFen: 1, date: today, payee: 'x' } })).status).toBe(403)
    const link = ok(await http('POST', '/finance/receipts/uploads', { token: tokens.finance, body: { contentType: 'image/png' } }), 'upload link')
    const form = new FormData()
    for (const [name, value] of Object.entries(link.upload.fields as Record<string, string>)) form.append(name, value)
    form.append(link.upload.fileField, new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' }), 'receipt.png')
    expect((await fetch(link.upload.url, { method: 'POST', body: form })).ok).toBe(true)
    const expense = ok(
      await http('POST', '/finance/expenses', {
        token: tokens.finance,
        body: { requestId: ulid(), branchId, kind: 'expense', category: 'lab', amountFen: 45_000, date: today, payee: '彩印中心', receiptKey: link.receiptKey },
      }),
      'expense',
    )
    expect(expense.receiptUrl).toBeTruthy()
    expect((await fetch(expense.receiptUrl)).status).toBe(200)
    const bad = await http('POST', '/finance/expenses', { token: tokens.finance, body: { requestId: ulid(), branchId, kind: 'expense', category: 'lab', amountFen: '450', date: today, payee: '' } })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['amountFen', 'payee'])
  })

  it('closes the day, and then refuses a payment, an audit or a refund dated on it until a manager reopens it', async () => {
    const seen = await day()
    const unaudited = seen.unaudited[0]
    const close = await http('POST', `/finance/days/${branchId}/${today}/close`, {
      token: tokens.finance,
      body: { revision: seen.revision, countedCashFen: seen.expectedCashFen - 500, differenceReason: '找零短款' },
    })
    expect(close.status).toBe(200)
    expect(close.body).toMatchObject({ status: 'closed', close: { differenceFen: -500, differenceReason: '找零短款' }, expenseFen: 45_000 })
    expect(close.body.unaudited.length).toBe(seen.unaudited.length)

    const order = await openOrder()
    const late = await pay(order.id, 50_000)
    expect({ status: late.status, code: late.body.error.code }).toEqual({ status: 409, code: 'DAY_CLOSED' })
    expect(ok(await http('GET', `/orders/${order.id}`, { token: tokens.reception }), 'order').order).toMatchObject({ paidFen: 0, stage: 'pending_deposit' })
    const audit = await http('POST', `/orders/${unaudited.orderId}/payments/${unaudited.paymentId}/audit`, { token: tokens.finance, body: {} })
    expect({ status: audit.status, code: audit.body.error.code }).toEqual({ status: 409, code: 'DAY_CLOSED' })
    const refund = await http('POST', `/orders/${firstOrder.id}/payments/${firstPaymentId}/refund`, { token: tokens.finance, body: { requestId: ulid(), amountFen: 100, reason: 'x' } })
    expect(refund.body.error.code).toBe('DAY_CLOSED')
    expect((await day()).revision).toBe(seen.revision)

    expect((await http('POST', `/finance/days/${branchId}/${today}/reopen`, { token: tokens.finance, body: { reason: '补登' } })).status).toBe(403)
    ok(await http('POST', `/finance/days/${branchId}/${today}/reopen`, { token: tokens.manager, body: { reason: '补审一笔现金' } }), 'reopen')
    ok(await http('POST', `/orders/${unaudited.orderId}/payments/${unaudited.paymentId}/audit`, { token: tokens.finance, body: {} }), 'audit after reopening')
    expect((await day()).unaudited.map((u: { paymentId: string }) => u.paymentId)).not.toContain(unaudited.paymentId)
  })
})
