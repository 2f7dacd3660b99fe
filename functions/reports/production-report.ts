import type { z } from 'zod'
import { defaultOrderSettings } from '../../types/vocabulary'
import type { productionReport as operation } from '../../types/reports-operations'
import type { RequestContext } from '../domain/context'
import { productionFlow, productionNow } from '../domain/report-maths'
import type { ReportsDeps } from './ports'
import { keptNow, periodFigures } from './report-scope'

/** Orders in each stage now and overdue there; how many left each stage in the period and after how long. */
export async function productionReport(deps: ReportsDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const f = await periodFigures(deps, ctx, input)
  const [now, settings] = await Promise.all([keptNow(deps, f.scope.caller.studioId, f.scope.branchIds), deps.orders.getSettings(f.scope.caller.studioId)])
  return {
    ...f.frame,
    now: { asOf: f.scope.today, stages: productionNow(now, f.scope.today, (settings ?? defaultOrderSettings).stageDays) },
    current: productionFlow(f.current),
    previous: productionFlow(f.previous),
    series: f.buckets.map((b) => ({ bucket: b.bucket, bucketTo: b.bucketTo, exits: productionFlow(b.counters).stages.reduce((s, st) => s + st.exits, 0) })),
  }
}
