import type { z } from 'zod'
import type { recomputeReports as operation } from '../../types/reports-operations'
import type { RequestContext } from '../domain/context'
import type { FigureWrite } from '../domain/report-events'
import { daysOf } from '../domain/report-figures'
import { figureDifferences, recomputeDays, recomputeNow } from '../domain/report-recompute'
import { studioDate } from '../domain/time'
import type { ReportsDeps } from './ports'
import { keptDays, reportScope } from './report-scope'

/**
 * The recompute job (an admin's, also run by `npm run studio -- recompute`):
 * 1. reads each branch's raw records behind the days asked for (orders and payments, bookings,
 *    expenses, stock movements, commission lines, follow-ups);
 * 2. works the day figures and the state figures ("now") out again from them, and reads the
 *    figures kept;
 * 3. lists every figure that differs, by branch and day (and by branch for "now");
 * 4. with `repair`, adds the differences to the kept figures, so they equal the recomputed ones.
 */
export async function recomputeReports(deps: ReportsDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const scope = await reportScope(deps, ctx, input.branchId)
  const studioId = scope.caller.studioId
  const dayOf = (instant: string) => studioDate(new Date(instant), scope.timeZone)
  const differences: { branchId: string; date: string; figure: string; kept: number; recomputed: number }[] = []
  const nowDifferences: { branchId: string; figure: string; kept: number; recomputed: number }[] = []
  for (const branchId of scope.branchIds) {
    const [records, kept, keptNow] = await Promise.all([
      deps.figures.records(studioId, branchId, input.from, input.to),
      keptDays(deps, studioId, [branchId], input.from, input.to),
      deps.figures.now(studioId, branchId),
    ])
    const recomputed = recomputeDays(records, dayOf, input.from, input.to, branchId)
    for (const date of daysOf(input)) {
      for (const d of figureDifferences(kept.byDay.get(date) ?? {}, recomputed.get(date) ?? {})) differences.push({ branchId, date, ...d })
    }
    for (const d of figureDifferences(keptNow.counters, recomputeNow(records, dayOf))) nowDifferences.push({ branchId, ...d })
  }
  const found = differences.length + nowDifferences.length > 0
  if (input.repair && found) {
    const writes: FigureWrite[] = [
      ...differences.map((d) => ({ studioId, branchId: d.branchId, date: d.date, add: { [d.figure]: d.recomputed - d.kept } })),
      ...nowDifferences.map((d) => ({ studioId, branchId: d.branchId, add: { [d.figure]: d.recomputed - d.kept } })),
    ]
    await deps.figures.correct(writes)
  }
  return {
    from: input.from,
    to: input.to,
    branchIds: scope.branchIds,
    days: scope.branchIds.length * daysOf(input).length,
    differences,
    nowDifferences,
    repaired: input.repair && found,
  }
}
