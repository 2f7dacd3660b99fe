import type { z } from 'zod'
import type { closeDay as operation } from '../../types/finance-operations'
import { actorOf, type RequestContext } from '../domain/context'
import { cashDifference, dayTotals } from '../domain/day-close'
import { DomainError } from '../domain/errors'
import { openBooks } from './books'
import { dayOf } from './get-branch-day'
import type { FinanceDeps } from './ports'

/**
 * Finance closes a branch's day (日结):
 * 1. only a day that has begun, on the figures seen (the book's revision);
 * 2. the cash counted is compared with the cash the day took; a difference needs a reason;
 * 3. the close is written onto the day's book with a condition that it is open and unchanged —
 *    from then on every payment, refund and entry dated that day is refused.
 */
export async function closeDay(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const { caller, timeZone, today } = await openBooks(deps, ctx, input.branchId)
  if (input.date > today) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path: 'date', message: 'must not be in the future' }] })
  const book = await deps.finance.dayBook(caller.studioId, input.branchId, input.date)
  if (book.closed) throw new DomainError('CONFLICT', `${input.date} is closed already`)
  if (book.ledger.revision !== input.revision) {
    throw new DomainError('VERSION_CONFLICT', 'Money was recorded on this day since you read it; check the new figures and close again')
  }
  const { expectedCashFen } = dayTotals(book.ledger)
  const { differenceFen, missingReason } = cashDifference(input.countedCashFen, expectedCashFen, input.differenceReason)
  if (missingReason) {
    throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path: 'differenceReason', message: 'is needed when the cash counted differs from the cash expected' }] })
  }
  const close = {
    countedCashFen: input.countedCashFen,
    expectedCashFen,
    differenceFen,
    ...(differenceFen !== 0 ? { differenceReason: input.differenceReason!.trim() } : {}),
    closedBy: actorOf(caller),
    closedAt: ctx.now.toISOString(),
  }
  await deps.finance.closeDay(caller.studioId, input.branchId, input.date, input.revision, close, {
    action: 'day.closed',
    actorId: caller.id,
    actorName: caller.displayName,
    targetId: input.branchId,
    detail: { date: input.date, countedCashFen: close.countedCashFen, expectedCashFen, differenceFen, differenceReason: close.differenceReason },
  })
  return dayOf(deps, caller.studioId, input.branchId, input.date, timeZone)
}
