import { DomainError } from '../domain/errors'
import type { OrderRepository, PaymentRecord } from '../orders/ports'
import type { ErrorLog, PaymentGateway, PaymentLedger } from './ports'

export interface SendRefundPorts {
  orders: OrderRepository
  ledger: PaymentLedger
  payments: PaymentGateway
  log: ErrorLog
}

/** A refund WeChat Pay did not take: marked failed, which lists it among refunds due until finance sends it again. */
const refundFailed = (deps: SendRefundPorts, refund: PaymentRecord) => deps.ledger.setPaymentStatus(refund, 'refund_failed')

/** Asks WeChat Pay to send a refund back (same out_refund_no on a retry) and records how it went. */
export async function sendRefund(deps: SendRefundPorts, payment: PaymentRecord, refund: PaymentRecord): Promise<PaymentRecord['status']> {
  let result
  try {
    result = await deps.payments.refund({
      outTradeNo: payment.outTradeNo!,
      outRefundNo: refund.outRefundNo!,
      refundFen: -refund.amountFen,
      totalFen: payment.amountFen,
      reason: refund.reason,
    })
  } catch (error) {
    deps.log.error('refund request failed', { outRefundNo: refund.outRefundNo, error: String(error) })
    await refundFailed(deps, refund)
    throw new DomainError('PAYMENT_PROVIDER_ERROR', 'WeChat Pay did not take the refund; try again (it will not be paid twice)')
  }
  if (result.status === 'CLOSED' || result.status === 'ABNORMAL') {
    deps.log.error('refund not paid out', { outRefundNo: refund.outRefundNo, status: result.status })
    await refundFailed(deps, refund)
    return 'refund_failed'
  }
  const status = result.status === 'SUCCESS' ? 'refunded' : 'refund_processing'
  await deps.ledger.setPaymentStatus(refund, status, { transactionId: result.refundId })
  return status
}
