import { ulid } from 'ulid'
import type { AppDeps } from '../../functions/api/implementations'
import { dayBookViolations, type BookedMoney, type DayFigures } from '../../functions/domain/day-close'
import { orderMoneyViolations } from '../../functions/domain/order-money'
import { studioDate } from '../../functions/domain/time'
import { at, bookableStudio, shanghaiDay } from '../support/booking'
import { isolatedTable } from '../support/studio'

/**
 * Money meeting the daily close (日结), each race run ROUNDS times against DynamoDB Local through
 * the dispatcher and the real use cases: a desk payment, a WeChat Pay payment (the customer pays and
 * WeChat Pay's notification lands), a desk refund, a WeChat Pay refund, a customer's cancellation
 * (its WeChat Pay deposit refunded automatically) and an expense void, each at the same moment as
 * finance closes the branch's day. After every round the day-book invariants of
 * functions/domain/day-close.ts (each payment and refund booked on exactly one day, its own or the
 * next open one; a closed day exactly as it was closed) and the order's money invariants are checked.
 * Stock taken for 制作 while a count is posted is raced in tests/api/inventory-races.test.ts.
 */
const ROUNDS = 20
const TZ = 'Asia/Shanghai'

let deps: AppDeps
let s: Awaited<ReturnType<typeof bookableStudio>>
const tokens: Record<string, string> = {}
let customer: { token: string; id: string }
/** Every payment and refund of this file's orders, by order (only the round's order changes in a round). */
const money = new Map<string, BookedMoney[]>()

beforeAll(async () => {
  ;({ deps } = await isolatedTable())
  s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
  for (const role of ['reception', 'finance']) tokens[role] = await s.sign(role)
  const signedIn = await s.ops.call('auth.wechatSignIn', { studioCode: s.studio.code, code: `dev:${ulid()}`, nickname: '林小姐' })
  customer = { token: signedIn.token, id: signedIn.principal.id }
}, 120_000)

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
const day = (date: string) => s.ops.call('finance.day', { branchId: s.branchId, date }, tokens.finance)
const figures = (d: DayFigures): DayFigures => ({ date: d.date, revision: d.revision, methods: d.methods, expenseFen: d.expenseFen, incomeFen: d.incomeFen })

/** The day open, whatever the last round left: reopened by the manager when it is closed. */
async function openDay(date: string) {
  if ((await day(date)).status === 'closed') await s.ops.call('finance.reopenDay', { branchId: s.branchId, date, reason: '竞态测试下一轮' }, s.manager)
  return day(date)
}

const newOrder = async () => (await s.ops.call('orders.create', { requestId: ulid(), customerId: customer.id, packageId: s.pkg.id }, tokens.reception)) as { id: string }
const cash = (orderId: string, amountFen: number) => s.ops.outcome('payments.recordOffline', { orderId, requestId: ulid(), kind: 'balance', method: 'cash', amountFen }, tokens.reception)

/** Reads the order's money again, and answers what is wrong with it. */
async function settle(orderId: string) {
  const { order, payments } = await s.ops.call('orders.get', { orderId }, s.manager)
  money.set(
    orderId,
    payments.map((p: { id: string; method: BookedMoney['method']; amountFen: number; at: string; bookedOn?: string }) => ({
      id: p.id,
      method: p.method,
      amountFen: p.amountFen,
      date: p.bookedOn ?? studioDate(new Date(p.at), TZ),
    })),
  )
  return { order, payments, violations: orderMoneyViolations(order, payments).map((v) => v.message) }
}

/** What is wrong with the books of the days: each as its money and entries say, a closed one as it was closed. */
async function dayViolations(dates: string[], closedOn?: DayFigures) {
  const all = [...money.values()].flat()
  const entries = (await s.ops.call('expenses.list', { branchId: s.branchId, from: dates[0], to: dates[dates.length - 1] }, tokens.finance)).items
  const found = []
  for (const date of dates) found.push(...dayBookViolations(figures(await day(date)), all, entries, closedOn?.date === date ? closedOn : undefined).map((v) => v.message))
  return found
}

/** The round's order read again, its money and the days' books checked; the order and its payments. */
async function checked(orderId: string, dates: string[], closedOn?: DayFigures) {
  const after = await settle(orderId)
  expect(after.violations).toEqual([])
  expect(await dayViolations(dates, closedOn)).toEqual([])
  return after
}

/** The day a payment or refund of the order is booked on. */
const bookedDay = (orderId: string, id: string) => money.get(orderId)!.find((m) => m.id === id)!.date

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Finance closes the day on the figures just read, at the same moment as `race` — the close sent
 * `delayMs` later, so that rounds meet at every point of the other's way (read, decide, write).
 */
async function closeDuring<T>(date: string, race: () => Promise<T>, delayMs = 0) {
  const seen = await openDay(date)
  const [closed, raced] = await Promise.all([
    pause(delayMs).then(() => s.ops.call('finance.closeDay', { branchId: s.branchId, date, revision: seen.revision, countedCashFen: seen.expectedCashFen }, tokens.finance).then(
      (d: DayFigures) => ({ outcome: 'OK', figures: figures(d) }),
      (e: { code?: string }) => ({ outcome: e.code ?? String(e), figures: undefined }),
    )),
    race(),
  ])
  return { close: closed.outcome, closedOn: closed.figures, raced }
}

/**
 * One of the two wins: the money before the close (the close then refuses the figures it was
 * shown), or the close before the money (refused: nothing is taken on a closed day). Both only
 * when the money landed on the next day (the round ran across midnight in the studio's time zone).
 */
function expectOneWins(money: string, close: string, recorded: { at: string }[], closedDate: string) {
  const outcome = `${money}/${close}`
  if (outcome === 'OK/OK') expect(recorded.map((r) => studioDate(new Date(r.at), TZ))).not.toContain(closedDate)
  else expect(['OK/VERSION_CONFLICT', 'OK/CONFLICT', 'DAY_CLOSED/OK']).toContain(outcome)
}

/** Runs a race ROUNDS times, one round after the other; each says which side won, and the log shows how often. */
async function race(name: string, round: (n: number) => Promise<string>) {
  const seen: Record<string, number> = {}
  for (let n = 0; n < ROUNDS; n++) {
    const won = await round(n)
    seen[won] = (seen[won] ?? 0) + 1
  }
  console.info(name, seen)
}

describe('money meeting the daily close', () => {
  let today: string

  beforeEach(() => {
    today = studioDate(new Date(), TZ)
  })

  it(`a desk payment landing while the day closes is in the closed day's figures, or refused and not recorded (${ROUNDS} races)`, async () => {
    await race('desk payment vs close', async (round) => {
      const order = await newOrder()
      const before = (await settle(order.id)).order.paidFen
      const { close, closedOn, raced: paid } = await closeDuring(today, () => cash(order.id, 10_000), (round % 5) * 10)
      // One of the two wins: the payment before the close (the close then refuses the figures it
      // was shown), or the close before the payment (refused: nothing is taken on a closed day).
      const after = await checked(order.id, [today], closedOn)
      expectOneWins(paid, close, after.payments, today)
      expect(after.order.paidFen).toBe(before + (paid === 'OK' ? 10_000 : 0))
      expect(after.payments).toHaveLength(paid === 'OK' ? 1 : 0)
      return `${paid}/${close}`
    })
  }, 300_000)

  it(`WeChat Pay money landing while the day closes is never lost: in the closed day's figures or booked on the next open day (${ROUNDS} races)`, async () => {
    await race('WeChat payment vs close', async (round) => {
      const order = await newOrder()
      const charge = await s.ops.call('payments.prepay', { orderId: order.id, kind: 'deposit' }, customer.token)
      // WeChat Pay's notification is verified and decrypted before the order is read: the close is sent up to 190 ms later.
      const { close, closedOn } = await closeDuring(today, () => s.ops.call('payments.simulatePay', { orderId: order.id, outTradeNo: charge.outTradeNo }, customer.token), round * 10)
      expect(['OK', 'VERSION_CONFLICT', 'CONFLICT']).toContain(close)
      // The money WeChat Pay took is credited whichever came first.
      const after = await checked(order.id, [today, dayAfter(today)], closedOn)
      expect(after.order.paidFen).toBe(charge.amountFen)
      const payment = after.payments.find((p: { id: string }) => p.id === charge.outTradeNo)
      expect(payment).toMatchObject({ method: 'wechat', amountFen: charge.amountFen, status: 'captured' })
      // Landing on a closed day, it is booked on the next one and says so.
      const booked = bookedDay(order.id, charge.outTradeNo)
      if (close === 'OK' && booked !== today) expect(payment.bookedOn).toBe(dayAfter(today))
      return `${booked === today ? 'same day' : 'next day'}/${close}`
    })
  }, 300_000)

  it(`a desk refund made while the day closes is in the closed day's figures, or refused and not recorded (${ROUNDS} races)`, async () => {
    await race('desk refund vs close', async (round) => {
      await openDay(today)
      const order = await newOrder()
      expect(await cash(order.id, 30_000)).toBe('OK')
      const paymentId = (await settle(order.id)).payments[0].id
      const { close, closedOn, raced: refunded } = await closeDuring(today, () =>
        s.ops.outcome('payments.refund', { orderId: order.id, paymentId, requestId: ulid(), amountFen: 10_000, reason: '少拍一组' }, tokens.finance),
      (round % 5) * 10)
      const after = await checked(order.id, [today], closedOn)
      expectOneWins(refunded, close, after.payments.filter((p: { kind: string }) => p.kind === 'refund'), today)
      expect(after.order.paidFen).toBe(refunded === 'OK' ? 20_000 : 30_000)
      return `${refunded}/${close}`
    })
  }, 300_000)

  it(`a WeChat Pay refund made while the day closes is in the closed day's figures or booked on the next open day, and says which (${ROUNDS} races)`, async () => {
    await race('WeChat refund vs close', async (round) => {
      await openDay(today)
      const order = await newOrder()
      const charge = await s.ops.call('payments.prepay', { orderId: order.id, kind: 'deposit' }, customer.token)
      await s.ops.call('payments.simulatePay', { orderId: order.id, outTradeNo: charge.outTradeNo }, customer.token)
      const requestId = ulid()
      const { close, closedOn, raced: refunded } = await closeDuring(
        today,
        () => s.ops.outcome('payments.refund', { orderId: order.id, paymentId: charge.outTradeNo, requestId, amountFen: 1_000, reason: '赠品未送' }, tokens.finance),
        (round % 10) * 10,
      )
      // Money given back through WeChat Pay is given back whichever came first.
      expect(refunded).toBe('OK')
      expect(['OK', 'VERSION_CONFLICT', 'CONFLICT']).toContain(close)
      const after = await checked(order.id, [today, dayAfter(today)], closedOn)
      expect(after.order.paidFen).toBe(charge.amountFen - 1_000)
      const refund = after.payments.find((p: { id: string }) => p.id === requestId)
      const booked = bookedDay(order.id, requestId)
      if (booked !== studioDate(new Date(refund.at), TZ)) expect([close, refund.bookedOn]).toEqual(['OK', dayAfter(today)])
      return `${booked === today ? 'same day' : 'next day'}/${close}`
    })
  }, 300_000)

  it(`a cancelled booking's WeChat deposit goes back while the day closes: booked on the closed day or the next open one, never left owed (${ROUNDS} races)`, async () => {
    let cancelMs = 0
    await race('cancellation refund vs close', async (round) => {
      await openDay(today)
      // A shoot weeks ahead, a day of its own each round: the policy gives the whole deposit back.
      const booked = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(shanghaiDay(30 + round), '10:00') }, customer.token)
      const charge = await s.ops.call('payments.prepay', { orderId: booked.orderId, kind: 'deposit' }, customer.token)
      await s.ops.call('payments.simulatePay', { orderId: booked.orderId, outTradeNo: charge.outTradeNo }, customer.token)
      // The refund is written at the end of the cancellation: the close is sent at a point spread over
      // how long the last cancellation took, so that rounds meet the refund at every step of its way.
      const { close, closedOn, raced: cancelled } = await closeDuring(
        today,
        async () => {
          const started = Date.now()
          const outcome = await s.ops.outcome('bookings.cancel', { appointmentId: booked.id, reason: '改期出国' }, customer.token)
          cancelMs = Date.now() - started
          return outcome
        },
        Math.round((cancelMs * (round % 10)) / 10),
      )
      // The customer's cancellation and its refund go through whichever came first.
      expect(cancelled).toBe('OK')
      expect(['OK', 'VERSION_CONFLICT', 'CONFLICT']).toContain(close)
      const after = await checked(booked.orderId, [today, dayAfter(today)], closedOn)
      const refunds = after.payments.filter((p: { kind: string }) => p.kind === 'refund')
      // Everything paid is booked back, paid out by WeChat Pay, and nothing is left for finance to send.
      expect(after.order).toMatchObject({ stage: 'cancelled', paidFen: 0, refundDueFen: charge.amountFen, refundedFen: charge.amountFen })
      expect(refunds.reduce((sum: number, r: { amountFen: number }) => sum - r.amountFen, 0)).toBe(charge.amountFen)
      expect(refunds.map((r: { status: string }) => r.status)).toEqual(['refunded'])
      const due = await s.ops.call('payments.refundsDue', {}, tokens.finance)
      expect(due.items.map((o: { id: string }) => o.id)).not.toContain(booked.orderId)
      const refundDay = bookedDay(booked.orderId, refunds[0].id)
      if (refundDay !== studioDate(new Date(refunds[0].at), TZ)) expect([close, refunds[0].bookedOn]).toEqual(['OK', dayAfter(today)])
      return `${refundDay === today ? 'same day' : 'next day'}/${close}`
    })
  }, 300_000)

  it(`an expense voided while the day closes is either off the closed day's figures, or refused and still counted (${ROUNDS} races)`, async () => {
    await race('expense void vs close', async (round) => {
      await openDay(today)
      const expense = await s.ops.call(
        'expenses.record',
        { requestId: ulid(), branchId: s.branchId, kind: 'expense', category: 'props', amountFen: 4_500 + round, date: today, payee: '花店' },
        tokens.finance,
      )
      const { close, closedOn, raced: voided } = await closeDuring(today, () =>
        s.ops.outcome('expenses.void', { expenseId: expense.id, version: expense.version, reason: '重复录入' }, tokens.finance),
      (round % 5) * 10)
      expect([`${voided}/${close}`]).toContainEqual(expect.stringMatching(/^(OK\/(VERSION_CONFLICT|CONFLICT)|DAY_CLOSED\/OK)$/))
      const stored = (await s.ops.call('expenses.get', { expenseId: expense.id }, tokens.finance)).expense
      expect(stored.status).toBe(voided === 'OK' ? 'void' : 'active')
      expect(await dayViolations([today], closedOn)).toEqual([])
      return `${voided}/${close}`
    })
  }, 300_000)
})

describe('the day-book invariant check itself', () => {
  const methods = (cashIn: number, cashBack = 0) => [
    { method: 'cash' as const, receivedFen: cashIn, refundedFen: cashBack },
    { method: 'wechat' as const, receivedFen: 0, refundedFen: 0 },
  ]
  const book: DayFigures = { date: '2026-05-01', revision: 3, methods: methods(500, 100), expenseFen: 80, incomeFen: 0 }
  const booked: BookedMoney[] = [
    { id: 'p1', method: 'cash', amountFen: 200, date: '2026-05-01' },
    { id: 'p2', method: 'cash', amountFen: 300, date: '2026-05-01' },
    { id: 'r1', method: 'cash', amountFen: -100, date: '2026-05-01' },
    { id: 'p3', method: 'wechat', amountFen: 900, date: '2026-05-02' },
  ]
  const entries = [
    { kind: 'expense' as const, amountFen: 80, status: 'active', date: '2026-05-01' },
    { kind: 'expense' as const, amountFen: 70, status: 'void', date: '2026-05-01' },
  ]

  it('finds nothing wrong with a consistent day', () => {
    expect(dayBookViolations(book, booked, entries, book)).toEqual([])
  })

  it('names each broken invariant', () => {
    // Money booked on the day that its book lacks (a payment lost, or booked twice elsewhere).
    expect(dayBookViolations({ ...book, methods: methods(200, 100) }, booked, entries).map((v) => v.invariant)).toEqual(['booked-money'])
    expect(dayBookViolations(book, booked, [...entries, { kind: 'expense', amountFen: 5, status: 'active', date: '2026-05-01' }]).map((v) => v.invariant)).toEqual(['entries'])
    // Money added to a day after its close.
    const later = { ...book, revision: 4, methods: methods(700, 100) }
    expect(dayBookViolations(later, [...booked, { id: 'p4', method: 'cash', amountFen: 200, date: '2026-05-01' }], entries, book).map((v) => v.invariant)).toEqual(['closed-changed'])
  })
})
