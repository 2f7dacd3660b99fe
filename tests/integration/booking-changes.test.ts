import { ulid } from 'ulid'
import type { AppDeps } from '../../functions/api/implementations'
import { orderMoneyViolations } from '../../functions/domain/order-money'
import { studioDate } from '../../functions/domain/time'
import { cancellationRefund } from '../../src/lib/refund'
import { at, bookableStudio, shanghaiDay } from '../support/booking'
import { signInAt } from '../support/shoots'
import { isolatedTable } from '../support/studio'

/**
 * What a booking costs and gives back follows what the booking is, however it got there: the
 * photographer's surcharge follows the photographer booked (at booking, when booking a desk order's
 * shoot, when moving it), a cancellation is refunded as from the earliest time the booking held, and
 * a booked shoot is marked shot only by its own crew from its day on, whichever page asks.
 */
let deps: AppDeps
let s: Awaited<ReturnType<typeof bookableStudio>>
const SURCHARGE = 50_000

beforeAll(async () => {
  ;({ deps } = await isolatedTable())
  s = await bookableStudio(deps, { photographers: 2, rooms: 2 })
  await s.ops.call('staffSchedules.save', { staffId: senior().id, daysOff: [], leave: [], surchargeFen: SURCHARGE }, s.manager)
}, 120_000)

const senior = () => s.photographers[1]!
const regular = () => s.photographers[0]!
const clock = (now: Date) => ({ now })

const customer = async (name: string, now = new Date()) =>
  (await s.ops.call('auth.wechatSignIn', { studioCode: s.studio.code, code: `dev:${name}`, nickname: name }, undefined, clock(now))) as { token: string; principal: { id: string } }

const orderOf = async (orderId: string) => s.ops.call('orders.get', { orderId }, s.manager)

/** The order's money adds up (paid, balance = total − paid ≥ 0, refunds) against its ledger. */
async function moneyHolds(orderId: string, keptFen?: number) {
  const { order, payments } = await orderOf(orderId)
  expect(orderMoneyViolations(order, payments, { keptFen })).toEqual([])
  return order
}

async function payDeposit(token: string, orderId: string, now = new Date()) {
  const charge = await s.ops.call('payments.prepay', { orderId, kind: 'deposit' }, token, clock(now))
  await s.ops.call('payments.simulatePay', { orderId, outTradeNo: charge.outTradeNo }, token, clock(now))
}

const surchargeOf = (order: { addOns: { id: string; amountFen: number }[] }) => order.addOns.filter((a) => a.id === 'surcharge').map((a) => a.amountFen)

describe('the photographer’s surcharge follows the photographer booked', () => {
  it('charges it when a booking is moved onto the senior photographer, and takes it off when moved away', async () => {
    const who = await customer('moves-onto-senior')
    const day = shanghaiDay(20)
    const booked = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00'), photographerId: regular().id }, who.token)
    const before = await moneyHolds(booked.orderId)
    expect(surchargeOf(before)).toEqual([])
    const orderValue = async () => (await s.ops.call('reports.revenue', { from: shanghaiDay(0), to: shanghaiDay(0), branchId: s.branchId }, s.manager)).current.orderValueFen as number
    const valueBefore = await orderValue()

    const onto = await s.ops.call('bookings.reschedule', { appointmentId: booked.id, startsAt: at(day, '14:00'), photographerId: senior().id }, who.token)
    expect(onto.photographerId).toBe(senior().id)
    const charged = await moneyHolds(booked.orderId)
    expect(charged.totalFen).toBe(before.totalFen + SURCHARGE)
    expect(charged.balanceFen).toBe(before.balanceFen + SURCHARGE)
    expect(charged.addOns).toEqual([expect.objectContaining({ id: 'surcharge', amountFen: SURCHARGE, name: expect.stringContaining(senior().displayName) })])
    expect(charged.shootAt).toBe(at(day, '14:00'))
    // The day's order value counts what was sold, surcharge and all.
    expect(await orderValue()).toBe(valueBefore + SURCHARGE)

    // Moved again with no one named: the senior photographer is kept, and so is what was sold.
    const kept = await s.ops.call('bookings.reschedule', { appointmentId: booked.id, startsAt: at(day, '15:00') }, who.token)
    expect(kept.photographerId).toBe(senior().id)
    expect((await moneyHolds(booked.orderId)).totalFen).toBe(before.totalFen + SURCHARGE)

    const away = await s.ops.call('bookings.reschedule', { appointmentId: booked.id, startsAt: at(day, '10:00'), photographerId: regular().id }, who.token)
    expect(away.photographerId).toBe(regular().id)
    const back = await moneyHolds(booked.orderId)
    expect(back.totalFen).toBe(before.totalFen)
    expect(surchargeOf(back)).toEqual([])
    expect(await orderValue()).toBe(valueBefore)
  })

  it('takes it off a paid booking moved from the senior photographer to another, and keeps it for the same one named again', async () => {
    const who = await customer('moves-off-senior')
    const day = shanghaiDay(21)
    const booked = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00'), photographerId: senior().id }, who.token)
    await payDeposit(who.token, booked.orderId)
    const paid = await moneyHolds(booked.orderId)
    expect(paid.stage).toBe('confirmed')
    expect(paid.totalFen).toBe(s.pkg.priceFen + SURCHARGE)

    // Her surcharge goes up meanwhile: naming the same photographer again keeps the price sold.
    await s.ops.call('staffSchedules.save', { staffId: senior().id, daysOff: [], leave: [], surchargeFen: SURCHARGE * 2 }, s.manager)
    try {
      await s.ops.call('bookings.reschedule', { appointmentId: booked.id, startsAt: at(day, '11:00'), photographerId: senior().id }, who.token)
      expect((await moneyHolds(booked.orderId)).totalFen).toBe(s.pkg.priceFen + SURCHARGE)
    } finally {
      await s.ops.call('staffSchedules.save', { staffId: senior().id, daysOff: [], leave: [], surchargeFen: SURCHARGE }, s.manager)
    }

    await s.ops.call('bookings.reschedule', { appointmentId: booked.id, startsAt: at(day, '14:00'), photographerId: regular().id }, who.token)
    const after = await moneyHolds(booked.orderId)
    expect(after.totalFen).toBe(s.pkg.priceFen)
    expect(after.balanceFen).toBe(s.pkg.priceFen - paid.paidFen)
    expect(surchargeOf(after)).toEqual([])
  })

  it('charges it when the desk books the shoot of an order it sold with the senior photographer, and not with another', async () => {
    const reception = await s.sign('reception')
    const day = shanghaiDay(22)
    for (const [photographer, extra, phone] of [
      [senior(), SURCHARGE, '13900005001'],
      [regular(), 0, '13900005002'],
    ] as const) {
      const person = await s.ops.call('customers.create', { name: `到店${phone}`, phone, tags: [] }, reception)
      const order = await s.ops.call('orders.create', { requestId: ulid(), customerId: person.id, packageId: s.pkg.id }, reception)
      await s.ops.call('payments.recordOffline', { orderId: order.id, requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen }, reception)
      const booked = await s.ops.call(
        'bookings.book',
        { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, extra ? '10:00' : '14:00'), customerId: person.id, orderId: order.id, photographerId: photographer.id },
        reception,
      )
      expect(booked).toMatchObject({ orderId: order.id, status: 'confirmed', photographerId: photographer.id })
      const after = await moneyHolds(order.id)
      expect(after).toMatchObject({ appointmentId: booked.id, totalFen: order.totalFen + extra, balanceFen: order.totalFen + extra - order.depositFen })
      expect(surchargeOf(after)).toEqual(extra ? [extra] : [])
    }
  })

  it('refuses to move a booking paid in full off the senior photographer until the surcharge is refunded, changing nothing', async () => {
    const reception = await s.sign('reception')
    const finance = await s.sign('finance')
    const who = await customer('paid-in-full')
    const day = shanghaiDay(23)
    const booked = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00'), photographerId: senior().id }, who.token)
    await payDeposit(who.token, booked.orderId)
    const confirmed = await moneyHolds(booked.orderId)
    const balanceId = ulid()
    await s.ops.call('payments.recordOffline', { orderId: booked.orderId, requestId: balanceId, kind: 'balance', method: 'cash', amountFen: confirmed.balanceFen }, reception)

    const move = { appointmentId: booked.id, startsAt: at(day, '14:00'), photographerId: regular().id }
    expect(await s.ops.outcome('bookings.reschedule', move, reception)).toBe('OVERPAYMENT')
    const unchanged = await moneyHolds(booked.orderId)
    expect(unchanged).toMatchObject({ totalFen: s.pkg.priceFen + SURCHARGE, balanceFen: 0, shootAt: booked.startsAt, version: confirmed.version + 1 })
    const appointment = (await s.ops.call('bookings.mine', {}, who.token)).items.find((a: { id: string }) => a.id === booked.id)
    expect(appointment).toMatchObject({ startsAt: booked.startsAt, photographerId: senior().id, version: booked.version + 1 })

    // The surcharge handed back first, the move goes through and nothing is owed either way.
    await s.ops.call('payments.refund', { orderId: booked.orderId, paymentId: balanceId, requestId: ulid(), amountFen: SURCHARGE, reason: 'photographer changed' }, finance)
    await s.ops.call('bookings.reschedule', move, reception)
    expect(await moneyHolds(booked.orderId)).toMatchObject({ totalFen: s.pkg.priceFen, paidFen: s.pkg.priceFen, balanceFen: 0 })
  })

  it('never loses a payment landing while the booking moves onto the senior photographer', async () => {
    const reception = await s.sign('reception')
    const who = await customer('pays-while-moving')
    const day = shanghaiDay(24)
    const booked = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00'), photographerId: regular().id }, who.token)
    await payDeposit(who.token, booked.orderId)
    const [moved, paid] = await Promise.allSettled([
      s.ops.call('bookings.reschedule', { appointmentId: booked.id, startsAt: at(day, '14:00'), photographerId: senior().id }, who.token),
      s.ops.call('payments.recordOffline', { orderId: booked.orderId, requestId: ulid(), kind: 'balance', method: 'cash', amountFen: 10_000 }, reception),
    ])
    expect(paid.status).toBe('fulfilled')
    const after = await moneyHolds(booked.orderId)
    expect(after.totalFen).toBe(s.pkg.priceFen + (moved.status === 'fulfilled' ? SURCHARGE : 0))
    if (moved.status === 'rejected') expect(moved.reason.code).toBe('VERSION_CONFLICT')
  })
})

describe('a cancellation is refunded as from the earliest time the booking held', () => {
  // The deposit is paid 2.2 days before the shoot: inside the policy's "under 3 days, nothing back" tier,
  // still before the 48-hour change cutoff.
  const day = shanghaiDay(30)
  const beforeShoot = (time: string, days: number) => new Date(Date.parse(at(day, time)) - days * 86_400_000)

  async function paidBooking(name: string, time: string, now: Date) {
    const who = await customer(name, now)
    const booked = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, time) }, who.token, clock(now))
    await payDeposit(who.token, booked.orderId, now)
    return { who, booked }
  }

  it('gives nothing back 2.2 days before the shoot, and still nothing after moving it 40 days out', async () => {
    const now = beforeShoot('10:00', 2.2)
    const straight = await paidBooking('cancels-late', '10:00', now)
    const cancelled = await s.ops.call('bookings.cancel', { appointmentId: straight.booked.id }, straight.who.token, clock(now))
    expect(cancelled.cancellation).toMatchObject({ refundPercent: 0, refundDueFen: 0 })

    const dodger = await paidBooking('moves-then-cancels', '13:00', now)
    const farOut = at(shanghaiDay(70), '10:00')
    const moved = await s.ops.call('bookings.reschedule', { appointmentId: dodger.booked.id, startsAt: farOut }, dodger.who.token, clock(now))
    expect(moved).toMatchObject({ startsAt: farOut, earliestStartsAt: at(day, '13:00') })
    const later = new Date(now.getTime() + 60_000)
    // The desk's cancel panel promises what the server will give back: nothing.
    const { order: beforeCancel } = await orderOf(dodger.booked.orderId)
    expect(beforeCancel).toMatchObject({ shootAt: farOut, refundFromAt: at(day, '13:00') })
    const policy = await s.ops.call('booking.getPolicy', {}, s.manager)
    expect(cancellationRefund(beforeCancel, policy, later.getTime())).toMatchObject({ amountFen: 0, tier: { percent: 0 } })
    const dodged = await s.ops.call('bookings.cancel', { appointmentId: dodger.booked.id }, dodger.who.token, clock(later))
    expect(dodged.cancellation).toMatchObject({ refundPercent: 0, refundDueFen: 0 })
    // The whole deposit is kept: nothing owed back, nothing sent back to WeChat Pay.
    const order = await moneyHolds(dodger.booked.orderId, s.pkg.depositFen)
    expect(order).toMatchObject({ stage: 'cancelled', paidFen: order.depositFen, refundedFen: 0 })
  })

  it('judges a booking moved nearer and back out by the nearer time', async () => {
    const now = beforeShoot('10:00', 20)
    const { who, booked } = await paidBooking('moves-nearer', '15:00', now)
    // Five days ahead: the half-refund tier.
    const nearerAt = at(studioDate(new Date(now.getTime() + 5 * 86_400_000), 'Asia/Shanghai'), '14:00')
    await s.ops.call('bookings.reschedule', { appointmentId: booked.id, startsAt: nearerAt }, who.token, clock(now))
    await s.ops.call('bookings.reschedule', { appointmentId: booked.id, startsAt: at(day, '15:00') }, who.token, clock(now))
    const cancelled = await s.ops.call('bookings.cancel', { appointmentId: booked.id }, who.token, clock(now))
    const daysAhead = (Date.parse(nearerAt) - now.getTime()) / 86_400_000
    expect(daysAhead).toBeGreaterThanOrEqual(3)
    expect(daysAhead).toBeLessThan(7)
    expect(cancelled.cancellation.refundPercent).toBe(50)
  })

  it('refunds a booking never moved by its own time, as before', async () => {
    const now = beforeShoot('11:00', 10)
    const { who, booked } = await paidBooking('cancels-early', '11:00', now)
    expect(booked.earliestStartsAt).toBeUndefined()
    const { order: paid } = await orderOf(booked.orderId)
    const cancelled = await s.ops.call('bookings.cancel', { appointmentId: booked.id }, who.token, clock(now))
    expect(cancelled.cancellation).toMatchObject({ refundPercent: 100, refundDueFen: paid.paidFen })
    // The whole deposit goes back to WeChat Pay at once.
    expect(await moneyHolds(booked.orderId)).toMatchObject({ stage: 'cancelled', paidFen: 0, refundedFen: paid.paidFen })
  })
})

describe('a booked shoot is marked shot by its own rules, from the order’s page too', () => {
  it('refuses a photographer not on the shoot, and its own photographer before its day, changing nothing; its photographer marks it on the day', async () => {
    const day = shanghaiDay(25)
    const who = await customer('shot-early')
    const booked = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00'), photographerId: regular().id }, who.token)
    await payDeposit(who.token, booked.orderId)
    const before = await orderOf(booked.orderId)
    const move = { orderId: booked.orderId, from: 'confirmed', to: 'shot' }

    const otherPhotographer = await s.sign('photographer1')
    expect(await s.ops.outcome('orders.advance', move, otherPhotographer)).toBe('FORBIDDEN')
    expect(await s.ops.outcome('orders.advance', move, await s.sign('photographer'))).toBe('PRECONDITION_FAILED')
    const after = await orderOf(booked.orderId)
    expect(after.order).toMatchObject({ stage: 'confirmed', version: before.order.version, timeline: before.order.timeline })

    const onTheDay = new Date(at(day, '09:00'))
    expect(await s.ops.outcome('orders.advance', move, await signInAt(s, 'photographer1', onTheDay), clock(onTheDay))).toBe('FORBIDDEN')
    const shot = await s.ops.call('orders.advance', move, await signInAt(s, 'photographer', onTheDay), clock(onTheDay))
    expect(shot.stage).toBe('shot')
  })

  it('lets the branch’s manager record a shoot done ahead of its day, but not a manager of another branch', async () => {
    const who = await customer('shot-ahead')
    const booked = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(shanghaiDay(26), '10:00') }, who.token)
    await payDeposit(who.token, booked.orderId)
    const move = { orderId: booked.orderId, from: 'confirmed', to: 'shot' }
    expect(await s.ops.outcome('orders.advance', move, await s.sign('manager2'))).toBe('NOT_FOUND')
    expect((await s.ops.call('orders.advance', move, s.manager)).stage).toBe('shot')
  })

  it('still lets the photographer mark an order sold at the desk with no booked shoot', async () => {
    const reception = await s.sign('reception')
    const person = await s.ops.call('customers.create', { name: '无预约', phone: '13900007001', tags: [] }, reception)
    const order = await s.ops.call('orders.create', { requestId: ulid(), customerId: person.id, packageId: s.pkg.id }, reception)
    await s.ops.call('payments.recordOffline', { orderId: order.id, requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen }, reception)
    const shot = await s.ops.call('orders.advance', { orderId: order.id, from: 'confirmed', to: 'shot' }, await s.sign('photographer1'))
    expect(shot.stage).toBe('shot')
  })
})
