import { ulid } from 'ulid'
import { orderMoneyViolations, UNCREDITED_REASON } from '../../functions/domain/order-money'
import { handlePaymentNotification } from '../../functions/payments/crediting'
import type { PaymentSimulator } from '../../functions/payments/ports'
import { outTradeNoFor } from '../../functions/payments/prepay'
import { at, bookableStudio, shanghaiDay } from '../support/booking'
import { isolatedTable } from '../support/studio'

/**
 * A customer's WeChat payment meets the studio's own money moves: a cancellation written just
 * before or after WeChat Pay took the balance, a desk payment recorded under an id the customer's
 * charge would have had. WeChat Pay's money always ends credited, or refunded with a record finance
 * sees; the cancellation always completes with the refund its policy owes.
 */
let deps: Awaited<ReturnType<typeof isolatedTable>>['deps']
let s: Awaited<ReturnType<typeof bookableStudio>>
let simulator: PaymentSimulator
let finance: string
let slot = 0

beforeAll(async () => {
  ;({ deps } = await isolatedTable())
  s = await bookableStudio(deps, { photographers: 2, rooms: 2 })
  simulator = deps.payments as PaymentSimulator
  finance = await s.sign('finance')
})

const customer = async (name: string) =>
  (await s.ops.call('auth.wechatSignIn', { studioCode: s.studio.code, code: `dev:${name}-${ulid()}`, nickname: name })) as { token: string }

/** A booking ten or more days ahead (cancelling it refunds the whole deposit), its deposit paid by WeChat. */
async function confirmedOnline(name: string) {
  const who = await customer(name)
  const n = slot++
  const startsAt = at(shanghaiDay(10 + Math.floor(n / 3)), ['09:00', '12:00', '15:00'][n % 3]!)
  const booking = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt }, who.token)
  const deposit = await s.ops.call('payments.prepay', { orderId: booking.orderId, kind: 'deposit' }, who.token)
  await s.ops.call('payments.simulatePay', { orderId: booking.orderId, outTradeNo: deposit.outTradeNo }, who.token)
  return { who, booking, deposit: deposit as { outTradeNo: string; amountFen: number } }
}

/** The balance taken by WeChat Pay, its notification not delivered yet. */
async function balancePaidAtWeChat(who: { token: string }, orderId: string) {
  const balance = (await s.ops.call('payments.prepay', { orderId, kind: 'balance' }, who.token)) as { outTradeNo: string; amountFen: number }
  return { balance, notification: await simulator.pay(balance.outTradeNo, new Date()) }
}

const detail = async (orderId: string) => (await s.ops.call('orders.get', { orderId }, finance)) as { order: any; payments: any[] }
const tradeState = async (outTradeNo: string) => (await simulator.query(outTradeNo))?.tradeState
const listedDue = async (orderId: string) => ((await s.ops.call('payments.refundsDue', {}, finance)).items as { id: string }[]).some((o) => o.id === orderId)

/** Everything paid came back: the deposit under the policy (100 % this far ahead), the balance whichever way it landed. */
async function expectAllPaidBack(orderId: string, deposit: { outTradeNo: string; amountFen: number }, balance: { outTradeNo: string; amountFen: number }) {
  const { order, payments } = await detail(orderId)
  expect(orderMoneyViolations(order, payments)).toEqual([])
  expect(order).toMatchObject({ stage: 'cancelled', paidFen: 0 })
  const refundsOf = (id: string) => payments.filter((p) => p.kind === 'refund' && p.refundOf === id)
  expect(refundsOf(deposit.outTradeNo)).toEqual([expect.objectContaining({ amountFen: -deposit.amountFen, status: 'refunded' })])
  // The balance has one record a person can see: credited then refunded by the cancellation, or refunded as uncredited.
  const balancePayment = payments.find((p) => p.id === balance.outTradeNo)
  expect(balancePayment).toMatchObject({ kind: 'balance', method: 'wechat', amountFen: balance.amountFen, refundableFen: 0 })
  expect(refundsOf(balance.outTradeNo)).toEqual([expect.objectContaining({ amountFen: -balance.amountFen, status: 'refunded' })])
  const credited = balancePayment.reason !== UNCREDITED_REASON
  expect(order.refundedFen).toBe(deposit.amountFen + (credited ? balance.amountFen : 0))
  // WeChat Pay's own book agrees: both trades were refunded.
  expect(await tradeState(deposit.outTradeNo)).toBe('REFUND')
  expect(await tradeState(balance.outTradeNo)).toBe('REFUND')
  expect(await listedDue(orderId)).toBe(false)
  return credited ? 'credited' : 'uncredited'
}

describe('a balance paid by WeChat around a cancellation', () => {
  it('paid just before the cancellation, its notification late: the cancel completes, the balance is recorded and refunded, the late notification is answered', async () => {
    const { who, booking, deposit } = await confirmedOnline('late-balance')
    const { balance, notification } = await balancePaidAtWeChat(who, booking.orderId)

    const cancelled = await s.ops.call('bookings.cancel', { appointmentId: booking.id }, who.token)
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellation: { refundPercent: 100 } })
    expect(await expectAllPaidBack(booking.orderId, deposit, balance)).toBe('uncredited')
    const { payments } = await detail(booking.orderId)
    expect(payments.find((p) => p.id === balance.outTradeNo)).toMatchObject({ status: 'refunded', reason: UNCREDITED_REASON })

    // The notification arriving after all is acknowledged (WeChat Pay stops sending it) and changes nothing.
    expect(await handlePaymentNotification(deps, notification, new Date())).toBe('duplicate')
    expect(await handlePaymentNotification(deps, notification, new Date())).toBe('duplicate')
    expect((await detail(booking.orderId)).payments).toHaveLength(payments.length)
    await expectAllPaidBack(booking.orderId, deposit, balance)
  })

  it('notified before the cancellation: the balance is credited, and the cancellation sends back the deposit and the balance', async () => {
    const { who, booking, deposit } = await confirmedOnline('early-balance')
    const { balance, notification } = await balancePaidAtWeChat(who, booking.orderId)
    expect(await handlePaymentNotification(deps, notification, new Date())).toBe('applied')
    expect((await detail(booking.orderId)).order).toMatchObject({ balanceFen: 0 })

    expect(await s.ops.outcome('bookings.cancel', { appointmentId: booking.id }, who.token)).toBe('OK')
    expect(await expectAllPaidBack(booking.orderId, deposit, balance)).toBe('credited')
    expect(await handlePaymentNotification(deps, notification, new Date())).toBe('duplicate')
  })

  it('notified at the same moment as the cancellation: either way round, the cancel completes and everything goes back once (10 races)', async () => {
    for (let round = 0; round < 10; round++) {
      const { who, booking, deposit } = await confirmedOnline(`race-${round}`)
      const { balance, notification } = await balancePaidAtWeChat(who, booking.orderId)
      const [cancel, notified] = await Promise.all([
        s.ops.outcome('bookings.cancel', { appointmentId: booking.id }, who.token),
        handlePaymentNotification(deps, notification, new Date()),
      ])
      expect(cancel).toBe('OK')
      expect(['applied', 'refunded', 'duplicate']).toContain(notified)
      await expectAllPaidBack(booking.orderId, deposit, balance)
      // WeChat Pay sending it again later changes nothing.
      expect(await handlePaymentNotification(deps, notification, new Date())).toBe('duplicate')
      await expectAllPaidBack(booking.orderId, deposit, balance)
    }
  }, 120_000)
})

describe('a desk payment and the customer’s WeChat payment', () => {
  it('refuses a desk payment under the number of the customer’s next WeChat charge', async () => {
    const { booking } = await confirmedOnline('planted-now')
    const reception = await s.sign('reception')
    const { order } = await detail(booking.orderId)
    const next = outTradeNoFor(s.studio.studio.id, order.id, 'balance', order.balanceFen - 100, 0)
    const planted = await s.ops.outcome('payments.recordOffline', { orderId: order.id, requestId: next, kind: 'balance', method: 'cash', amountFen: 100 }, reception)
    expect(planted).toBe('VALIDATION_FAILED')
    expect((await detail(order.id)).payments).toHaveLength(1)
  })

  it('credits the customer’s WeChat payment after a desk payment took the id the charge once had', async () => {
    const { who, booking, deposit } = await confirmedOnline('planted-before')
    const reception = await s.sign('reception')
    const { order } = await detail(booking.orderId)
    // The charge number's form before it had its own prefix: 26 characters, like any request id.
    const oldForm = outTradeNoFor(s.studio.studio.id, order.id, 'balance', order.balanceFen - 100, 0).slice(1)
    expect(await s.ops.outcome('payments.recordOffline', { orderId: order.id, requestId: oldForm, kind: 'balance', method: 'cash', amountFen: 100 }, reception)).toBe('OK')

    const charge = await s.ops.call('payments.prepay', { orderId: order.id, kind: 'balance' }, who.token)
    expect(charge.amountFen).toBe(order.balanceFen - 100)
    const paid = await s.ops.call('payments.simulatePay', { orderId: order.id, outTradeNo: charge.outTradeNo }, who.token)
    expect(paid.order).toMatchObject({ paidFen: order.totalFen, balanceFen: 0 })
    expect(paid.payments.map((p: any) => [p.id, p.method, p.amountFen, p.status])).toEqual(
      expect.arrayContaining([
        [deposit.outTradeNo, 'wechat', deposit.amountFen, 'captured'],
        [oldForm, 'cash', 100, 'captured'],
        [charge.outTradeNo, 'wechat', charge.amountFen, 'captured'],
      ]),
    )
    expect(orderMoneyViolations(paid.order, paid.payments)).toEqual([])
  })
})
