import type { NewAuditEntry } from '../identity/ports'
import { DomainError } from '../domain/errors'
import { UNCREDITED_REASON } from '../domain/order-money'
import { SYSTEM } from '../orders/model'
import type { Bookkeeping, PaymentIntent, PaymentRecord } from '../orders/ports'
import { type DepositBookings, type NotificationRequest, type Transaction } from './ports'
import { sendRefund, type SendRefundPorts } from './send-refund'
import { refundUnmatchedPayment, type UnmatchedPaymentPorts } from './unmatched-payments'

export interface CreditingPorts extends SendRefundPorts, UnmatchedPaymentPorts {
  deposits: DepositBookings
  /** The day books and commission each money event is written with. */
  books: Bookkeeping
}

export type NotificationOutcome = 'applied' | 'duplicate' | 'ignored' | 'refunded' | 'rejected'

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Closes a charge at WeChat Pay before it is replaced or its order ends. If the customer
 * paid it a moment ago (WeChat refuses to close a paid charge), the payment is applied —
 * or, when the order can no longer take it, refunded — instead of lost.
 */
export async function closeCharge(deps: CreditingPorts, intent: PaymentIntent, now: Date) {
  try {
    await deps.payments.close(intent.outTradeNo)
    await deps.ledger.closeIntent(intent)
  } catch (error) {
    const transaction = await deps.payments.query(intent.outTradeNo).catch(() => undefined)
    if (transaction?.tradeState !== 'SUCCESS') {
      deps.log.error('could not close a WeChat Pay charge', { outTradeNo: intent.outTradeNo, error: String(error) })
      return
    }
    try {
      await applyTransaction(deps, intent, transaction, now)
    } catch (failure) {
      // What closes the charge (a cancellation, a new charge) goes on: WeChat Pay's notification of
      // this payment is answered "send again" until it is credited or refunded.
      deps.log.error('a paid charge could not be applied while closing it', { outTradeNo: intent.outTradeNo, error: String(failure) })
    }
  }
}

/**
 * WeChat Pay's notification: verified (signature, freshness, decryption, merchant) before
 * anything is read from it, then applied at most once. A forged or tampered notification
 * throws PaymentNotificationError and changes nothing. A genuine one naming no order, or an
 * order that does not exist, is money WeChat Pay took: it is recorded and refunded.
 */
export async function handlePaymentNotification(deps: CreditingPorts, request: NotificationRequest, now: Date): Promise<NotificationOutcome> {
  const transaction = deps.payments.verifyNotification(request, now)
  if (transaction.tradeState !== 'SUCCESS') return 'ignored'
  const [studioId, orderId, ...rest] = (transaction.attach ?? '').split('/')
  if (!studioId || !orderId || rest.length > 0) return refundUnmatchedPayment(deps, transaction, { reason: 'no_order', studioId: studioId || undefined }, now)
  const intent = await deps.ledger.getIntent(studioId, orderId, transaction.outTradeNo)
  if (intent) return applyTransaction(deps, intent, transaction, now)
  // Money for a charge we never asked for (genuinely signed, so WeChat took it): give it back.
  const order = await deps.orders.get(studioId, orderId)
  if (!order) return refundUnmatchedPayment(deps, transaction, { reason: 'unknown_order', studioId, orderId }, now)
  deps.log.error('payment notification for an unknown charge', { outTradeNo: transaction.outTradeNo })
  const stray: PaymentIntent = {
    outTradeNo: transaction.outTradeNo,
    studioId,
    orderId,
    customerId: order.customerId,
    kind: 'balance',
    amountFen: transaction.amountFen,
    prepayId: '',
    status: 'paid',
    createdAt: now.toISOString(),
    expiresAt: now.toISOString(),
  }
  return refundUncredited(deps, paymentOf(stray, transaction, now), undefined, {
    action: 'payment.rejected',
    actorId: 'wechat-pay',
    actorName: 'WeChat Pay',
    targetId: orderId,
    detail: { outTradeNo: transaction.outTradeNo, amountFen: transaction.amountFen, reason: 'unknown charge' },
  })
}

/**
 * Credits a successful WeChat payment to its order exactly once. The payment item keyed by
 * out_trade_no is created in the same transaction as the credit, so ten copies of the same
 * notification at once credit once. A deposit on an order awaiting it also confirms the
 * booking — re-taking a lapsed hold's slot if it is still free. Money that cannot be
 * credited (the order was cancelled, the slot is gone, it would overpay) is recorded on the
 * order as uncredited and goes back at once.
 */
export async function applyTransaction(deps: CreditingPorts, intent: PaymentIntent, transaction: Transaction, now: Date): Promise<NotificationOutcome> {
  const audit = (action: NewAuditEntry['action'], detail: Record<string, unknown>): NewAuditEntry => ({
    action,
    actorId: 'wechat-pay',
    actorName: 'WeChat Pay',
    targetId: intent.orderId,
    detail: { outTradeNo: intent.outTradeNo, kind: intent.kind, ...detail },
  })
  if (transaction.outTradeNo !== intent.outTradeNo) throw new Error('a transaction applied to another charge')
  const payment = paymentOf(intent, transaction, now)
  if (transaction.amountFen !== intent.amountFen) {
    // Never credit an amount other than the one asked for: the money goes back and finance sees it.
    deps.log.error('payment amount does not match the charge', { outTradeNo: intent.outTradeNo, expected: intent.amountFen, got: transaction.amountFen })
    const order = await deps.orders.get(intent.studioId, intent.orderId)
    return refundUnmatchedPayment(
      deps,
      transaction,
      { reason: 'amount_differs', studioId: intent.studioId, orderId: intent.orderId, branchId: order?.branchId, expectedFen: intent.amountFen },
      now,
    )
  }
  for (let attempt = 0; ; attempt++) {
    const order = await deps.orders.get(intent.studioId, intent.orderId)
    if (!order) break
    try {
      const confirm = intent.kind === 'deposit' ? await deps.deposits.confirmationFor(order, now) : undefined
      if (confirm === 'refuse') break
      const books = await deps.books.captured(order, { ...payment, branchId: order.branchId }, confirm?.change)
      const credited = { ...payment, branchId: order.branchId, ...(books.bookedOn ? { bookedOn: books.bookedOn } : {}) }
      const applied = await deps.ledger.capture(order, credited, { intent, confirm, audit: audit('payment.captured', { amountFen: payment.amountFen }), books })
      return applied ? 'applied' : 'duplicate'
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      // Another write to the same order at the same moment, or the order moved on, or its day was
      // closed between reading it open and booking on it (read again: it is booked on the next open
      // day): read again. If it keeps happening, WeChat Pay is told to send the notification again later.
      const transient = error.code === 'CONFLICT' || error.code === 'ILLEGAL_TRANSITION' || error.code === 'DAY_CLOSED'
      if (transient && attempt < 10) {
        await pause(20 + Math.random() * 80 * (attempt + 1))
        continue
      }
      if (transient) throw error
      // The order cannot take the money as it stands (cancelled meanwhile, overpaid, its slot gone):
      // answering "send again" would never change that, so the money goes back.
      break
    }
  }
  return refundUncredited(deps, payment, intent, audit('payment.rejected', { amountFen: payment.amountFen, reason: UNCREDITED_REASON }))
}

function paymentOf(intent: PaymentIntent, transaction: Transaction, now: Date): PaymentRecord {
  return {
    id: intent.outTradeNo,
    studioId: intent.studioId,
    orderId: intent.orderId,
    customerId: intent.customerId,
    kind: intent.kind,
    method: 'wechat',
    amountFen: transaction.amountFen,
    refundableFen: transaction.amountFen,
    status: 'captured',
    audited: true,
    recordedBy: SYSTEM,
    outTradeNo: intent.outTradeNo,
    transactionId: transaction.transactionId,
    at: transaction.successTime ? new Date(transaction.successTime).toISOString() : now.toISOString(),
  }
}

async function refundUncredited(deps: CreditingPorts, payment: PaymentRecord, intent: PaymentIntent | undefined, audit: NewAuditEntry): Promise<NotificationOutcome> {
  const uncredited: PaymentRecord = { ...payment, status: 'refund_processing', reason: UNCREDITED_REASON }
  if (!(await deps.ledger.recordUncredited(uncredited, intent, audit))) {
    // Recorded before: if that was the credit itself, there is nothing to give back.
    const earlier = (await deps.orders.partition(payment.studioId, payment.orderId))?.payments.find((p) => p.id === payment.id)
    if (earlier?.status === 'captured') return 'duplicate'
  }
  const outRefundNo = `${payment.id}R`
  const refund: PaymentRecord = {
    ...payment,
    id: outRefundNo,
    kind: 'refund',
    amountFen: -payment.amountFen,
    refundableFen: 0,
    refundOf: payment.id,
    outRefundNo,
    reason: 'could not be credited',
    status: 'refund_processing',
  }
  await deps.ledger.refund(undefined, uncredited, refund, { ...audit, action: 'payment.refunded' })
  try {
    // The money that could not be credited shows as given back once WeChat Pay has paid it out.
    if ((await sendRefund(deps, uncredited, refund)) === 'refunded') await deps.ledger.setPaymentStatus(uncredited, 'refunded')
  } catch (error) {
    // Recorded as a failed refund on the order, for finance to send again; WeChat need not resend.
    if (!(error instanceof DomainError && error.code === 'PAYMENT_PROVIDER_ERROR')) throw error
  }
  return 'refunded'
}
