import type { NewAuditEntry } from '../identity/ports'
import type { OrderRecord, PaymentRecord } from '../orders/ports'

/** One past order as it is written: the order, its payments and the audit entry saying who imported it. */
export interface ImportedOrder {
  /** The old system's order number: the order is imported once per number, ever. */
  orderNumber: string
  order: OrderRecord
  payments: PaymentRecord[]
  audit: NewAuditEntry
  /** The studio's, which dates each payment into its day's book. */
  timeZone: string
}

/** Where past orders go. */
export interface OrderHistory {
  /** Which of these old order numbers the studio has imported before. */
  importedNumbers(studioId: string, orderNumbers: string[]): Promise<Set<string>>
  /**
   * Writes the order, its payments, the mark of its old number, its audit entry and each
   * payment into its day's book (the payment's branch and date), in one transaction. False when
   * the number was imported before (nothing written); DAY_CLOSED when a payment's day is closed.
   */
  importOrder(entry: ImportedOrder): Promise<boolean>
  /**
   * Several orders in one transaction (of at most 100 items, no two booking the same day), each
   * written as importOrder would: all of them or, on any failed condition, none.
   */
  importOrders(entries: ImportedOrder[]): Promise<void>
}
