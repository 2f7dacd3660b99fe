import type { z } from 'zod'
import type { recordExpense as operation } from '../../types/finance-operations'
import { actorOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { expenseOf, expenseView, openBooks } from './books'
import { checkEntry } from './expense-checks'
import type { ExpenseRecord, FinanceDeps } from './ports'

/**
 * Finance or a manager records an expense or other income of their branch:
 * 1. the category, day and receipt are checked; a correction must name an entry of the same branch;
 * 2. the entry is written and added to its day's book in one transaction — refused if that day is closed;
 * 3. the same request again answers with the entry it recorded.
 */
export async function recordExpense(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const { caller, today } = await openBooks(deps, ctx, input.branchId)
  await checkEntry(deps, caller.studioId, today, input)
  if (input.corrects) {
    const corrected = await expenseOf(deps, ctx, input.corrects).catch(() => undefined)
    if (!corrected || corrected.expense.branchId !== input.branchId) {
      throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path: 'corrects', message: 'must be an entry of the same branch' }] })
    }
  }
  const at = ctx.now.toISOString()
  const { requestId, ...fields } = input
  const expense: ExpenseRecord = { ...fields, id: requestId, studioId: caller.studioId, status: 'active', recordedBy: actorOf(caller), version: 1, createdAt: at, updatedAt: at }
  const recorded = await deps.finance.recordExpense(expense, {
    action: 'expense.recorded',
    actorId: caller.id,
    actorName: caller.displayName,
    targetId: expense.id,
    detail: { branchId: expense.branchId, kind: expense.kind, category: expense.category, amountFen: expense.amountFen, date: expense.date, corrects: expense.corrects },
  })
  if (recorded) return expenseView(deps, expense)
  const { expense: existing } = await expenseOf(deps, ctx, requestId)
  if (existing.amountFen !== expense.amountFen || existing.branchId !== expense.branchId || existing.date !== expense.date) {
    throw new DomainError('CONFLICT', 'This request id was used for another entry')
  }
  return expenseView(deps, existing)
}
