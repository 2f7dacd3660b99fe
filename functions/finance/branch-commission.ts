import type { z } from 'zod'
import type { branchCommission as operation } from '../../types/finance-operations'
import type { RequestContext } from '../domain/context'
import { commissionTotals } from '../domain/commission'
import { openBooks } from './books'
import { lineView } from './my-commission'
import type { CommissionLineRecord, FinanceDeps } from './ports'

/** Each person's net and number of lines, by name. */
export function staffTotals(lines: readonly CommissionLineRecord[]) {
  const byStaff = new Map<string, { staffId: string; staffName: string; netFen: number; lines: number }>()
  for (const line of lines) {
    const seen = byStaff.get(line.staffId) ?? { staffId: line.staffId, staffName: line.staffName, netFen: 0, lines: 0 }
    byStaff.set(line.staffId, { ...seen, netFen: seen.netFen + line.amountFen, lines: seen.lines + 1 })
  }
  return [...byStaff.values()].sort((a, b) => a.staffName.localeCompare(b.staffName, 'zh-CN'))
}

/** A manager's view of the branch's month: every line and each person's total. */
export async function branchCommission(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const { caller } = await openBooks(deps, ctx, input.branchId)
  const lines = await deps.finance.branchLines(caller.studioId, input.branchId, input.month)
  return { items: lines.map(lineView), totals: commissionTotals(lines), staff: staffTotals(lines) }
}
