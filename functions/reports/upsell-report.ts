import type { z } from 'zod'
import type { upsellReport as operation } from '../../types/reports-operations'
import type { RequestContext } from '../domain/context'
import { upsellFigures } from '../domain/report-maths'
import type { ReportsDeps } from './ports'
import { nameIn, periodFigures } from './report-scope'

/** What selections sold beyond the package: the rate of orders with an add-on, the amount, per person. */
export async function upsellReport(deps: ReportsDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const f = await periodFigures(deps, ctx, input)
  const name = nameIn(f.names)
  return {
    ...f.frame,
    current: upsellFigures(f.current, name),
    previous: upsellFigures(f.previous, name),
    series: f.buckets.map((b) => {
      const u = upsellFigures(b.counters, name)
      return { bucket: b.bucket, bucketTo: b.bucketTo, selectedOrders: u.selectedOrders, upsoldOrders: u.upsoldOrders, rateBp: u.rateBp, amountFen: u.amountFen }
    }),
  }
}
