import type { z } from 'zod'
import type { listExpenses as operation } from '../../types/finance-operations'
import type { RequestContext } from '../domain/context'
import { expenseView, openBooks } from './books'
import type { FinanceDeps } from './ports'

/** A branch's entries between two days, by day: one index query. */
export async function listExpenses(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const { caller } = await openBooks(deps, ctx, input.branchId)
  const expenses = await deps.finance.branchExpenses(caller.studioId, input.branchId, input.from, input.to)
  return { items: await Promise.all(expenses.map((e) => expenseView(deps, e))) }
}
