import type { z } from 'zod'
import type { revenueReport as operation } from '../../types/reports-operations'
import type { RequestContext } from '../domain/context'
import { revenueFigures } from '../domain/report-maths'
import type { ReportsDeps } from './ports'
import { nameIn, periodFigures } from './report-scope'

/** Orders opened and their value, by package and by the channel their customers came from. */
export async function revenueReport(deps: ReportsDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const f = await periodFigures(deps, ctx, input)
  const name = nameIn(f.names)
  return {
    ...f.frame,
    current: revenueFigures(f.current, name),
    previous: revenueFigures(f.previous, name),
    series: f.buckets.map((b) => {
      const r = revenueFigures(b.counters, name)
      return { bucket: b.bucket, bucketTo: b.bucketTo, orders: r.orders, orderValueFen: r.orderValueFen, netReceivedFen: r.netReceivedFen }
    }),
  }
}
