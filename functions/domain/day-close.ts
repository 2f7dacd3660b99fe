import type { PaymentMethod } from '../../types/orders'

export const PAYMENT_METHODS: readonly PaymentMethod[] = ['cash', 'card', 'transfer', 'wechat']

/** The counters a branch-day ledger keeps, each added to in the transaction of its money event. */
export interface DayLedger {
  revision: number
  received: Partial<Record<PaymentMethod, number>>
  refunded: Partial<Record<PaymentMethod, number>>
  desks: { deskId: string; deskName: string; method: PaymentMethod; amountFen: number; count: number }[]
  expenseFen: number
  incomeFen: number
}

/** One movement of a branch-day's money, added to its book in the same transaction as the money event. */
export interface DayBookEntry {
  studioId: string
  branchId: string
  date: string
  /** Money taken or given back at a desk, by method. */
  money?: { direction: 'received' | 'refunded'; method: PaymentMethod; amountFen: number; desk: { id: string; name: string } }
  /** Expense and other income added (negative: taken off by an edit or a void). */
  expenseFen?: number
  incomeFen?: number
}

export const emptyLedger = (): DayLedger => ({ revision: 0, received: {}, refunded: {}, desks: [], expenseFen: 0, incomeFen: 0 })

/** The figures a close is made on. */
export function dayTotals(ledger: DayLedger) {
  const methods = PAYMENT_METHODS.map((method) => {
    const receivedFen = ledger.received[method] ?? 0
    const refundedFen = ledger.refunded[method] ?? 0
    return { method, receivedFen, refundedFen, netFen: receivedFen - refundedFen }
  })
  const receivedFen = methods.reduce((s, m) => s + m.receivedFen, 0)
  const refundedFen = methods.reduce((s, m) => s + m.refundedFen, 0)
  return {
    methods,
    receivedFen,
    refundedFen,
    expenseFen: ledger.expenseFen,
    incomeFen: ledger.incomeFen,
    netFen: receivedFen - refundedFen + ledger.incomeFen - ledger.expenseFen,
    expectedCashFen: (ledger.received.cash ?? 0) - (ledger.refunded.cash ?? 0),
  }
}

/** Counted against expected: a difference needs a reason before the day can close. */
export function cashDifference(countedCashFen: number, expectedCashFen: number, reason: string | undefined): { differenceFen: number; missingReason: boolean } {
  const differenceFen = countedCashFen - expectedCashFen
  return { differenceFen, missingReason: differenceFen !== 0 && !reason?.trim() }
}

/** A new studio's expense and other-income categories, until it sets its own. */
export const DEFAULT_EXPENSE_CATEGORIES = [
  { code: 'rent', name: '房租', nameEn: 'Rent' },
  { code: 'utilities', name: '水电物业', nameEn: 'Utilities' },
  { code: 'lab', name: '冲印制作', nameEn: 'Lab and printing' },
  { code: 'props', name: '服装道具', nameEn: 'Gowns and props' },
  { code: 'marketing', name: '推广', nameEn: 'Marketing' },
  { code: 'supplies', name: '办公耗材', nameEn: 'Supplies' },
  { code: 'other', name: '其他', nameEn: 'Other' },
]

/** A payment (amount > 0) or refund (amount < 0) and the branch-day it is booked on. */
export interface BookedMoney {
  id: string
  method: PaymentMethod
  amountFen: number
  /** Its own day in the studio's time zone, or the later open day it was booked on (bookedOn). */
  date: string
}

/** A branch-day's figures as the day book shows them. */
export interface DayFigures {
  date: string
  revision: number
  methods: { method: PaymentMethod; receivedFen: number; refundedFen: number }[]
  expenseFen: number
  incomeFen: number
}

export interface DayBookViolation {
  invariant: 'booked-money' | 'entries' | 'closed-changed'
  message: string
}

/**
 * The day-book invariants, stated once. Every money event adds to its branch-day's book in its own
 * transaction, conditioned on the day being open (functions/store/entities/branch-day.ts); a close
 * is written only on the revision it was shown (functions/store/finance.ts); WeChat Pay money that
 * finds its day closed is booked on the next open day (functions/bookkeeping/studio-bookkeeping.ts),
 * read again when the day closes under it (functions/payments/crediting.ts). This function checks
 * them over a day, the money and entries of its branch, and the figures its close was made on; the
 * race tests of the daily close run it after every round.
 *
 * 1. every payment and refund is booked on exactly one day: its own, or — WeChat Pay money landing
 *    on a closed day — the next open one (bookedOn); a day's received and refunded, by method, are Σ
 *    of the money booked on it (so Σ of a close's lines = Σ of the payments booked on that day)
 * 2. a day's expense and other income are Σ of its entries not voided
 * 3. a closed day never changes after its close: its figures are the ones it was closed on
 */
export function dayBookViolations(
  day: DayFigures,
  money: readonly BookedMoney[],
  entries: readonly { kind: 'expense' | 'income'; amountFen: number; status: string; date: string }[],
  closedOn?: DayFigures,
): DayBookViolation[] {
  const violations: DayBookViolation[] = []
  const fail = (invariant: DayBookViolation['invariant'], message: string) => violations.push({ invariant, message: `day ${day.date}: ${message}` })
  const booked = money.filter((m) => m.date === day.date)
  for (const method of PAYMENT_METHODS) {
    const line = day.methods.find((m) => m.method === method) ?? { receivedFen: 0, refundedFen: 0 }
    const received = booked.filter((m) => m.method === method && m.amountFen > 0).reduce((s, m) => s + m.amountFen, 0)
    const refunded = -booked.filter((m) => m.method === method && m.amountFen < 0).reduce((s, m) => s + m.amountFen, 0)
    if (line.receivedFen !== received || line.refundedFen !== refunded) {
      fail('booked-money', `${method}: the book has ${line.receivedFen} received, ${line.refundedFen} refunded; the money booked on the day ${received}, ${refunded}`)
    }
  }
  const live = entries.filter((e) => e.date === day.date && e.status !== 'void')
  const sumOf = (kind: 'expense' | 'income') => live.filter((e) => e.kind === kind).reduce((s, e) => s + e.amountFen, 0)
  if (day.expenseFen !== sumOf('expense') || day.incomeFen !== sumOf('income')) {
    fail('entries', `the book has ${day.expenseFen} expense, ${day.incomeFen} income; its entries ${sumOf('expense')}, ${sumOf('income')}`)
  }
  if (closedOn) {
    const same = (f: DayFigures) => JSON.stringify([f.revision, f.methods.map((m) => [m.method, m.receivedFen, m.refundedFen]), f.expenseFen, f.incomeFen])
    if (same(day) !== same(closedOn)) fail('closed-changed', `closed on revision ${closedOn.revision}, now at ${day.revision} with other figures`)
  }
  return violations
}
