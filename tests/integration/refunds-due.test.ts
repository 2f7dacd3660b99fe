import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import { releaseExpiredHolds } from '../../functions/booking/expire-holds'
import { orderMoneyViolations } from '../../functions/domain/order-money'
import type { PaymentSimulator, TradeState } from '../../functions/payments/ports'
import { createDocumentClient } from '../../functions/store/client'
import { keys } from '../../functions/store/keys'
import { at, bookableStudio, shanghaiDay } from '../support/booking'
import { isolatedTable } from '../support/studio'

/** Finance's "refunds due" lists exactly the orders with money still to send back, whatever else happens to them. */
let deps: Awaited<ReturnType<typeof isolatedTable>>['deps']
let tableName: string
let s: Awaited<ReturnType<typeof bookableStudio>>
let finance: string
let reception: string

beforeAll(async () => {
  ;({ deps, tableName } = await isolatedTable())
  s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
  finance = await s.sign('finance')
  reception = await s.sign('reception')
})

const customer = async (name: string) =>
  (await s.ops.call('auth.wechatSignIn', { studioCode: s.studio.code, code: `dev:${name}`, nickname: name })) as { token: string }
const detail = async (orderId: string) => (await s.ops.call('orders.get', { orderId }, finance)) as { order: any; payments: any[] }
const listed = async (orderId: string) => ((await s.ops.call('payments.refundsDue', {}, finance)).items as { id: string }[]).filter((o) => o.id === orderId)

/** Sets how WeChat Pay's (simulated) book has a trade: a CLOSED trade takes no refund. */
async function weChatBookSays(outTradeNo: string, tradeState: TradeState) {
  const db = createDocumentClient({ tableName, endpoint: process.env.TEST_DYNAMODB_ENDPOINT })
  const Key = keys.simulatedTrade((deps.payments as PaymentSimulator).mchId, outTradeNo)
  await db.send(new UpdateCommand({ TableName: tableName, Key, UpdateExpression: 'SET tradeState = :s', ExpressionAttributeValues: { ':s': tradeState } }))
}

describe('a refund WeChat Pay did not take on a live order', () => {
  it('stays among refunds due through edits of the order until it is sent again', async () => {
    const who = await customer('goodwill')
    const booking = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(shanghaiDay(18), '10:00') }, who.token)
    const deposit = await s.ops.call('payments.prepay', { orderId: booking.orderId, kind: 'deposit' }, who.token)
    await s.ops.call('payments.simulatePay', { orderId: booking.orderId, outTradeNo: deposit.outTradeNo }, who.token)

    await weChatBookSays(deposit.outTradeNo, 'CLOSED')
    const requestId = ulid()
    const refund = { orderId: booking.orderId, paymentId: deposit.outTradeNo, requestId, amountFen: 1000, reason: 'goodwill' }
    expect(await s.ops.outcome('payments.refund', refund, finance)).toBe('PAYMENT_PROVIDER_ERROR')
    expect((await detail(booking.orderId)).payments.find((p) => p.id === requestId)).toMatchObject({ status: 'refund_failed', amountFen: -1000 })
    expect(await listed(booking.orderId)).toEqual([expect.objectContaining({ stage: 'confirmed' })])

    // Reception edits the order twice; the money owed back is still on finance's list, once.
    let { order } = await detail(booking.orderId)
    await s.ops.call('orders.update', { orderId: order.id, version: order.version, notes: 'customer prefers mornings' }, reception)
    ;({ order } = await detail(booking.orderId))
    await s.ops.call('orders.update', { orderId: order.id, version: order.version, discountFen: 2000, discountReason: '老客户' }, s.manager)
    expect(await listed(booking.orderId)).toHaveLength(1)

    // WeChat Pay takes it this time: sent, and off the list.
    await weChatBookSays(deposit.outTradeNo, 'SUCCESS')
    const retried = await s.ops.call('payments.retryRefund', { orderId: booking.orderId, refundId: requestId }, finance)
    expect(retried.payments.find((p: { id: string }) => p.id === requestId)).toMatchObject({ status: 'refunded' })
    expect(await listed(booking.orderId)).toEqual([])
    const after = await detail(booking.orderId)
    expect(after.order).toMatchObject({ stage: 'confirmed', paidFen: deposit.amountFen - 1000, refundedFen: 1000 })
    expect(orderMoneyViolations(after.order, after.payments)).toEqual([])
  })
})

describe('a lapsed hold taken back by its late deposit', () => {
  it('leaves refunds due: the order is live again and owes nothing back', async () => {
    const who = await customer('revived')
    const booking = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(shanghaiDay(16), '10:00') }, who.token)
    // ¥1 taken at the desk (not the deposit), then the customer opens WeChat Pay for the deposit and leaves it open.
    await s.ops.call('payments.recordOffline', { orderId: booking.orderId, requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: 100 }, reception)
    const charge = await s.ops.call('payments.prepay', { orderId: booking.orderId, kind: 'deposit' }, who.token)
    const later = new Date(Date.now() + 20 * 60_000)
    await releaseExpiredHolds(deps, later)
    // Lapsed: cancelled, the ¥1 owed back.
    expect((await detail(booking.orderId)).order).toMatchObject({ stage: 'cancelled', refundDueFen: 100 })
    expect(await listed(booking.orderId)).toHaveLength(1)

    const paid = await s.ops.call('payments.simulatePay', { orderId: booking.orderId, outTradeNo: charge.outTradeNo }, who.token, { now: later })
    expect(paid.order).toMatchObject({ stage: 'confirmed', paidFen: 100 + charge.amountFen })
    expect(paid.order.refundDueFen).toBeUndefined()
    expect(await listed(booking.orderId)).toEqual([])
    const after = await detail(booking.orderId)
    expect(orderMoneyViolations(after.order, after.payments)).toEqual([])
  })
})
