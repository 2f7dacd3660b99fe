import { ulid } from 'ulid'
import { addDays } from '../../functions/domain/report-figures'
import { studioDate } from '../../functions/domain/time'
import { reportNames } from '../../types/reports'
import { bookableStudioOverHttp, freeSlots } from '../support/bookable'
import { http, ok, signIn, type Answer } from '../support/http'

/**
 * Every event that moves the manager's figures moves them once: the same request sent twice at
 * the same moment, and sent again afterwards (a retry after a lost answer), leaves every report
 * as the first delivery left it — for an order opened, a payment, a booking made and cancelled,
 * a stage change, an expense recorded, edited and voided, a stock purchase and a stocktake
 * posted, the commission a payment earns, a follow-up done and an order's value changed.
 */
describe('the manager’s figures count each event once', () => {
  const today = studioDate(new Date(), 'Asia/Shanghai')
  const from = addDays(today, -1)
  // Bookings hold their crews' time on the shoot day, weeks ahead.
  const to = addDays(today, 30)
  const tokens: Record<string, string> = {}
  let branchId: string
  let pkg: { id: string; priceFen: number }
  let customerId: string

  /** Every report of the branch over the range, as the manager's pages read them. */
  const figures = async () => {
    const all: Record<string, any> = {}
    for (const name of reportNames) all[name] = ok(await http('GET', `/reports/${name}?${new URLSearchParams({ from, to, branchId })}`, { token: tokens.admin }), `${name} report`)
    return all
  }

  /**
   * Sends the same request twice at once, then once more; `moved` checks what the first delivery
   * changed (so the event is seen to count), and the reports after the repeats equal those after it.
   */
  async function deliveredTwice(send: () => Promise<Answer>, moved: (before: Record<string, any>, after: Record<string, any>) => void) {
    const before = await figures()
    const answers = await Promise.all([send(), send()])
    expect(answers.map((a) => a.status)).toContain(200)
    for (const a of answers) expect(a.status === 200 || a.status === 409 || a.status === 412).toBe(true)
    const after = await figures()
    moved(before, after)
    await send()
    expect(await figures()).toEqual(after)
    return answers.find((a) => a.status === 200)!.body
  }
  const post = (path: string, body: unknown, token = tokens.reception) => () => http('POST', path, { token, body })

  beforeAll(async () => {
    const bookable = await bookableStudioOverHttp('一次影楼', '一次写真')
    branchId = bookable.branchId
    pkg = bookable.pkg
    for (const username of ['reception', 'finance', 'manager', 'photographer', 'admin']) tokens[username] = await signIn(bookable.studio.code, username)
    customerId = ok(await http('POST', '/customers', { token: tokens.reception, body: { name: '周小姐', phone: '13900007777', source: 'douyin' } }), 'customer').id
    ok(
      await http('POST', '/commission/rules', {
        token: tokens.manager,
        body: { branchId, effectiveFrom: today, role: 'reception', work: 'sale', base: 'received', calc: { kind: 'percent', basisPoints: 1_000 } },
      }),
      'commission rule',
    )
  }, 180_000)

  let orderId: string
  let depositFen: number

  it('an order opened twice with the same request id is one order in revenue, funnel and production', async () => {
    const body = { requestId: ulid(), customerId, packageId: pkg.id, branchId }
    const order = await deliveredTwice(post('/orders', body), (before, after) => {
      expect(after.revenue.current.orders - before.revenue.current.orders).toBe(1)
      expect(after.revenue.current.orderValueFen - before.revenue.current.orderValueFen).toBe(pkg.priceFen)
      expect(after.funnel.current.byChannel).toEqual([expect.objectContaining({ channel: 'douyin', booked: 1 })])
    })
    orderId = order.id
    depositFen = order.depositFen
  })

  it('a payment sent twice is taken once, with the commission it earns', async () => {
    await deliveredTwice(post(`/orders/${orderId}/payments`, { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: depositFen }), (before, after) => {
      expect(after.daily.current.receivedFen - before.daily.current.receivedFen).toBe(depositFen)
      expect(after.staff.current.commissionFen - before.staff.current.commissionFen).toBe(Math.round(depositFen / 10))
      expect(after.funnel.current.byChannel[0].depositPaid).toBe(1)
    })
  })

  it('an order’s value changed by a discount moves revenue and what is owed once; the same edit again is refused as stale', async () => {
    const { version } = ok(await http('GET', `/orders/${orderId}`, { token: tokens.reception }), 'order').order
    await deliveredTwice(
      () => http('PATCH', `/orders/${orderId}`, { token: tokens.manager, body: { orderId, version, discountFen: 10_000, discountReason: '老客户' } }),
      (before, after) => {
        expect(after.revenue.current.orderValueFen - before.revenue.current.orderValueFen).toBe(-10_000)
        expect(after.revenue.current.byPackage[0].orderValueFen).toBe(pkg.priceFen - 10_000)
        expect(after.revenue.current.averageOrderValueFen).toBe(pkg.priceFen - 10_000)
      },
    )
  })

  it('a booking made twice for the same order holds the crew once', async () => {
    const [slot] = await freeSlots(tokens.reception, pkg.id, branchId)
    await deliveredTwice(post('/bookings', { packageId: pkg.id, branchId, startsAt: slot!.startsAt, orderId, customerId }), (before, after) => {
      expect(after.daily.current.bookings - before.daily.current.bookings).toBe(1)
      const booked = (r: any) => r.staff.current.staff.reduce((s: number, p: { bookedMinutes: number }) => s + p.bookedMinutes, 0)
      // Two hours, for the photographer and the makeup artist.
      expect(booked(after) - booked(before)).toBe(2 * 120)
    })
  })

  it('a stage change sent twice moves the order once', async () => {
    // Its shoot is weeks ahead: the manager records it done (its photographer may only from its day on).
    await deliveredTwice(post(`/orders/${orderId}/advance`, { from: 'confirmed', to: 'shot' }, tokens.manager), (before, after) => {
      const shot = (r: any) => r.production.now.stages.find((s: { stage: string }) => s.stage === 'shot').orders
      expect(shot(after) - shot(before)).toBe(1)
      expect(after.funnel.current.byChannel[0].shot).toBe(1)
      // The balance is now owed since the shoot.
      expect(after.receivables.now.balanceFen).toBe(pkg.priceFen - 10_000 - depositFen)
    })
  })

  it('a booking cancelled twice counts one cancellation', async () => {
    const other = ok(await http('POST', '/orders', { token: tokens.reception, body: { requestId: ulid(), customerId, packageId: pkg.id, branchId } }), 'order')
    ok(await http('POST', `/orders/${other.id}/payments`, { token: tokens.reception, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: other.depositFen } }), 'deposit')
    const slots = await freeSlots(tokens.reception, pkg.id, branchId)
    const appointment = ok(await http('POST', '/bookings', { token: tokens.reception, body: { packageId: pkg.id, branchId, startsAt: slots.at(-1)!.startsAt, orderId: other.id, customerId } }), 'booking')
    await deliveredTwice(post(`/bookings/${appointment.id}/cancel`, { reason: '行程变动' }), (before, after) => {
      expect(after.daily.current.bookingsCancelled - before.daily.current.bookingsCancelled).toBe(1)
      const booked = (r: any) => r.staff.current.staff.reduce((s: number, p: { bookedMinutes: number }) => s + p.bookedMinutes, 0)
      expect(booked(after) - booked(before)).toBe(-2 * 120)
    })
  })

  it('an expense recorded, edited and voided twice each moves the day once each time', async () => {
    const entry = await deliveredTwice(
      post('/finance/expenses', { requestId: ulid(), branchId, kind: 'expense', category: 'props', amountFen: 35_000, date: today, payee: '道具店' }, tokens.finance),
      (before, after) => expect(after.daily.current.expenseFen - before.daily.current.expenseFen).toBe(35_000),
    )
    const edited = await deliveredTwice(
      () => http('PATCH', `/finance/expenses/${entry.id}`, { token: tokens.finance, body: { version: 1, amountFen: 40_000 } }),
      (before, after) => expect(after.daily.current.expenseFen - before.daily.current.expenseFen).toBe(5_000),
    )
    await deliveredTwice(post(`/finance/expenses/${entry.id}/void`, { version: edited.version, reason: '重复登记' }, tokens.finance), (before, after) =>
      expect(after.daily.current.expenseFen - before.daily.current.expenseFen).toBe(-40_000),
    )
  })

  it('a stock purchase and a stocktake posted twice move the stock figures once', async () => {
    const item = ok(await http('POST', '/stock/items', { token: tokens.manager, body: { requestId: ulid(), name: '水晶相册', category: 'album', unit: '本', reorderLevel: 2 } }), 'item')
    await deliveredTwice(post('/stock/purchases', { requestId: ulid(), itemId: item.id, quantity: 5, unitCostFen: 4_000, supplier: '相册厂' }, tokens.manager), (before, after) => {
      expect(after.stock.current.purchasesFen - before.stock.current.purchasesFen).toBe(20_000)
      expect(after.stock.now.valueFen - before.stock.now.valueFen).toBe(20_000)
    })
    const sheet = ok(await http('POST', '/stock/stocktakes', { token: tokens.manager, body: { requestId: ulid(), branchId } }), 'stocktake')
    const counted = ok(await http('PUT', `/stock/stocktakes/${sheet.id}/counts`, { token: tokens.manager, body: { version: sheet.version, counts: [{ itemId: item.id, counted: 2 }] } }), 'counts')
    await deliveredTwice(post(`/stock/stocktakes/${sheet.id}/post`, { version: counted.version, reason: '月末盘点' }, tokens.manager), (before, after) => {
      expect(after.stock.now.valueFen - before.stock.now.valueFen).toBe(-12_000)
      expect(after.stock.now.lowStock).toEqual([expect.objectContaining({ itemId: item.id, onHand: 2, reorderLevel: 2 })])
    })
  })

  it('a follow-up done twice counts once', async () => {
    const followUp = ok(await http('POST', `/customers/${customerId}/follow-ups`, { token: tokens.reception, body: { dueDate: today, note: '回访' } }), 'follow-up')
    await deliveredTwice(post(`/customers/${customerId}/follow-ups/${followUp.id}/outcome`, { outcome: 'reached' }), (before, after) => {
      expect(after.customers.current.followUps.done - before.customers.current.followUps.done).toBe(1)
    })
  })

  it('leaves the kept figures equal to the figures recomputed from the raw records, days and now', async () => {
    const result = ok(await http('POST', '/reports/recompute', { token: tokens.admin, body: { from, to, branchId } }), 'recompute')
    expect(result.differences).toEqual([])
    expect(result.nowDifferences).toEqual([])
  })
})
