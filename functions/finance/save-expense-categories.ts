import type { z } from 'zod'
import type { saveExpenseCategories as operation } from '../../types/finance-operations'
import { callerOf, type RequestContext } from '../domain/context'
import type { FinanceDeps } from './ports'

/** Replaces the studio's list. Entries already recorded keep the category code they were recorded with. */
export async function saveExpenseCategories(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  await deps.finance.saveExpenseCategories(callerOf(ctx).studioId, input.items)
  return { items: input.items }
}
