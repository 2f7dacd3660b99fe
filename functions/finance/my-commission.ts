import type { z } from 'zod'
import type { myCommission as operation } from '../../types/finance-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { commissionTotals } from '../domain/commission'
import type { CommissionLineRecord, FinanceDeps } from './ports'

export const lineView = ({ studioId: _s, ...line }: CommissionLineRecord) => line

/** A staff member's own lines of a month: one query of their own partition, so nobody else's can appear. */
export async function myCommission(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const lines = await deps.finance.staffLines(caller.studioId, caller.id, input.month)
  return { items: lines.map(lineView), totals: commissionTotals(lines) }
}
