import { callerOf, type RequestContext } from '../domain/context'
import { DEFAULT_EXPENSE_CATEGORIES } from '../domain/day-close'
import type { FinanceDeps } from './ports'

export async function expenseCategoriesOf(deps: Pick<FinanceDeps, 'finance'>, studioId: string) {
  return (await deps.finance.expenseCategories(studioId)) ?? DEFAULT_EXPENSE_CATEGORIES
}

/** The studio's categories of expenses and other income: its own list, or the defaults until it sets one. */
export async function listExpenseCategories(deps: Pick<FinanceDeps, 'finance'>, _input: unknown, ctx: RequestContext) {
  return { items: await expenseCategoriesOf(deps, callerOf(ctx).studioId) }
}
