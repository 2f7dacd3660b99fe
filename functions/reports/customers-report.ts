import type { z } from 'zod'
import type { customersReport as operation } from '../../types/reports-operations'
import type { RequestContext } from '../domain/context'
import { customerFigures } from '../domain/report-maths'
import type { ReportsDeps } from './ports'
import { periodFigures } from './report-scope'

/** New and returning customers by source (a customer is new in the branch and on the day of their first order), and follow-ups. */
export async function customersReport(deps: ReportsDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const f = await periodFigures(deps, ctx, input)
  return {
    ...f.frame,
    current: customerFigures(f.current),
    previous: customerFigures(f.previous),
    series: f.buckets.map((b) => {
      const c = customerFigures(b.counters)
      return { bucket: b.bucket, bucketTo: b.bucketTo, newCustomers: c.newCustomers, returningOrders: c.returningOrders }
    }),
  }
}
