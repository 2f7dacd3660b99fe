import type { z } from 'zod'
import type * as op from '../../types/booking-operations'
import type { CatalogRepository } from '../catalog/ports'
import { callerOf, type RequestContext } from '../domain/context'
import { earliestStartAfterMove } from '../domain/booking'
import { DomainError, notFound } from '../domain/errors'
import { studioDate } from '../domain/time'
import { branchPicture } from '../scheduling/branch-picture'
import { checkPhotographer, checkStart, locksOf, packageFor, place, placedAt, reminderTime } from '../scheduling/placement'
import { policyOf, type PolicyPorts } from '../scheduling/policy'
import type { AppointmentRecord } from '../scheduling/ports'
import { assertChangeable, loadOwn } from './appointments'
import type { Bookkeeping, OrderRepository } from '../orders/ports'
import { appointmentFigures, withFigures } from './booking-figures'
import type { BookingRepository } from './ports'
import { slotTaken } from './slot-taken'
import { repricedWith, surchargeAfterMove } from './surcharge'

interface ReschedulePorts extends PolicyPorts {
  booking: BookingRepository
  catalog: CatalogRepository
  orders: OrderRepository
  books: Bookkeeping
}

/**
 * Moves a booking to another free time, in one transaction: its locks, the appointment (remembering the
 * earliest start it has held, which its cancellation refund is judged from) and the order's shoot date.
 * The order's photographer surcharge follows the photographer the booking now has (surchargeAfterMove),
 * priced from the order as read: a payment or edit landing meanwhile refuses the move, to be tried again.
 */
export async function rescheduleBooking(deps: ReschedulePorts, input: z.output<typeof op.rescheduleBooking.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const current = await loadOwn(deps, caller, input.appointmentId)
  const order = await deps.orders.get(caller.studioId, current.orderId)
  if (!order) throw notFound('Order')
  const policy = await policyOf(deps, caller.studioId)
  assertChangeable(current, caller, policy.changeCutoffHours, ctx.now)
  const pkg = await packageFor(deps, caller.studioId, current.packageId, current.branchId)
  const startsAt = Date.parse(input.startsAt)
  const date = studioDate(new Date(startsAt), policy.timeZone)
  // The booking's own time does not stand in its way.
  const picture = await branchPicture(deps, caller.studioId, current.branchId, date, date, ctx.now, { ignoreAppointmentId: current.id, policy })
  const desk = caller.kind === 'staff'
  checkStart(picture, startsAt, ctx.now, desk)
  checkPhotographer(picture, pkg, input.photographerId)
  const refuse = () =>
    slotTaken(deps, { studioId: caller.studioId, branchId: current.branchId, date, now: ctx.now, policy, pkg, photographerId: input.photographerId, desk, ignoreAppointmentId: current.id })
  const placement = place(picture, pkg, startsAt, ctx.now, { photographerId: input.photographerId, keep: current, ignoreNotice: desk })
  if (!placement) throw await refuse()
  const next: AppointmentRecord = {
    ...current,
    ...placedAt(picture, placement),
    earliestStartsAt: earliestStartAfterMove(current, new Date(placement.slot.startsAt).toISOString()),
    lockedBufferMinutes: picture.policy.bufferMinutes,
    reminderAt: current.remindCustomer ? reminderTime(placement.slot.startsAt, picture.policy.timeZone) : undefined,
    version: current.version + 1,
    updatedAt: ctx.now.toISOString(),
  }
  const surcharge = surchargeAfterMove(picture, order, { named: input.photographerId, before: current.photographerId, after: next.photographerId })
  const repriced = repricedWith(order, surcharge)
  try {
    const expectedBy = current.status === 'confirmed' ? studioDate(new Date(next.startsAt), policy.timeZone) : undefined
    // The crew's booked minutes move from the old day of the shoot to the new one; the order's value with its surcharge.
    const figures = [...appointmentFigures(current, policy.timeZone, ctx.now, { sign: -1 }), ...appointmentFigures(next, policy.timeZone, ctx.now, { sign: 1 })]
    const books = withFigures(repriced ? await deps.books.revalued(order, repriced.next) : {}, figures)
    const orderChange = { shootAt: next.startsAt, expectedBy, refundFromAt: next.earliestStartsAt, repricing: repriced?.repricing }
    return await deps.booking.rescheduleBooking(current, next, locksOf(current), placement.locks, ctx.now, orderChange, books)
  } catch (error) {
    if (error instanceof DomainError && error.code === 'SLOT_TAKEN') throw await refuse()
    throw error
  }
}
