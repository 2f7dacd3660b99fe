import type { z } from 'zod'
import type * as op from '../../types/payment-operations'
import type { UnmatchedPayment } from '../../types/unmatched-payments'
import { callerOf, type RequestContext } from '../domain/context'
import { withinBranch } from '../domain/permissions'
import type { PaymentLedger, PaymentGateway, ErrorLog, Transaction, UnmatchedPaymentRecord, UnmatchedPayments } from './ports'

export interface UnmatchedPaymentPorts {
  unmatched: UnmatchedPayments
  payments: PaymentGateway
  ledger: PaymentLedger
  log: ErrorLog
}

/** What is known of the money's destination: the studio and order its attach named (when they exist), and what the charge asked for. */
export interface UnmatchedContext {
  reason: UnmatchedPayment['reason']
  studioId?: string
  orderId?: string
  branchId?: string
  expectedFen?: number
}

/** WeChat Pay's transaction id names the payment for good; the refund number is made from it. */
const refundNumberOf = (id: string) => `U${id}`.slice(0, 64)

/**
 * Money WeChat Pay took that no order can take — another amount than the charge asked for,
 * an order that does not exist, no order named at all. Steps: record it once per transaction
 * (under its studio when the studio exists, else under the merchant), and audit it in the
 * studio's log; send it back with an out_refund_no made from the transaction id (the same
 * notification again, or ten at once, is one refund); keep how the refund stands for finance.
 * WeChat Pay is then told the notification was handled, so it stops sending it.
 */
export async function refundUnmatchedPayment(deps: UnmatchedPaymentPorts, transaction: Transaction, context: UnmatchedContext, now: Date): Promise<'refunded' | 'duplicate'> {
  const studioId = context.studioId && (await deps.unmatched.studioExists(context.studioId)) ? context.studioId : undefined
  const id = transaction.transactionId ?? transaction.outTradeNo
  const fresh: UnmatchedPaymentRecord = {
    id,
    mchId: transaction.mchId,
    ...(studioId ? { studioId } : {}),
    ...(studioId && context.orderId ? { orderId: context.orderId } : {}),
    ...(studioId && context.branchId ? { branchId: context.branchId } : {}),
    outTradeNo: transaction.outTradeNo,
    ...(transaction.transactionId ? { transactionId: transaction.transactionId } : {}),
    amountFen: transaction.amountFen,
    ...(context.expectedFen !== undefined ? { expectedFen: context.expectedFen } : {}),
    reason: context.reason,
    outRefundNo: refundNumberOf(id),
    status: 'refund_processing',
    receivedAt: now.toISOString(),
  }
  const recorded = await deps.unmatched.record(fresh)
  const payment = recorded ? fresh : ((await deps.unmatched.get(fresh)) ?? fresh)
  if (recorded) {
    deps.log.error('WeChat payment no order could take', { outTradeNo: payment.outTradeNo, amountFen: payment.amountFen, reason: payment.reason, studioId })
    if (studioId) {
      await deps.ledger.recordAudit(studioId, {
        action: 'payment.rejected',
        actorId: 'wechat-pay',
        actorName: 'WeChat Pay',
        targetId: payment.orderId ?? payment.outTradeNo,
        detail: { outTradeNo: payment.outTradeNo, amountFen: payment.amountFen, expectedFen: payment.expectedFen, reason: payment.reason, outRefundNo: payment.outRefundNo },
      })
    }
  }
  if (payment.status === 'refunded') return 'duplicate'
  // Sent on every arrival until paid back: the same out_refund_no makes a repeat harmless.
  try {
    const result = await deps.payments.refund({
      outTradeNo: payment.outTradeNo,
      outRefundNo: payment.outRefundNo,
      refundFen: payment.amountFen,
      totalFen: payment.amountFen,
      reason: 'could not be credited',
    })
    const status = result.status === 'SUCCESS' ? 'refunded' : result.status === 'PROCESSING' ? 'refund_processing' : 'refund_failed'
    await deps.unmatched.setStatus(payment, status, result.refundId)
  } catch (error) {
    deps.log.error('refund of a WeChat payment no order could take failed', { outRefundNo: payment.outRefundNo, error: String(error) })
    await deps.unmatched.setStatus(payment, 'refund_failed')
  }
  return recorded ? 'refunded' : 'duplicate'
}

/** Money WeChat Pay took that no order of the studio could take, newest first; a branch's staff see their branch's and those of no branch. */
export async function unmatchedPayments(deps: { unmatched: UnmatchedPayments }, _input: z.output<typeof op.unmatchedPayments.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const items = (await deps.unmatched.list(caller.studioId)).filter((p) => withinBranch(caller, p.branchId))
  items.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
  return { items: items.map(({ studioId: _s, mchId: _m, ...payment }) => payment) }
}
