import type { z } from 'zod'
import type { receivablesReport as operation } from '../../types/reports-operations'
import type { RequestContext } from '../domain/context'
import { receivablesFlow, receivablesNow } from '../domain/report-maths'
import type { ReportsDeps } from './ports'
import { keptNow, periodFigures } from './report-scope'

/** What customers owe now by days since the shoot, what waits at pick-up unpaid, and what was collected. */
export async function receivablesReport(deps: ReportsDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const f = await periodFigures(deps, ctx, input)
  const now = await keptNow(deps, f.scope.caller.studioId, f.scope.branchIds)
  return {
    ...f.frame,
    now: receivablesNow(now, f.scope.today),
    current: receivablesFlow(f.current),
    previous: receivablesFlow(f.previous),
    series: f.buckets.map((b) => ({ bucket: b.bucket, bucketTo: b.bucketTo, collectedFen: receivablesFlow(b.counters).collectedFen })),
  }
}
