import type { Actor } from '../../types/orders'
import type { NewAuditEntry } from '../identity/ports'
import type { OrderRecord, PaymentIntent, PaymentRecord, StageChange } from '../orders/ports'
import type { AppointmentRecord, LockRef } from '../scheduling/ports'

export type { PaymentGateway, PaymentSimulator } from './gateway'

/** The appointment a deposit confirms, with the locks it must (re-)take. */
export interface BookingToConfirm {
  appointment: AppointmentRecord
  locks: LockRef[]
}

/** How a deposit landing moves its order, and the booking it makes permanent. */
export interface DepositConfirmation {
  change: StageChange
  booking?: BookingToConfirm
}

/**
 * What a deposit does to the booking behind its order. The booking module answers: a
 * deposit confirms the order and its held (or lapsed, still free) appointment; 'refuse'
 * when the booking can no longer be confirmed, so the money goes back.
 */
export interface DepositBookings {
  confirmationFor(order: OrderRecord, now: Date): Promise<DepositConfirmation | 'refuse' | undefined>
}

/** The money on an order: its payments and refunds, WeChat Pay charges, audits and refunds due. */
export interface PaymentLedger {
  getIntent(studioId: string, orderId: string, outTradeNo: string): Promise<PaymentIntent | undefined>
  /** Records a charge asked for; refused if that trade is recorded already. */
  putIntent(intent: PaymentIntent): Promise<void>
  closeIntent(intent: PaymentIntent): Promise<void>

  /**
   * Credits a payment exactly once: the payment item is created only if absent, the order's
   * balance must cover it (paid never exceeds the total), and — for a deposit on an order
   * awaiting it — the order is confirmed and its booking made permanent in the same transaction.
   * Returns false when this payment was already applied.
   */
  capture(order: OrderRecord, payment: PaymentRecord, options: { intent?: PaymentIntent; confirm?: DepositConfirmation; audit: NewAuditEntry }): Promise<boolean>
  /** Records money that came in but cannot be credited (order gone, overpaid, slot lost) so it is refunded; false if recorded before. */
  recordUncredited(payment: PaymentRecord, intent: PaymentIntent | undefined, audit: NewAuditEntry): Promise<boolean>
  audit(order: OrderRecord, payment: PaymentRecord, by: Actor, at: string, audit: NewAuditEntry): Promise<PaymentRecord>
  /** Writes a refund entry once, taking it off the payment's refundable amount and the order's paid amount. */
  refund(order: OrderRecord | undefined, payment: PaymentRecord, refund: PaymentRecord, audit: NewAuditEntry): Promise<boolean>
  /** An entry in the studio's audit log on its own (money that was refused, for instance). */
  recordAudit(studioId: string, entry: NewAuditEntry): Promise<void>
  /** Lists the order among refunds due again (a refund WeChat Pay did not take waits for finance). */
  markRefundOwed(order: OrderRecord, at: string): Promise<void>
  /** Takes the order off refunds due once nothing is left to send back. */
  clearRefundOwed(order: OrderRecord): Promise<void>
  setPaymentStatus(payment: PaymentRecord, status: PaymentRecord['status'], fields?: Partial<PaymentRecord>): Promise<void>
  unaudited(studioId: string, options: { limit: number; cursor?: string }): Promise<{ items: PaymentRecord[]; nextCursor?: string }>
  refundsDue(studioId: string): Promise<OrderRecord[]>
  customerPayments(studioId: string, customerId: string): Promise<PaymentRecord[]>
}

/** Where faults that need a person go (structured logs). */
export interface ErrorLog {
  error(message: string, detail: Record<string, unknown>): void
}
