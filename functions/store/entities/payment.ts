import type { PaymentIntent, PaymentRecord } from '../../orders/ports'
import { Update } from '../expressions'
import type { Item } from '../items'
import { keys } from '../keys'

/** A payment or refund on an order, indexed by customer (gsi2) and, until finance audits it, among unaudited payments (gsi1). */
export function paymentItem(payment: PaymentRecord): Item {
  return {
    ...keys.orderPayment(payment.studioId, payment.orderId, payment.id),
    type: 'Payment',
    ...(payment.audited ? {} : { gsi1pk: keys.unauditedPayments(payment.studioId), gsi1sk: `${payment.at}#${payment.id}` }),
    gsi2pk: keys.customerPayments(payment.studioId, payment.customerId),
    gsi2sk: `${payment.at}#${payment.id}`,
    ...payment,
  }
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
