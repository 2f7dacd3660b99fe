import { releaseExpiredHolds } from '../../functions/booking/expire-holds'
import { at, bookableStudio, shanghaiDay } from '../support/booking'
import { isolatedTable } from '../support/studio'

/**
 * A customer pays the deposit after their hold ran out. They are never charged without a
 * booking: the slot is taken back if it is still free, and the money is refunded if not.
 */
describe('a deposit paid after the hold expired', () => {
  let s: Awaited<ReturnType<typeof bookableStudio>>
  let deps: Awaited<ReturnType<typeof isolatedTable>>['deps']
  const customer = async (name: string) =>
    (await s.ops.call('auth.wechatSignIn', { studioCode: s.studio.code, code: `dev:${name}`, nickname: name })) as { token: string; principal: { id: string } }

  beforeAll(async () => {
    ;({ deps } = await isolatedTable())
    // One photographer and one room: a slot can be booked once.
    s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
  })

  async function heldThenLapsed(name: string, time: string) {
    const who = await customer(name)
    const booking = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(shanghaiDay(5), time) }, who.token)
    const charge = await s.ops.call('payments.prepay', { orderId: booking.orderId, kind: 'deposit' }, who.token)
    // The customer leaves the pay sheet open; 20 minutes later the 15-minute hold has lapsed and been swept.
    const later = new Date(Date.now() + 20 * 60_000)
    expect((await releaseExpiredHolds(deps, later)).released).toBeGreaterThanOrEqual(1)
    const lapsed = await s.ops.call('orders.get', { orderId: booking.orderId }, who.token)
    expect(lapsed.order.stage).toBe('cancelled')
    return { who, booking, charge, later }
  }

  it('takes the slot back when it is still free', async () => {
    const { who, booking, charge, later } = await heldThenLapsed('late-payer', '10:00')
    const paid = await s.ops.call('payments.simulatePay', { orderId: booking.orderId, outTradeNo: charge.outTradeNo }, who.token, { now: later })
    expect(paid.order).toMatchObject({ stage: 'confirmed', paidFen: charge.amountFen })
    expect(paid.order.timeline.map((e: { stage: string }) => e.stage)).toEqual(['pending_deposit', 'cancelled', 'confirmed'])
    const [appointment] = (await s.ops.call('bookings.mine', {}, who.token)).items
    expect(appointment.status).toBe('confirmed')
    // The slot is theirs again: nobody else can have it.
    const other = await customer('too-late')
    expect(await s.ops.outcome('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(shanghaiDay(5), '10:00') }, other.token, { now: later })).toBe('SLOT_TAKEN')
  })

  it('refunds the deposit when someone else booked the slot meanwhile', async () => {
    const { who, booking, charge, later } = await heldThenLapsed('slow-payer', '14:00')
    const quicker = await customer('quicker')
    const theirs = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(shanghaiDay(5), '14:00') }, quicker.token, { now: later })
    const paid = await s.ops.call('payments.simulatePay', { orderId: booking.orderId, outTradeNo: charge.outTradeNo }, who.token, { now: later })
    // Money in, money out: the order stays cancelled and shows the refund.
    expect(paid.order).toMatchObject({ stage: 'cancelled', paidFen: 0 })
    const refund = paid.payments.find((p: { kind: string }) => p.kind === 'refund')
    expect(refund).toMatchObject({ method: 'wechat', amountFen: -charge.amountFen, status: 'refunded', refundOf: charge.outTradeNo })
    expect(paid.payments.find((p: { id: string }) => p.id === charge.outTradeNo)).toMatchObject({ kind: 'deposit', status: 'refunded', refundableFen: 0 })
    // WeChat Pay's own book agrees: the trade was refunded.
    expect((await deps.payments.query(charge.outTradeNo))?.tradeState).toBe('REFUND')
    // The other customer's booking is untouched.
    const [mine] = (await s.ops.call('bookings.mine', {}, quicker.token)).items
    expect(mine).toMatchObject({ id: theirs.id, status: 'held' })
  })

  it('refunds a deposit paid for a booking the customer had cancelled', async () => {
    const who = await customer('changed-mind')
    const booking = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(shanghaiDay(6), '10:00') }, who.token)
    const charge = await s.ops.call('payments.prepay', { orderId: booking.orderId, kind: 'deposit' }, who.token)
    await s.ops.call('bookings.cancel', { appointmentId: booking.id }, who.token)
    // Cancelling closed the charge at WeChat Pay: it can no longer be paid.
    expect((await deps.payments.query(charge.outTradeNo))?.tradeState).toBe('CLOSED')
    expect(await s.ops.outcome('payments.prepay', { orderId: booking.orderId, kind: 'deposit' }, who.token)).toBe('NOTHING_TO_PAY')
  })
})
