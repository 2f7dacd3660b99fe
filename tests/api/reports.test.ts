import { ulid } from 'ulid'
import { addDays } from '../../functions/domain/report-figures'
import { studioDate } from '../../functions/domain/time'
import { seedCatalog } from '../support/app'
import { http, ok, signIn, signInCustomer } from '../support/http'
import { newStudio } from '../support/studio'

/**
 * The manager's reports over HTTP: each figure equals what the test did at the desks, the same
 * request sent twice counts once, the previous period sits beside the current one, and only the
 * roles and branches allowed see them.
 */
describe('the manager’s reports over HTTP', () => {
  const today = studioDate(new Date(), 'Asia/Shanghai')
  const tokens: Record<string, string> = {}
  let studio: Awaited<ReturnType<typeof newStudio>>
  let branchId: string
  let otherBranchId: string
  let packageId: string
  let customerId: string
  let orderId: string
  let cashPaymentId: string
  const cashRequest = ulid()

  const get = (path: string, token = tokens.manager) => http('GET', path, { token })
  const report = async (name: string, query: Record<string, string> = {}, token = tokens.manager) =>
    ok(await get(`/reports/${name}?${new URLSearchParams({ from: today, to: today, ...query })}`, token), `${name} report`)
  const pay = (requestId: string, amountFen: number, method: string, kind: string, token = tokens.reception) =>
    http('POST', `/orders/${orderId}/payments`, { token, body: { requestId, kind, method, amountFen } })

  beforeAll(async () => {
    studio = await newStudio(undefined, '报表测试影楼')
    branchId = studio.branches[0]!.id
    otherBranchId = studio.branches[1]!.id
    for (const username of ['reception', 'finance', 'manager', 'manager2', 'photographer', 'retoucher', 'admin']) tokens[username] = await signIn(studio.code, username)
    const [pkg] = await seedCatalog(studio.code, [branchId], [{ name: '经典婚纱', category: 'wedding', priceFen: 600_000, image: 'wedding-classic' }])
    packageId = pkg.id
    customerId = ok(await http('POST', '/customers', { token: tokens.reception, body: { name: '林小姐', phone: '13900002222', source: 'xiaohongshu' } }), 'customer').id
    orderId = ok(await http('POST', '/orders', { token: tokens.reception, body: { requestId: ulid(), customerId, packageId, branchId } }), 'order').id
    cashPaymentId = ok(await pay(cashRequest, 180_000, 'cash', 'deposit'), 'deposit in cash').payments[0].id
    ok(await pay(ulid(), 100_000, 'card', 'balance', tokens.finance), 'balance by card')
    ok(await http('POST', `/orders/${orderId}/payments/${cashPaymentId}/refund`, { token: tokens.finance, body: { requestId: ulid(), amountFen: 20_000, reason: '客户调整套系' } }), 'refund')
    ok(
      await http('POST', '/finance/expenses', { token: tokens.finance, body: { requestId: ulid(), branchId, kind: 'expense', category: 'rent', amountFen: 5_000, date: today, payee: '房东' } }),
      'expense',
    )
  })

  it('营业日报: money in by method and kind, refunds, expenses and net equal what the desks did, beside an empty previous period', async () => {
    const daily = await report('daily')
    expect(daily.period).toEqual({ from: today, to: today, days: 1 })
    expect(daily.previousPeriod).toEqual({ from: addDays(today, -1), to: addDays(today, -1), days: 1 })
    expect(daily.branchIds).toEqual([branchId])
    expect(daily.current).toMatchObject({
      ordersOpened: 1,
      inByMethod: { cash: 180_000, card: 100_000, wechat: 0, transfer: 0 },
      inByKind: { deposit: 180_000, balance: 100_000, extra_photos: 0 },
      receivedFen: 280_000,
      refundedFen: 20_000,
      expenseFen: 5_000,
      netFen: 280_000 - 20_000 - 5_000,
    })
    expect(daily.previous).toMatchObject({ ordersOpened: 0, receivedFen: 0, netFen: 0 })
    expect(daily.series).toEqual([expect.objectContaining({ bucket: today, bucketTo: today, figures: daily.current })])
    // The figures agree with the day book the close is made on.
    const day = ok(await http('GET', `/finance/days/${branchId}/${today}`, { token: tokens.finance }), 'day')
    expect({ received: daily.current.receivedFen, refunded: daily.current.refundedFen, net: daily.current.netFen }).toEqual({ received: day.receivedFen, refunded: day.refundedFen, net: day.netFen })
    expect(daily.current.unauditedFen).toBe(day.unaudited.reduce((s: number, u: { amountFen: number }) => s + u.amountFen, 0) - 20_000)
  })

  it('counts a payment sent twice with the same request id once', async () => {
    const before = await report('daily')
    const again = await pay(cashRequest, 180_000, 'cash', 'deposit')
    expect(again.status).toBe(200)
    const after = await report('daily')
    expect(after.current).toEqual(before.current)
  })

  it('revenue: the order’s value by package and by the channel its customer came from, and the average to the fen', async () => {
    const revenue = await report('revenue')
    expect(revenue.current).toMatchObject({
      orders: 1,
      orderValueFen: 600_000,
      averageOrderValueFen: 600_000,
      netReceivedFen: 260_000,
      byPackage: [{ packageId, packageName: '经典婚纱', orders: 1, orderValueFen: 600_000 }],
      byChannel: [{ channel: 'xiaohongshu', orders: 1, orderValueFen: 600_000 }],
    })
  })

  it('funnel: a new customer from 小红书 booked and paid the deposit; the refund is listed with its reason', async () => {
    const funnel = await report('funnel')
    expect(funnel.current.byChannel).toEqual([{ channel: 'xiaohongshu', customers: 1, booked: 1, depositPaid: 1, shot: 0, completed: 0 }])
    expect(funnel.current.refunds).toEqual({ count: 1, amountFen: 20_000, byReason: [{ reason: '客户调整套系', count: 1, amountFen: 20_000 }] })
    const customers = await report('customers')
    expect(customers.current).toMatchObject({ newCustomers: 1, returningOrders: 0 })
  })

  it('production: the confirmed order waits in its stage now; the deposit moved it out of 待付定金', async () => {
    const production = await report('production')
    expect(production.now.stages.find((s: { stage: string }) => s.stage === 'confirmed')).toEqual({ stage: 'confirmed', orders: 1, overdue: 0 })
    expect(production.now.stages.find((s: { stage: string }) => s.stage === 'pending_deposit')).toEqual({ stage: 'pending_deposit', orders: 0, overdue: 0 })
    expect(production.current.stages.find((s: { stage: string }) => s.stage === 'pending_deposit')).toMatchObject({ exits: 1 })
  })

  it('the manager’s home shows today beside the same weekday last week', async () => {
    const home = ok(await get('/reports/home'), 'home')
    expect(home.today).toMatchObject({ date: today, ordersOpened: 1, receivedFen: 280_000, refundedFen: 20_000, expenseFen: 5_000 })
    expect(home.lastWeek).toMatchObject({ date: addDays(today, -7), receivedFen: 0 })
  })

  it('a week report adds the days up and compares with the week before', async () => {
    const week = await report('daily', { from: addDays(today, -6), to: today, granularity: 'week' })
    expect(week.period.days).toBe(7)
    expect(week.previousPeriod).toEqual({ from: addDays(today, -13), to: addDays(today, -7), days: 7 })
    expect(week.current.receivedFen).toBe(280_000)
    expect(week.series.reduce((s: number, b: { figures: { receivedFen: number } }) => s + b.figures.receivedFen, 0)).toBe(280_000)
  })

  it('exports the daily report as a CSV Excel opens: BOM, money in yuan beside the previous period', async () => {
    const exported = ok(await get(`/reports/export?${new URLSearchParams({ report: 'daily', from: today, to: today })}`), 'export')
    expect(exported.filename).toBe(`daily-${today}-${today}.csv`)
    expect(exported.csv.startsWith('\ufeff部分,项目,本期,上期\r\n')).toBe(true)
    expect(exported.csv).toContain('inByMethod,cash,1800.00,0.00')
    expect(exported.csv).toContain(',netFen,2550.00,0.00')
    const english = ok(await get(`/reports/export?${new URLSearchParams({ report: 'revenue', from: today, to: today, locale: 'en-US' })}`), 'export')
    expect(english.csv.startsWith('\ufeffSection,Figure,This period,Previous period')).toBe(true)
  })

  it('recomputes the day from the raw records and finds the kept figures equal, to the fen', async () => {
    const result = ok(await http('POST', '/reports/recompute', { token: tokens.admin, body: { from: today, to: today, branchId } }), 'recompute')
    expect(result).toMatchObject({ days: 1, differences: [], repaired: false })
  })

  it('lets finance read the money reports of their branch but not the others; reception, photographers and retouchers see none', async () => {
    expect((await get(`/reports/daily?from=${today}&to=${today}`, tokens.finance)).status).toBe(200)
    expect((await get(`/reports/funnel?from=${today}&to=${today}`, tokens.finance)).status).toBe(403)
    expect((await get(`/reports/export?report=staff&from=${today}&to=${today}`, tokens.finance)).status).toBe(403)
    for (const role of ['reception', 'photographer', 'retoucher']) {
      expect((await get(`/reports/daily?from=${today}&to=${today}`, tokens[role])).status).toBe(403)
      expect((await get('/reports/home', tokens[role])).status).toBe(403)
    }
    const customer = await signInCustomer(studio.code, '报表客户')
    expect((await get(`/reports/daily?from=${today}&to=${today}`, customer.token)).status).toBe(403)
    expect((await http('POST', '/reports/recompute', { token: tokens.manager, body: { from: today, to: today } })).status).toBe(403)
  })

  it('shows a manager only their branch, and an admin every branch', async () => {
    const other = await get(`/reports/daily?from=${today}&to=${today}&branchId=${branchId}`, tokens.manager2)
    expect(other.status).toBe(403)
    const own = await report('daily', {}, tokens.manager2)
    expect(own.branchIds).toEqual([otherBranchId])
    expect(own.current.receivedFen).toBe(0)
    const all = await report('daily', {}, tokens.admin)
    expect(all.branchIds).toEqual([branchId, otherBranchId].sort())
    expect(all.current.receivedFen).toBe(280_000)
  })

  it('refuses an unknown branch, a reversed range and a range over a year, changing nothing', async () => {
    const unknown = await get(`/reports/daily?from=${today}&to=${today}&branchId=${ulid()}`, tokens.admin)
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('NOT_FOUND')
    const reversed = await get(`/reports/daily?from=${today}&to=${addDays(today, -1)}`)
    expect(reversed.status).toBe(400)
    expect(reversed.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'to' }] } })
    const long = await get(`/reports/revenue?from=${addDays(today, -366)}&to=${today}`)
    expect(long.status).toBe(400)
    expect(long.body.error.details.fields).toEqual([expect.objectContaining({ path: 'to' })])
    expect((await get(`/reports/revenue?from=${addDays(today, -365)}&to=${today}`)).status).toBe(200)
    const badDay = await get(`/reports/daily?from=2026-02-30&to=${today}`)
    expect(badDay.body.error.details.fields).toEqual([expect.objectContaining({ path: 'from' })])
    const badGranularity = await get(`/reports/daily?from=${today}&to=${today}&granularity=year`)
    expect(badGranularity.body.error.details.fields).toEqual([expect.objectContaining({ path: 'granularity' })])
  })
})
