import type { z } from 'zod'
import type { editExpense as operation } from '../../types/finance-operations'
import { actorOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { expenseOf, expenseView, openBooks } from './books'
import { checkEntry } from './expense-checks'
import type { ExpenseRecord, FinanceDeps } from './ports'

/**
 * Edits an entry of an open day:
 * 1. the entry must be the caller's branch's, still active and at the version read;
 * 2. a move to another branch needs the books of that branch too;
 * 3. a correction stays in the branch and kind of the entry it corrects; an entry corrected before
 *    keeps at least what its corrections took back;
 * 4. the entry as it stood is kept as a revision, its money leaves the old day's book and joins
 *    the new day's, and the change is audited — all in one transaction, refused if either day is closed.
 */
export async function editExpense(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const { expenseId, version, ...changes } = input
  const { expense: before } = await expenseOf(deps, ctx, expenseId)
  if (before.status === 'void') throw new DomainError('PRECONDITION_FAILED', 'A void entry cannot be edited')
  if (before.version !== version) throw new DomainError('VERSION_CONFLICT', 'Someone else changed this entry meanwhile; reload and try again')
  const { caller, today } = await openBooks(deps, ctx, changes.branchId ?? before.branchId)
  await checkEntry(deps, caller.studioId, today, changes)
  if (before.corrects && ((changes.branchId ?? before.branchId) !== before.branchId || (changes.kind ?? before.kind) !== before.kind)) {
    throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', {
      fields: [{ path: changes.kind ? 'kind' : 'branchId', message: 'a correction keeps the branch and kind of the entry it corrects' }],
    })
  }
  const at = ctx.now.toISOString()
  const after: ExpenseRecord = { ...before, ...changes, version: version + 1, updatedAt: at }
  if (before.leftFen !== undefined && changes.amountFen !== undefined) {
    // What its corrections took back stays taken: the new amount must still cover it.
    after.leftFen = before.leftFen + changes.amountFen - before.amountFen
    if (after.leftFen < 0) {
      throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', {
        fields: [{ path: 'amountFen', message: `must be at least what its corrections took back (${before.amountFen - before.leftFen} fen)` }],
      })
    }
  }
  await deps.finance.reviseExpense(before, after, { version: before.version, change: 'edited', by: actorOf(caller), at, before }, {
    action: 'expense.edited',
    actorId: caller.id,
    actorName: caller.displayName,
    targetId: before.id,
    detail: { changed: Object.keys(changes), before: pick(before, Object.keys(changes)), after: pick(after, Object.keys(changes)) },
  })
  return expenseView(deps, after)
}

const pick = (expense: ExpenseRecord, fields: string[]) => Object.fromEntries(fields.map((f) => [f, expense[f as keyof ExpenseRecord]]))
