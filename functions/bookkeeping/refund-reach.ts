import type { CommissionLineRecord } from '../domain/commission'
import type { FinanceRepository } from '../finance/ports'
import type { OrderRecord } from '../orders/ports'

/** The payment a refund gives money back from. */
export interface RefundedPayment {
  id: string
  at: string
}

/**
 * The lines of an order a refund of `payment` takes commission back from: those the payment
 * itself earned, and those work on the order earned on the money received by then (a shoot or
 * retouching paid on money received counted this payment in its base). An upsell's base is the
 * extra sold, not money received, so a refund never reaches it.
 */
export async function linesRefundReaches(finance: FinanceRepository, order: OrderRecord, lines: readonly CommissionLineRecord[], payment: RefundedPayment) {
  const earned = lines.filter((l) => l.amountFen > 0)
  const byPayment = earned.filter((l) => l.source.kind === 'payment' && l.source.id === payment.id)
  const byWork = earned.filter((l) => l.source.kind === 'stage' && l.work !== 'upsell' && l.createdAt >= payment.at)
  if (byWork.length === 0 || !order.branchId) return byPayment
  const versions = await finance.ruleVersions(order.studioId, order.branchId)
  const onReceived = (line: CommissionLineRecord) => versions.some((v) => v.id === line.ruleId && v.version === line.ruleVersion && v.base === 'received')
  return [...byPayment, ...byWork.filter(onReceived)]
}
