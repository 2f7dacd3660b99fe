import type { z } from 'zod'
import type * as op from '../../types/booking-operations'
import type { CatalogRepository } from '../catalog/ports'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { studioDate } from '../domain/time'
import { branchPicture } from '../scheduling/branch-picture'
import { checkPhotographer, checkStart, locksOf, packageFor, place, placedAt, reminderTime } from '../scheduling/placement'
import { policyOf, type PolicyPorts } from '../scheduling/policy'
import type { AppointmentRecord } from '../scheduling/ports'
import { assertChangeable, loadOwn } from './appointments'
import { appointmentFigures } from './booking-figures'
import type { BookingRepository } from './ports'
import { slotTaken } from './slot-taken'

interface ReschedulePorts extends PolicyPorts {
  booking: BookingRepository
  catalog: CatalogRepository
}

/** Moves a booking to another free time: its locks, the appointment and the order's shoot date in one transaction. */
export async function rescheduleBooking(deps: ReschedulePorts, input: z.output<typeof op.rescheduleBooking.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const current = await loadOwn(deps, caller, input.appointmentId)
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
    lockedBufferMinutes: picture.policy.bufferMinutes,
    reminderAt: current.remindCustomer ? reminderTime(placement.slot.startsAt, picture.policy.timeZone) : undefined,
    version: current.version + 1,
    updatedAt: ctx.now.toISOString(),
  }
  try {
    const expectedBy = current.status === 'confirmed' ? studioDate(new Date(next.startsAt), policy.timeZone) : undefined
    // The crew's booked minutes move from the old day of the shoot to the new one.
    const figures = [...appointmentFigures(current, policy.timeZone, ctx.now, { sign: -1 }), ...appointmentFigures(next, policy.timeZone, ctx.now, { sign: 1 })]
    return await deps.booking.rescheduleBooking(current, next, locksOf(current), placement.locks, ctx.now, { shootAt: next.startsAt, expectedBy }, { figures })
  } catch (error) {
    if (error instanceof DomainError && error.code === 'SLOT_TAKEN') throw await refuse()
    throw error
  }
}
