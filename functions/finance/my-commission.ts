import type { z } from 'zod'
import type { myCommission as operation } from '../../types/finance-operations'
import { seesMoney } from '../../types/vocabulary'
import { callerOf, type RequestContext } from '../domain/context'
import { commissionTotals } from '../domain/commission'
import type { CommissionLineRecord, FinanceDeps } from './ports'

export const lineView = ({ studioId: _s, ...line }: CommissionLineRecord) => line

/**
 * A staff member's own lines of a month: one query of their own partition, so nobody else's can appear.
 * The crew sees what they earned, not the base it was taken from (the order's value or money received).
 */
export async function myCommission(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const lines = await deps.finance.staffLines(caller.studioId, caller.id, input.month)
  const money = seesMoney(caller.roles)
  return { items: lines.map(lineView).map(({ baseFen, ...line }) => (money ? { ...line, baseFen } : line)), totals: commissionTotals(lines) }
}
