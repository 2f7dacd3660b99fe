import type { z } from 'zod'
import type { dailyReport as operation } from '../../types/reports-operations'
import type { RequestContext } from '../domain/context'
import { dailyFigures } from '../domain/report-maths'
import type { ReportsDeps } from './ports'
import { periodFigures } from './report-scope'

/** 营业日报: the day's (or period's) work and money, from the kept figures, beside the period before. */
export async function dailyReport(deps: ReportsDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const f = await periodFigures(deps, ctx, input)
  return {
    ...f.frame,
    current: dailyFigures(f.current),
    previous: dailyFigures(f.previous),
    series: f.buckets.map((b) => ({ bucket: b.bucket, bucketTo: b.bucketTo, figures: dailyFigures(b.counters) })),
  }
}
