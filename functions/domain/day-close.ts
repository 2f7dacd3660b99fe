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
