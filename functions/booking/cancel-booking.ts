import type { z } from 'zod'
import type * as bookingOp from '../../types/booking-operations'
import type * as orderOp from '../../types/order-operations'
import { callerOf, type Caller, type RequestContext } from '../domain/context'
import { refundPercent, refundStartOf } from '../domain/booking'
import { DomainError } from '../domain/errors'
import { tellCustomer, type TellCustomerPorts } from '../notices/tell-customer'
import { moveOrder, orderToMove } from '../orders/advance-order'
import { actorOf, orderContextOf, orderSeenBy, orderSettingsOf, stageChange } from '../orders/model'
import type { FileStore, OrderRecord } from '../orders/ports'
import { pause, type CreditingPorts } from '../payments/crediting'
import { refundCancellation } from '../payments/refunds'
import { locksOf } from '../scheduling/placement'
import { policyOf, type PolicyPorts } from '../scheduling/policy'
import type { AppointmentRecord } from '../scheduling/ports'
import { assertChangeable, assertShootMarkable, loadOwn } from './appointments'
import { appointmentFigures, withFigures } from './booking-figures'
import type { BookingRepository } from './ports'

interface CancelPorts extends PolicyPorts, CreditingPorts {
  booking: BookingRepository
}

/**
 * Ends a booking up to the cutoff, with its order, and records what is owed back: everything
 * paid less the policy's share of the deposit (kept only once the booking was confirmed).
 */
async function endBooking(deps: CancelPorts, appointment: AppointmentRecord, reason: string | undefined, caller: Caller, now: Date) {
  const policy = await policyOf(deps, caller.studioId)
  assertChangeable(appointment, caller, policy.changeCutoffHours, now)
  const percent = refundPercent(policy, Date.parse(refundStartOf(appointment)), now.getTime())
  const order = await deps.orders.get(caller.studioId, appointment.orderId)
  const paid = order?.paidFen ?? 0
  const kept = appointment.status === 'confirmed' ? Math.round((Math.min(order?.depositFen ?? appointment.depositFen, paid) * (100 - percent)) / 100) : 0
  // What refunds on the order must reach: those made before, and everything paid less what is kept.
  const refundDueFen = (order?.refundedFen ?? 0) + paid - kept
  const context = { settings: await orderSettingsOf(deps, caller.studioId), timeZone: policy.timeZone }
  const from = appointment.status === 'confirmed' ? 'confirmed' : 'pending_deposit'
  const change = stageChange({ stage: from, shootAt: appointment.startsAt }, 'cancelled', actorOf(caller), now, context, {
    note: reason,
    set: { refundDueFen },
    // A payment landing meanwhile would change what is owed back: then the cancel is refused and retried.
    expectPaidFen: paid,
  })
  const cancellation = { at: now.toISOString(), by: caller.id, refundPercent: appointment.status === 'confirmed' ? percent : 0, refundDueFen, reason }
  const books = withFigures(order ? await deps.books.stageReached(order, change) : {}, appointmentFigures(appointment, policy.timeZone, now, { cancelled: true, sign: -1 }))
  return deps.booking.endBooking(appointment, locksOf(appointment), { status: 'cancelled', cancellation }, now, change, books)
}

/**
 * Ends the booking as it stands when the cancellation is written: a payment landing between
 * reading what is owed back and writing it (a WeChat notification, a deposit confirming the
 * hold) refuses the write, and the booking and its order are read again.
 */
async function endBookingAfresh(deps: CancelPorts, appointment: AppointmentRecord, reason: string | undefined, caller: Caller, now: Date) {
  for (let attempt = 0, current = appointment; ; attempt++) {
    try {
      return await endBooking(deps, current, reason, caller, now)
    } catch (error) {
      const raced = error instanceof DomainError && ['ILLEGAL_TRANSITION', 'VERSION_CONFLICT', 'CONFLICT'].includes(error.code)
      const order = raced && attempt < 5 ? await deps.orders.get(caller.studioId, appointment.orderId) : undefined
      // Moved on for good (shot, cancelled by someone else): the refusal stands.
      if (!order || (order.stage !== 'pending_deposit' && order.stage !== 'confirmed')) throw error
      await pause(20 + Math.random() * 60 * (attempt + 1))
      current = await loadOwn(deps, caller, appointment.id)
      // The deposit landed while a hold was being cancelled: the policy's tiers now decide what comes back,
      // which the person did not see when they chose to cancel, so they are asked again.
      if (appointment.status !== 'confirmed' && current.status === 'confirmed') {
        throw new DomainError('CONFLICT', 'The deposit has just been paid: look at what cancelling refunds now, and cancel again if you still want to')
      }
    }
  }
}

/**
 * The one way a person cancels: the order — with its booking, if it has one — is cancelled,
 * then what the policy refunds of a deposit paid by WeChat goes back automatically.
 */
async function cancelWithRefund(deps: CancelPorts, target: { appointment: AppointmentRecord } | { order: OrderRecord }, reason: string | undefined, ctx: RequestContext) {
  const caller = callerOf(ctx)
  let ended: AppointmentRecord | undefined
  if ('appointment' in target) ended = await endBookingAfresh(deps, target.appointment, reason, caller, ctx.now)
  else {
    // An order with no booking behind it gives back everything paid, as it stands when the
    // cancellation is written: a payment or refund landing meanwhile makes it read again.
    const context = await orderContextOf(deps, caller.studioId)
    for (let attempt = 0, order = target.order; ; attempt++) {
      const change = stageChange(order, 'cancelled', actorOf(caller), ctx.now, context, {
        note: reason,
        set: { refundDueFen: order.refundedFen + order.paidFen },
        expectPaidFen: order.paidFen,
      })
      try {
        await deps.orders.changeStage(order, change, await deps.books.stageReached(order, change))
        break
      } catch (error) {
        const fresh = await deps.orders.get(caller.studioId, order.id)
        const moneyMoved = error instanceof DomainError && error.code === 'VERSION_CONFLICT' && fresh?.stage === order.stage
        if (!moneyMoved || attempt >= 5) throw error
        order = fresh
      }
    }
  }
  await refundCancellation(deps, caller.studioId, 'order' in target ? target.order.id : target.appointment.orderId, ctx.now)
  return ended
}

/** Cancels a booking up to the cutoff, and its order, and refunds what the policy allows. */
export async function cancelBooking(deps: CancelPorts, input: z.output<typeof bookingOp.cancelBooking.input>, ctx: RequestContext) {
  const appointment = await loadOwn(deps, callerOf(ctx), input.appointmentId)
  return (await cancelWithRefund(deps, { appointment }, input.reason, ctx))!
}

/**
 * Moves an order one step, as the stage's role allows, and tells the customer when it reached a
 * stage they wait for. A booked shoot is marked shot only by the shoot's rules (assertShootMarkable),
 * and only if its order is still at the version read (moving the booking moves it). Cancelling also
 * ends its booking (within the same cutoff as cancelling the booking itself) and refunds what is owed.
 */
export async function advanceOrder(deps: CancelPorts & TellCustomerPorts & { files: FileStore }, input: z.output<typeof orderOp.advanceOrder.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const order = await orderToMove(deps, input, caller)
  if (input.to !== 'cancelled') {
    // A booked shoot is marked shot by its own rules, from the shoot's page or the order's.
    if (input.to === 'shot' && order.appointmentId) {
      const { timeZone } = await policyOf(deps, caller.studioId)
      assertShootMarkable(await loadOwn(deps, caller, order.appointmentId), caller, timeZone, ctx.now)
    }
    const moved = await moveOrder(deps, order, input, caller, ctx.now)
    await tellCustomer(deps, moved, ctx.now)
    return orderSeenBy(caller, moved)
  }
  const target = order.appointmentId ? { appointment: await loadOwn(deps, caller, order.appointmentId) } : { order }
  await cancelWithRefund(deps, target, input.note, ctx)
  return orderSeenBy(caller, (await deps.orders.get(caller.studioId, order.id))!)
}
