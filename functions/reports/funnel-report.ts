import type { z } from 'zod'
import type { funnelReport as operation } from '../../types/reports-operations'
import type { RequestContext } from '../domain/context'
import { funnelFigures } from '../domain/report-maths'
import type { ReportsDeps } from './ports'
import { periodFigures } from './report-scope'

/** Customers → booked → deposit paid → shot → completed by channel, with cancellations and refunds by reason. */
export async function funnelReport(deps: ReportsDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const f = await periodFigures(deps, ctx, input)
  return {
    ...f.frame,
    current: funnelFigures(f.current),
    previous: funnelFigures(f.previous),
    series: f.buckets.map((b) => ({ bucket: b.bucket, bucketTo: b.bucketTo, steps: funnelFigures(b.counters).total })),
  }
}
