import type { z } from 'zod'
import type { voidExpense as operation } from '../../types/finance-operations'
import { actorOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { expenseOf, expenseView, openBooks } from './books'
import type { ExpenseRecord, FinanceDeps } from './ports'

/**
 * Voids an entry of an open day: it stays on record marked void with the reason, its money
 * leaves the day's book, and the entry as it stood is kept — refused once the day is closed,
 * and while corrections still take back part of it. A correction voided gives back what it took.
 */
export async function voidExpense(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const { expense: before } = await expenseOf(deps, ctx, input.expenseId)
  const { caller } = await openBooks(deps, ctx, before.branchId)
  if (before.status === 'void') throw new DomainError('CONFLICT', 'This entry is void already')
  if (before.version !== input.version) throw new DomainError('VERSION_CONFLICT', 'Someone else changed this entry meanwhile; reload and try again')
  if (before.leftFen !== undefined && before.leftFen !== before.amountFen) {
    throw new DomainError('PRECONDITION_FAILED', 'Corrections take back part of this entry: void them first')
  }
  const at = ctx.now.toISOString()
  const after: ExpenseRecord = { ...before, status: 'void', voidReason: input.reason, version: before.version + 1, updatedAt: at }
  await deps.finance.reviseExpense(before, after, { version: before.version, change: 'voided', by: actorOf(caller), at, before }, {
    action: 'expense.voided',
    actorId: caller.id,
    actorName: caller.displayName,
    targetId: before.id,
    detail: { reason: input.reason, amountFen: before.amountFen, date: before.date },
  })
  return expenseView(deps, after)
}
