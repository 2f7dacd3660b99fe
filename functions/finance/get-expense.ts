import type { z } from 'zod'
import type { getExpense as operation } from '../../types/finance-operations'
import type { RequestContext } from '../domain/context'
import { expenseOf, expenseView } from './books'
import type { FinanceDeps } from './ports'

/** An entry with each state it had before its edits and void, oldest first. */
export async function getExpense(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const { expense, revisions } = await expenseOf(deps, ctx, input.expenseId)
  return { expense: await expenseView(deps, expense), revisions }
}
