import { DomainError } from '../../domain/errors'
import type { BookEntries } from '../../orders/ports'
import { guarded, type TransactionItem } from '../errors'
import { keys } from '../keys'
import { DAY_OPEN, dayBookUpdate } from './branch-day'
import { commissionWrites } from './commission'
import { figuresUpdate } from './report-figures'
import { commissionBooked, mergeFigureWrites, type FigureWrite } from '../../domain/report-events'

/** The report figures' Updates of one event, one per item (a transaction touches an item once). */
export function figureWrites(table: string, figures: readonly FigureWrite[]): TransactionItem[] {
  return mergeFigureWrites(figures).map((w) => guarded({ Update: figuresUpdate(table, w) }))
}

export const dayClosed = (date: string) => new DomainError('DAY_CLOSED', `${date} is closed; record a correction on an open day, or ask a manager to reopen it`)

/**
 * The transaction items that put a money event (or finished work) into the books, each with the
 * error its failed condition stands for: a closed day, or a month's commission base counted meanwhile.
 */
export function bookWrites(table: string, books: BookEntries | undefined): TransactionItem[] {
  if (!books) return []
  const items: TransactionItem[] = []
  if (books.dayBook) items.push(guarded({ Update: dayBookUpdate(table, books.dayBook) }, dayClosed(books.dayBook.date)))
  if (books.openDay) {
    const { studioId, branchId, date } = books.openDay
    const stillOpen = { TableName: table, Key: keys.branchDay(studioId, branchId, date), ConditionExpression: DAY_OPEN, ExpressionAttributeValues: { ':dayOpen': false } }
    items.push(guarded({ ConditionCheck: stillOpen }, dayClosed(date)))
  }
  if (books.commission) {
    const counted = new DomainError('CONFLICT', 'Commission was counted for the same person at the same moment; try again')
    items.push(...commissionWrites(table, books.commission.lines, books.commission.counts).map((w) => guarded(w, counted)))
  }
  items.push(...figureWrites(table, [...(books.figures ?? []), ...commissionBooked(books.commission?.lines ?? [])]))
  return items
}
