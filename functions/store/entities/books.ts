import { DomainError } from '../../domain/errors'
import type { BookEntries } from '../../orders/ports'
import { keys } from '../keys'
import { DAY_OPEN, dayBookUpdate } from './branch-day'
import { commissionWrites } from './commission'

export const dayClosed = (date: string) => new DomainError('DAY_CLOSED', `${date} is closed; record a correction on an open day, or ask a manager to reopen it`)

/**
 * The transaction items that put a money event into the books, with the error each one's
 * failed condition stands for: a closed day, or a month's commission base counted meanwhile.
 */
export function bookWrites(table: string, books: BookEntries | undefined): { items: Record<string, unknown>[]; reasons: (DomainError | undefined)[] } {
  if (!books) return { items: [], reasons: [] }
  const items: Record<string, unknown>[] = []
  const reasons: (DomainError | undefined)[] = []
  if (books.dayBook) {
    items.push({ Update: dayBookUpdate(table, books.dayBook) })
    reasons.push(dayClosed(books.dayBook.date))
  }
  if (books.openDay) {
    const { studioId, branchId, date } = books.openDay
    items.push({ ConditionCheck: { TableName: table, Key: keys.branchDay(studioId, branchId, date), ConditionExpression: DAY_OPEN, ExpressionAttributeValues: { ':dayOpen': false } } })
    reasons.push(dayClosed(date))
  }
  if (books.commission) {
    const writes = commissionWrites(table, books.commission.lines, books.commission.counts)
    items.push(...writes)
    const counted = new DomainError('CONFLICT', 'Commission was counted for the same person at the same moment; try again')
    reasons.push(...writes.map(() => counted))
  }
  return { items, reasons }
}
