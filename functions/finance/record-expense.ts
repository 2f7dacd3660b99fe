import type { z } from 'zod'
import type { recordExpense as operation } from '../../types/finance-operations'
import { actorOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { expenseOf, expenseView, openBooks } from './books'
import { checkEntry } from './expense-checks'
import type { ExpenseRecord, FinanceDeps } from './ports'

/**
 * Finance or a manager records an expense or other income of their branch:
 * 1. the category, day and receipt are checked;
 * 2. a correction names an active entry of the same branch and kind whose day is closed (an entry
 *    of an open day is edited or voided instead), not itself a correction, and takes back at most
 *    what is left of it;
 * 3. the entry is written and added to its day's book in one transaction — refused if that day is
 *    closed; a correction's amount is taken from what is left of the entry it corrects in the same
 *    transaction, on condition enough is left, so corrections at once cannot together take more;
 * 4. the same request again answers with the entry it recorded.
 */
export async function recordExpense(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const { caller, today } = await openBooks(deps, ctx, input.branchId)
  await checkEntry(deps, caller.studioId, today, input)
  const corrected = input.corrects ? await correctable(deps, ctx, input) : undefined
  const at = ctx.now.toISOString()
  const { requestId, ...fields } = input
  const expense: ExpenseRecord = { ...fields, id: requestId, studioId: caller.studioId, status: 'active', recordedBy: actorOf(caller), version: 1, createdAt: at, updatedAt: at }
  const recorded = await deps.finance.recordExpense(expense, {
    action: 'expense.recorded',
    actorId: caller.id,
    actorName: caller.displayName,
    targetId: expense.id,
    detail: { branchId: expense.branchId, kind: expense.kind, category: expense.category, amountFen: expense.amountFen, date: expense.date, corrects: expense.corrects },
  }, corrected)
  if (recorded) return expenseView(deps, expense)
  const { expense: existing } = await expenseOf(deps, ctx, requestId)
  if (existing.amountFen !== expense.amountFen || existing.branchId !== expense.branchId || existing.date !== expense.date) {
    throw new DomainError('CONFLICT', 'This request id was used for another entry')
  }
  return expenseView(deps, existing)
}

const invalid = (path: string, message: string) => new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path, message }] })

/** The entry a correction names, if it may be corrected by this amount (see recordExpense, step 2). */
async function correctable(deps: FinanceDeps, ctx: RequestContext, input: z.output<typeof operation.input>): Promise<ExpenseRecord> {
  const found = await expenseOf(deps, ctx, input.corrects!).catch(() => undefined)
  if (!found || found.expense.branchId !== input.branchId) throw invalid('corrects', 'must be an entry of the same branch')
  const corrected = found.expense
  if (corrected.status === 'void') throw new DomainError('PRECONDITION_FAILED', 'A void entry cannot be corrected')
  if (corrected.corrects) throw new DomainError('PRECONDITION_FAILED', 'A correction is not corrected again: correct the entry it corrects')
  if (corrected.kind !== input.kind) throw invalid('kind', `must be the kind of the entry it corrects (${corrected.kind})`)
  if (!(await deps.finance.dayBook(corrected.studioId, corrected.branchId, corrected.date)).closed) {
    throw new DomainError('PRECONDITION_FAILED', `${corrected.date} is open: edit or void the entry itself`)
  }
  const left = corrected.leftFen ?? corrected.amountFen
  if (-input.amountFen > left) throw invalid('amountFen', `must not take back more than is left of the entry it corrects (${left} fen)`)
  return corrected
}
