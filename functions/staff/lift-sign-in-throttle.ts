import type { z } from 'zod'
import type * as op from '../../types/staff-operations'
import { accountWindow } from '../domain/credentials'
import { callerOf, type RequestContext } from '../domain/context'
import { notFound } from '../domain/errors'
import { actorOf, loadManageable, type StaffPorts } from './manage-staff'

/** Empties the account's sign-in window so its owner can try again at once; audited. */
export async function liftSignInThrottle(deps: StaffPorts, input: z.output<typeof op.liftSignInThrottle.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const staff = await loadManageable(deps, caller, input.staffId)
  const studio = await deps.repo.getStudio(caller.studioId)
  if (!studio) throw notFound('Studio')
  await deps.repo.clearAttempts(accountWindow(studio.code, staff.username, ctx.now))
  await deps.repo.appendAudit(caller.studioId, { ...actorOf(caller), action: 'auth.throttle_lifted', targetId: staff.id })
  return { ok: true as const }
}
