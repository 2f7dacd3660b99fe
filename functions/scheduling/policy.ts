import type { z } from 'zod'
import type { BookingPolicy } from '../../types/booking'
import type * as op from '../../types/scheduling-operations'
import { DEFAULT_BOOKING_POLICY } from '../domain/booking'
import { callerOf, type RequestContext } from '../domain/context'
import { assertMayChangeAcross } from '../domain/permissions'
import type { IdentityRepository } from '../identity/ports'
import { studioTimeZone } from '../identity/studio-time-zone'
import type { SchedulingRepository } from './ports'

export interface PolicyPorts {
  scheduling: SchedulingRepository
  repo: IdentityRepository
}

/** The studio's booking policy, with the time zone of the studio. */
export async function policyOf(deps: PolicyPorts, studioId: string): Promise<BookingPolicy> {
  const [stored, timeZone] = await Promise.all([deps.scheduling.getPolicy(studioId), studioTimeZone(deps, studioId)])
  return { ...DEFAULT_BOOKING_POLICY, ...stored, timeZone }
}

export async function getBookingPolicy(deps: PolicyPorts, _input: z.output<typeof op.getBookingPolicy.input>, ctx: RequestContext) {
  return policyOf(deps, callerOf(ctx).studioId)
}

/**
 * Saves the policy, which holds in every branch, so only the studio's admin may: the time zone
 * it names becomes the studio's, and the change goes to the audit log as it was and as it is now.
 */
export async function saveBookingPolicy(deps: PolicyPorts, input: z.output<typeof op.saveBookingPolicy.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  assertMayChangeAcross(caller)
  const before = await policyOf(deps, caller.studioId)
  const { timeZone, ...policy } = input
  await deps.scheduling.savePolicy(caller.studioId, policy, timeZone, {
    actorId: caller.id,
    actorName: caller.displayName,
    action: 'settings.booking_policy_saved',
    detail: { before, after: input },
  })
  return input
}
