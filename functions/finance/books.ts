import { callerOf, type RequestContext } from '../domain/context'
import { forbidden, notFound } from '../domain/errors'
import { isAdmin } from '../domain/permissions'
import { studioDate } from '../domain/time'
import { studioTimeZone } from '../identity/studio-time-zone'
import type { ExpenseRecord, FinanceDeps } from './ports'

export { studioTimeZone }

/**
 * The books of one branch, opened for the caller: an admin's of any branch of the studio,
 * finance's and a manager's of their own branch only. Answers with the studio's today.
 */
export async function openBooks(deps: Pick<FinanceDeps, 'repo'>, ctx: RequestContext, branchId: string) {
  const caller = callerOf(ctx)
  if (!isAdmin(caller) && caller.branchId !== branchId) throw forbidden('You keep the books of your own branch only')
  const [branch, timeZone] = await Promise.all([deps.repo.getBranch(caller.studioId, branchId), studioTimeZone(deps, caller.studioId)])
  if (!branch) throw notFound('Branch')
  return { caller, timeZone, today: studioDate(ctx.now, timeZone) }
}

const RECEIPT_VIEW_SECONDS = 30 * 60

/** An entry as the app sees it: with a short-lived link to its receipt photo. */
export async function expenseView(deps: Pick<FinanceDeps, 'files'>, expense: ExpenseRecord) {
  const { studioId: _studio, ...rest } = expense
  const receiptUrl = expense.receiptKey ? await deps.files.downloadUrl(expense.receiptKey, { expiresInSeconds: RECEIPT_VIEW_SECONDS, thumbnailWidth: 480 }) : undefined
  return { ...rest, receiptUrl }
}

/** The entry, if it is one of the studio's and of a branch whose books the caller keeps. */
export async function expenseOf(deps: FinanceDeps, ctx: RequestContext, expenseId: string) {
  const caller = callerOf(ctx)
  const found = await deps.finance.getExpense(caller.studioId, expenseId)
  if (!found || (!isAdmin(caller) && found.expense.branchId !== caller.branchId)) throw notFound('Entry')
  return found
}
