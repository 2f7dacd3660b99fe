import type { PaymentIntent, PaymentRecord } from '../../orders/ports'
import { Update } from '../expressions'
import type { Item } from '../items'
import { keys } from '../keys'

/**
 * A payment or refund on an order, indexed by customer (gsi2), until finance audits it among
 * unaudited payments (gsi1) and, while it is a refund WeChat Pay did not take, among refunds due (gsi3).
 */
export function paymentItem(payment: PaymentRecord): Item {
  return {
    ...keys.orderPayment(payment.studioId, payment.orderId, payment.id),
    type: 'Payment',
    ...(payment.audited ? {} : { gsi1pk: keys.unauditedPayments(payment.studioId), gsi1sk: `${payment.at}#${payment.id}` }),
    gsi2pk: keys.customerPayments(payment.studioId, payment.customerId),
    gsi2sk: `${payment.at}#${payment.id}`,
    ...(payment.status === 'refund_failed' ? failedRefundIndex(payment) : {}),
    ...payment,
  }
}

/**
 * A refund WeChat Pay did not take is listed among refunds due by its own item, so the listing
 * follows the money owed whatever later rewrites the order (an edit, a stage move).
 */
const failedRefundIndex = (refund: Pick<PaymentRecord, 'studioId' | 'orderId' | 'at'>) => ({ gsi3pk: keys.refundsDue(refund.studioId), gsi3sk: `${refund.at}#${refund.orderId}` })

/** How a payment or refund stands now: a refund that failed joins refunds due, one sent (or resent) leaves it. */
export function paymentStatusUpdate(payment: PaymentRecord, status: PaymentRecord['status']): Update {
  const update = new Update().set('status', status)
  if (status !== 'refund_failed') return update.remove('gsi3pk').remove('gsi3sk')
  const index = failedRefundIndex(payment)
  return update.set('gsi3pk', index.gsi3pk).set('gsi3sk', index.gsi3sk)
}

/** Audited: the payment leaves the unaudited list. */
export const paymentAudited = (by: unknown, at: string) =>
  new Update().when('audited', '=', false).set('audited', true).set('auditedBy', by).set('auditedAt', at).remove('gsi1pk').remove('gsi1sk')

export const paymentKey = (payment: Pick<PaymentRecord, 'studioId' | 'orderId' | 'id'>) => keys.orderPayment(payment.studioId, payment.orderId, payment.id)

/** A WeChat Pay charge asked for, kept in its order's partition. */
export const intentItem = (intent: PaymentIntent): Item => ({ ...intentKey(intent), type: 'PaymentIntent', ...intent })

export const intentKey = (intent: Pick<PaymentIntent, 'studioId' | 'orderId' | 'outTradeNo'>) => keys.paymentIntent(intent.studioId, intent.orderId, intent.outTradeNo)

/** Marks a WeChat Pay charge paid, in the transaction that records its payment. */
export const intentPaid = (table: string, intent: PaymentIntent) => ({ Update: new Update().set('status', 'paid').build(table, intentKey(intent)) })

/** Closes an open charge (a paid or closed one stays as it is). */
export const intentClosed = () => new Update().when('status', '=', 'open').set('status', 'closed')
