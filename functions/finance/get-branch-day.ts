import type { z } from 'zod'
import type { BranchDay } from '../../types/finance'
import type { getBranchDay as operation } from '../../types/finance-operations'
import type { RequestContext } from '../domain/context'
import { dayTotals } from '../domain/day-close'
import { studioDayBounds } from '../domain/time'
import { expenseView, openBooks } from './books'
import type { FinanceDeps } from './ports'

/** A branch's day as the close sees it, read from the day's book (not by adding up payments). */
export async function dayOf(deps: FinanceDeps, studioId: string, branchId: string, date: string, timeZone: string): Promise<BranchDay> {
  const { from, to } = studioDayBounds(date, timeZone)
  const [book, unaudited, expenses] = await Promise.all([
    deps.finance.dayBook(studioId, branchId, date),
    deps.receipts.ofBranchDay(studioId, branchId, from, to),
    deps.finance.branchExpenses(studioId, branchId, date, date),
  ])
  return {
    branchId,
    date,
    status: book.closed ? 'closed' : 'open',
    revision: book.ledger.revision,
    desks: book.ledger.desks,
    ...dayTotals(book.ledger),
    unaudited,
    expenses: await Promise.all(expenses.map((e) => expenseView(deps, e))),
    close: book.close,
    reopenings: book.reopenings,
  }
}

/** What each desk and method took, refunds, expenses and other income, unaudited receipts and the close. */
export async function getBranchDay(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const { caller, timeZone } = await openBooks(deps, ctx, input.branchId)
  return dayOf(deps, caller.studioId, input.branchId, input.date, timeZone)
}
