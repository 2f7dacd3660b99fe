import type { BookingPolicy } from '../../types/booking'
import type { Package } from '../../types/catalog'
import { DomainError } from '../domain/errors'
import { branchPicture } from '../scheduling/branch-picture'
import { nextFreeTimes } from '../scheduling/placement'
import type { PolicyPorts } from '../scheduling/policy'

/**
 * SLOT_TAKEN with the next free times to choose from instead, read afresh: whoever just
 * took this slot changed the day.
 */
export async function slotTaken(
  deps: PolicyPorts,
  at: { studioId: string; branchId: string; date: string; now: Date; policy: BookingPolicy; pkg: Package; photographerId?: string; desk: boolean; ignoreAppointmentId?: string },
): Promise<DomainError> {
  const fresh = await branchPicture(deps, at.studioId, at.branchId, at.date, at.date, at.now, { policy: at.policy, ignoreAppointmentId: at.ignoreAppointmentId })
  return new DomainError('SLOT_TAKEN', 'That time is not free; please choose another', {
    nextFreeTimes: nextFreeTimes(fresh, at.pkg, at.date, at.now, at.photographerId, at.desk),
  })
}
