import type { Actor } from '../../types/orders'
import type { NewAuditEntry } from '../identity/ports'
import type { BookEntries, OrderRecord, PaymentIntent, PaymentRecord, StageChange } from '../orders/ports'
import type { AppointmentRecord, LockRef } from '../scheduling/ports'
import type { UnmatchedPayment } from '../../types/unmatched-payments'

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
  capture(order: OrderRecord, payment: PaymentRecord, options: { intent?: PaymentIntent; confirm?: DepositConfirmation; audit: NewAuditEntry; books?: BookEntries }): Promise<boolean>
  /** Records money that came in but cannot be credited (order gone, overpaid, slot lost) so it is refunded; false if recorded before. */
  recordUncredited(payment: PaymentRecord, intent: PaymentIntent | undefined, audit: NewAuditEntry): Promise<boolean>
  audit(order: OrderRecord, payment: PaymentRecord, by: Actor, at: string, audit: NewAuditEntry, books?: BookEntries): Promise<PaymentRecord>
  /** Writes a refund entry once, taking it off the payment's refundable amount and the order's paid amount. */
  refund(order: OrderRecord | undefined, payment: PaymentRecord, refund: PaymentRecord, audit: NewAuditEntry, books?: BookEntries): Promise<boolean>
  /** An entry in the studio's audit log on its own (money that was refused, for instance). */
  recordAudit(studioId: string, entry: NewAuditEntry): Promise<void>
  /** Takes the order off refunds due once nothing is left to send back. */
  clearRefundOwed(order: OrderRecord): Promise<void>
  /** How a payment or refund stands; a refund set `refund_failed` is listed among refunds due until it is set otherwise. */
  setPaymentStatus(payment: PaymentRecord, status: PaymentRecord['status'], fields?: Partial<PaymentRecord>): Promise<void>
  unaudited(studioId: string, options: { limit: number; cursor?: string }): Promise<{ items: PaymentRecord[]; nextCursor?: string }>
  /** Orders with money to send back: cancelled ones short of their policy refund, and any with a refund WeChat Pay did not take. */
  refundsDue(studioId: string): Promise<OrderRecord[]>
  customerPayments(studioId: string, customerId: string): Promise<PaymentRecord[]>
}

/** Where faults that need a person go (structured logs). */
export interface ErrorLog {
  error(message: string, detail: Record<string, unknown>): void
}

/** requestPayment parameters for wx.requestPayment / Taro.requestPayment, signed RSA-SHA256 with the merchant key. */
export interface RequestPaymentParams {
  appId: string
  timeStamp: string
  nonceStr: string
  /** `prepay_id=…` */
  package: string
  signType: 'RSA'
  paySign: string
}

export interface PrepayRequest {
  outTradeNo: string
  description: string
  amountFen: number
  payerOpenId: string
  /** The prepay stops accepting payment after this. */
  expiresAt: Date
  /** Echoed back in the notification (≤ 128 chars). */
  attach?: string
}

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR'

/** A transaction as WeChat Pay reports it, in a notification or a query. */
export interface Transaction {
  appId: string
  mchId: string
  outTradeNo: string
  transactionId?: string
  tradeState: TradeState
  /** amount.total, in fen */
  amountFen: number
  payerOpenId?: string
  successTime?: string
  attach?: string
}

export interface RefundRequest {
  outTradeNo: string
  outRefundNo: string
  refundFen: number
  /** The original payment's amount, in fen. */
  totalFen: number
  reason?: string
}

export interface RefundResult {
  outRefundNo: string
  refundId: string
  status: 'SUCCESS' | 'PROCESSING' | 'CLOSED' | 'ABNORMAL'
}

/** The HTTP request WeChat Pay sends to the notify URL, as received (body untouched). */
export interface NotificationRequest {
  headers: Record<string, string | undefined>
  body: string
}

export class PaymentNotificationError extends Error {
  constructor(
    readonly reason: 'bad_signature' | 'stale_timestamp' | 'unknown_key' | 'bad_ciphertext' | 'malformed' | 'wrong_merchant',
    message: string,
  ) {
    super(message)
    this.name = 'PaymentNotificationError'
  }
}

/**
 * WeChat Pay v3 (JSAPI / mini-program). The real adapter talks to api.mch.weixin.qq.com;
 * the simulated one (local and test stages only) runs the same flow with its own keys and says so.
 */
export interface PaymentGateway {
  /** True for the local simulator; the app shows a labelled "pay" step instead of WeChat's sheet. */
  readonly simulated: boolean
  readonly appId: string
  readonly mchId: string
  /** POST /v3/pay/transactions/jsapi — returns the prepay_id. Same out_trade_no twice gives the same order at WeChat. */
  prepay(request: PrepayRequest): Promise<{ prepayId: string }>
  /** Signs the parameters the mini-program passes to requestPayment. */
  requestPaymentParams(prepayId: string, now: Date): RequestPaymentParams
  /** GET /v3/pay/transactions/out-trade-no/{out_trade_no}; undefined when WeChat Pay does not know it. */
  query(outTradeNo: string): Promise<Transaction | undefined>
  /** POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close */
  close(outTradeNo: string): Promise<void>
  /** POST /v3/refund/domestic/refunds — the same out_refund_no twice is one refund. */
  refund(request: RefundRequest): Promise<RefundResult>
  /**
   * Checks a payment notification: platform-key signature over timestamp, nonce and body,
   * timestamp within 5 minutes of `now`, AES-256-GCM decryption of the resource with the
   * APIv3 key (tag checked), and the app id and merchant id. Throws PaymentNotificationError.
   */
  verifyNotification(request: NotificationRequest, now: Date): Transaction
}

/** Only the simulator can "pay": it marks the transaction paid and produces WeChat's notification for it. */
export interface PaymentSimulator extends PaymentGateway {
  readonly simulated: true
  pay(outTradeNo: string, now: Date): Promise<NotificationRequest>
}

/** Money WeChat Pay took that no order could take, as kept for finance (studioId absent: only its merchant is known). */
export type UnmatchedPaymentRecord = UnmatchedPayment & { studioId?: string; mchId: string }

/** Where such money is kept: once per WeChat Pay transaction, under its studio (or its merchant). */
export interface UnmatchedPayments {
  /** Whether a studio of that id exists (a notification's attach is read only after it verified). */
  studioExists(studioId: string): Promise<boolean>
  /** Records it once; false when this transaction was recorded before. */
  record(payment: UnmatchedPaymentRecord): Promise<boolean>
  get(owner: Pick<UnmatchedPaymentRecord, 'studioId' | 'mchId' | 'id'>): Promise<UnmatchedPaymentRecord | undefined>
  /** How its refund stands; a refund known as paid back is never set back. */
  setStatus(payment: UnmatchedPaymentRecord, status: UnmatchedPayment['status'], refundId?: string): Promise<void>
  list(studioId: string): Promise<UnmatchedPaymentRecord[]>
}
