import type { z } from 'zod'
import type { reopenDay as operation } from '../../types/finance-operations'
import { actorOf, type RequestContext } from '../domain/context'
import { openBooks } from './books'
import { dayOf } from './get-branch-day'
import type { FinanceDeps } from './ports'

/** A manager reopens a closed day; the reason stays on the day and in the audit log. */
export async function reopenDay(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const { caller, timeZone } = await openBooks(deps, ctx, input.branchId)
  const reopening = { by: actorOf(caller), at: ctx.now.toISOString(), reason: input.reason }
  await deps.finance.reopenDay(caller.studioId, input.branchId, input.date, reopening, {
    action: 'day.reopened',
    actorId: caller.id,
    actorName: caller.displayName,
    targetId: input.branchId,
    detail: { date: input.date, reason: input.reason },
  })
  return dayOf(deps, caller.studioId, input.branchId, input.date, timeZone)
}
