import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import { keys } from '../../functions/store/keys'
import { bookableStudioOverHttp, freeSlots } from '../support/bookable'
import { TEST_TABLE } from '../support/constants'
import { http, signIn, signInCustomer } from '../support/http'
import { apiPayKeys, notify, paidFor } from '../support/orders'
import { deliver, notificationOf, paidCharge, simulatedTrade, testTable } from '../support/unmatched-pay'

type Setup = Awaited<ReturnType<typeof bookableStudioOverHttp>>
let setup: Setup
let finance: string
beforeAll(async () => {
  setup = await bookableStudioOverHttp('Unmatched Pay Studio', '证件照')
  finance = await signIn(setup.studio.code, 'finance')
})

const unmatchedList = async (token = finance) => {
  const answer = await http('GET', '/payments/unmatched', { token })
  expect(answer.status).toBe(200)
  return answer.body.items as any[]
}

async function bookedOrder(name: string, slot: number) {
  const customer = await signInCustomer(setup.studio.code, name)
  const slots = await freeSlots(customer.token, setup.pkg.id, setup.branchId)
  const booked = await http('POST', '/bookings', { token: customer.token, body: { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: slots[slot]!.startsAt } })
  expect(booked.status).toBe(200)
  return { customer, booking: booked.body as { id: string; orderId: string } }
}

describe('paying a charge that can no longer be paid', () => {
  it('answers 409 CONFLICT, not 500, for a charge closed by a cancellation, and credits nothing', async () => {
    const { customer, booking } = await bookedOrder('pays-after-cancel', 2)
    const charge = await http('POST', `/orders/${booking.orderId}/wechat-pay`, { token: customer.token, body: { kind: 'deposit' } })
    expect(charge.status).toBe(200)
    expect((await http('POST', `/bookings/${booking.id}/cancel`, { token: customer.token, body: {} })).status).toBe(200)
    const paid = await http('POST', `/orders/${booking.orderId}/wechat-pay/${charge.body.outTradeNo}/simulate`, { token: customer.token, body: {} })
    expect({ status: paid.status, code: paid.body.error?.code }).toEqual({ status: 409, code: 'CONFLICT' })
    const detail = (await http('GET', `/orders/${booking.orderId}`, { token: finance })).body
    expect(detail.order).toMatchObject({ stage: 'cancelled', paidFen: 0 })
    expect(detail.payments).toEqual([])
    expect(await simulatedTrade(charge.body.outTradeNo)).toMatchObject({ tradeState: 'CLOSED' })
  })

  it('cancels a booking whose balance WeChat Pay took a moment before, sends that balance back, and answers its late notification 204', async () => {
    const { customer, booking } = await bookedOrder('pays-before-cancel', 8)
    const pay = async (kind: string, deliverNotification: boolean) => {
      const charge = await http('POST', `/orders/${booking.orderId}/wechat-pay`, { token: customer.token, body: { kind } })
      expect(charge.status).toBe(200)
      expect((await http('POST', `/orders/${booking.orderId}/wechat-pay/${charge.body.outTradeNo}/simulate`, { token: customer.token, body: { deliverNotification } })).status).toBe(200)
      return charge.body as { outTradeNo: string; amountFen: number }
    }
    await pay('deposit', true)
    const balance = await pay('balance', false)
    expect((await http('POST', `/bookings/${booking.id}/cancel`, { token: customer.token, body: {} })).status).toBe(200)
    // WeChat Pay's notification arrives after the cancellation: handled, so WeChat Pay stops sending it.
    const late = await notificationOf(balance.outTradeNo)
    expect((await deliver(late)).status).toBe(204)
    expect((await deliver(late)).status).toBe(204)
    const detail = (await http('GET', `/orders/${booking.orderId}`, { token: finance })).body
    expect(detail.order.stage).toBe('cancelled')
    expect(detail.payments.find((p: { id: string }) => p.id === balance.outTradeNo)).toMatchObject({ amountFen: balance.amountFen, status: 'refunded', reason: 'could not be credited' })
    expect(detail.payments.filter((p: { refundOf?: string }) => p.refundOf === balance.outTradeNo)).toEqual([expect.objectContaining({ amountFen: -balance.amountFen, status: 'refunded' })])
    expect(await simulatedTrade(balance.outTradeNo)).toMatchObject({ tradeState: 'REFUND', refundedFen: balance.amountFen })
  })
})

describe('money WeChat Pay took that no order can take', () => {
  it('refunds a genuine payment for an order that does not exist once, however often and however concurrently it is notified, and shows it to finance', async () => {
    const missingOrder = ulid()
    const { outTradeNo, transactionId, notification } = await paidCharge(12_300, `${setup.studio.studio.id}/${missingOrder}`)
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(notification)))
    // Handled: WeChat Pay stops sending it.
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(204))
    expect((await deliver(notification)).status).toBe(204)

    const listed = (await unmatchedList()).filter((p) => p.outTradeNo === outTradeNo)
    expect(listed).toEqual([
      expect.objectContaining({ amountFen: 12_300, reason: 'unknown_order', orderId: missingOrder, status: 'refunded', transactionId, outRefundNo: `U${transactionId}` }),
    ])
    // One refund at WeChat Pay, of the whole amount.
    expect(await simulatedTrade(outTradeNo)).toMatchObject({ tradeState: 'REFUND', refundedFen: 12_300 })
    const audit = (await http('GET', '/audit?action=payment.rejected', { token: await signIn(setup.studio.code, 'admin') })).body.items
    expect(audit.filter((e: any) => e.detail?.outTradeNo === outTradeNo)).toHaveLength(1)
  })

  it('refunds a genuine payment that names no order, kept under the merchant and shown to no studio', async () => {
    const { outTradeNo, transactionId, notification } = await paidCharge(4_500)
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(notification)))
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(204))
    const kept = (await testTable().send(new GetCommand({ TableName: TEST_TABLE, Key: keys.merchantUnmatchedPayment(apiPayKeys().mchId, transactionId), ConsistentRead: true }))).Item
    expect(kept).toMatchObject({ amountFen: 4_500, reason: 'no_order', status: 'refunded', outRefundNo: `U${transactionId}` })
    expect(await simulatedTrade(outTradeNo)).toMatchObject({ tradeState: 'REFUND', refundedFen: 4_500 })
    expect((await unmatchedList()).map((p) => p.outTradeNo)).not.toContain(outTradeNo)
  })

  it('credits nothing of an amount other than the charge asked for, sends it back and lists it with what was asked', async () => {
    const { customer, booking } = await bookedOrder('pays-another-amount', 5)
    const charge = (await http('POST', `/orders/${booking.orderId}/wechat-pay`, { token: customer.token, body: { kind: 'deposit' } })).body
    const tx = paidFor(setup.studio.studio.id, booking.orderId, { ...charge, amountFen: charge.amountFen + 100 })
    const answers = await Promise.all(Array.from({ length: 10 }, () => notify(tx)))
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(204))
    expect((await http('GET', `/orders/${booking.orderId}`, { token: finance })).body.order).toMatchObject({ stage: 'pending_deposit', paidFen: 0 })
    const listed = (await unmatchedList()).filter((p) => p.outTradeNo === charge.outTradeNo)
    // WeChat Pay's book holds the charge's own amount, so it refuses this refund: finance sees it failed.
    expect(listed).toEqual([
      expect.objectContaining({ amountFen: charge.amountFen + 100, expectedFen: charge.amountFen, reason: 'amount_differs', orderId: booking.orderId, branchId: setup.branchId, status: 'refund_failed' }),
    ])
    // The customer's real payment of the charge is still credited.
    expect((await notify(paidFor(setup.studio.studio.id, booking.orderId, charge))).status).toBe(204)
    expect((await http('GET', `/orders/${booking.orderId}`, { token: finance })).body.order).toMatchObject({ stage: 'confirmed', paidFen: charge.amountFen })
  })

  it('lists it to finance and the managers only', async () => {
    for (const role of ['reception', 'photographer']) {
      expect((await http('GET', '/payments/unmatched', { token: await signIn(setup.studio.code, role) })).status).toBe(403)
    }
    expect((await http('GET', '/payments/unmatched', { token: await signIn(setup.studio.code, 'manager') })).status).toBe(200)
  })
})
