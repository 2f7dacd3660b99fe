import type { z } from 'zod'
import { defaultOrderSettings } from '../../types/vocabulary'
import type { homeReport as operation } from '../../types/reports-operations'
import type { RequestContext } from '../domain/context'
import { addDays, valueOf } from '../domain/report-figures'
import { dailyFigures, productionNow, receivablesNow } from '../domain/report-maths'
import type { ReportsDeps } from './ports'
import { keptDays, keptNow, reportScope } from './report-scope'

/** Today's key figures beside the same weekday a week ago: one query per branch for the eight days, one read for now. */
export async function homeReport(deps: ReportsDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const scope = await reportScope(deps, ctx, input.branchId)
  const studioId = scope.caller.studioId
  const lastWeek = addDays(scope.today, -7)
  const [{ byDay }, now, settings] = await Promise.all([keptDays(deps, studioId, scope.branchIds, lastWeek, scope.today), keptNow(deps, studioId, scope.branchIds), deps.orders.getSettings(studioId)])
  const day = (date: string) => {
    const c = byDay.get(date) ?? {}
    const d = dailyFigures(c)
    return {
      date,
      bookings: d.bookings,
      shoots: d.shoots,
      ordersOpened: d.ordersOpened,
      receivedFen: d.receivedFen,
      refundedFen: d.refundedFen,
      unauditedFen: valueOf(c, 'unauditedFen'),
      expenseFen: d.expenseFen,
      netFen: d.netFen,
    }
  }
  return {
    branchIds: scope.branchIds,
    timeZone: scope.timeZone,
    today: day(scope.today),
    lastWeek: day(lastWeek),
    readyWithBalance: receivablesNow(now, scope.today).readyWithBalance,
    overdueOrders: productionNow(now, scope.today, (settings ?? defaultOrderSettings).stageDays).reduce((s, st) => s + st.overdue, 0),
  }
}
