import * as z from 'zod'
import { IdSchema, PageQuerySchema, RequestIdSchema } from './common'
import { FenSchema } from './money'
import { defineOperation } from './operation'
import { OfflineMethodSchema, OrderDetailSchema, OrderSummarySchema, OutTradeNoSchema, PaymentSchema, PrepaySchema } from './orders'
import { MONEY_DESK } from './roles'
import { UnmatchedPaymentSchema } from './unmatched-payments'

const FINANCE = ['finance', 'manager', 'admin'] as const

export const prepay = defineOperation({
  name: 'payments.prepay',
  method: 'POST',
  path: '/orders/{orderId}/wechat-pay',
  summary: 'WeChat Pay for the deposit, the balance or the extra photos: the signed requestPayment parameters',
  tag: 'payments',
  input: z.strictObject({ orderId: IdSchema, kind: z.enum(['deposit', 'balance', 'extra_photos']) }),
  output: PrepaySchema,
  access: ['customer'],
  scope: 'branch',
})

export const simulatePay = defineOperation({
  name: 'payments.simulatePay',
  method: 'POST',
  path: '/orders/{orderId}/wechat-pay/{outTradeNo}/simulate',
  summary: 'Local only: the simulated WeChat Pay takes the payment and notifies like WeChat does (or, to rehearse a late notification, does not)',
  tag: 'payments',
  input: z.strictObject({ orderId: IdSchema, outTradeNo: OutTradeNoSchema, deliverNotification: z.boolean().default(true) }),
  output: OrderDetailSchema,
  access: ['customer'],
  scope: 'branch',
})

export const refreshPayment = defineOperation({
  name: 'payments.refresh',
  method: 'POST',
  path: '/orders/{orderId}/wechat-pay/{outTradeNo}/refresh',
  summary: 'Ask WeChat Pay how a payment went (when its notification is late) and apply it',
  tag: 'payments',
  input: z.strictObject({ orderId: IdSchema, outTradeNo: OutTradeNoSchema }),
  output: OrderDetailSchema,
  access: ['customer', ...MONEY_DESK],
  scope: 'branch',
})

export const recordOfflinePayment = defineOperation({
  name: 'payments.recordOffline',
  method: 'POST',
  path: '/orders/{orderId}/payments',
  summary: 'Record a cash, bank card or transfer payment taken at the desk (unaudited until finance audits it)',
  tag: 'payments',
  input: z.strictObject({
    orderId: IdSchema,
    requestId: RequestIdSchema,
    kind: z.enum(['deposit', 'balance', 'extra_photos']),
    method: OfflineMethodSchema,
    amountFen: FenSchema.refine((v) => v > 0, 'must be more than zero'),
    reference: z.string().trim().max(60).optional(),
  }),
  output: OrderDetailSchema,
  access: MONEY_DESK,
  scope: 'branch',
})

export const auditPayment = defineOperation({
  name: 'payments.audit',
  method: 'POST',
  path: '/orders/{orderId}/payments/{paymentId}/audit',
  summary: 'Finance confirms an offline payment against the till, card terminal or bank statement',
  tag: 'payments',
  input: z.strictObject({ orderId: IdSchema, paymentId: z.string().min(1).max(40) }),
  output: PaymentSchema,
  access: FINANCE,
  scope: 'branch',
})

export const unauditedPayments = defineOperation({
  name: 'payments.unaudited',
  method: 'GET',
  path: '/payments/unaudited',
  summary: 'Offline payments waiting for finance, oldest first',
  tag: 'payments',
  input: PageQuerySchema,
  output: z.object({ items: z.array(PaymentSchema.extend({ customerName: z.string() })), totalFen: z.number().int(), nextCursor: z.string().optional() }),
  access: FINANCE,
  scope: 'branch',
})

export const refundPayment = defineOperation({
  name: 'payments.refund',
  method: 'POST',
  path: '/orders/{orderId}/payments/{paymentId}/refund',
  summary: 'Refund (part of) a payment: WeChat payments through WeChat Pay, offline ones as paid back at the desk',
  tag: 'payments',
  input: z.strictObject({
    orderId: IdSchema,
    paymentId: z.string().min(1).max(40),
    requestId: RequestIdSchema,
    amountFen: FenSchema.refine((v) => v > 0, 'must be more than zero'),
    reason: z.string().trim().min(1).max(80),
  }),
  output: OrderDetailSchema,
  access: FINANCE,
  scope: 'branch',
})

export const retryRefund = defineOperation({
  name: 'payments.retryRefund',
  method: 'POST',
  path: '/orders/{orderId}/refunds/{refundId}/retry',
  summary: 'Send a WeChat refund again that WeChat Pay did not take (the same out_refund_no: never paid twice)',
  tag: 'payments',
  input: z.strictObject({ orderId: IdSchema, refundId: z.string().min(1).max(40) }),
  output: OrderDetailSchema,
  access: FINANCE,
  scope: 'branch',
})

export const refundsDue = defineOperation({
  name: 'payments.refundsDue',
  method: 'GET',
  path: '/payments/refunds-due',
  summary: 'Cancelled orders whose policy refund has not been paid back in full',
  tag: 'payments',
  input: z.strictObject({}),
  output: z.object({ items: z.array(OrderSummarySchema.extend({ refundDueFen: z.number().int(), refundedFen: z.number().int() })) }),
  access: FINANCE,
  scope: 'branch',
})

export const unmatchedPayments = defineOperation({
  name: 'payments.unmatched',
  method: 'GET',
  path: '/payments/unmatched',
  summary: 'Money WeChat Pay took that no order could take (another amount, an unknown order), newest first, with its refund',
  tag: 'payments',
  input: z.strictObject({}),
  output: z.object({ items: z.array(UnmatchedPaymentSchema) }),
  access: FINANCE,
  scope: 'branch',
})

export const paymentOperations = [
  prepay,
  simulatePay,
  refreshPayment,
  recordOfflinePayment,
  auditPayment,
  unauditedPayments,
  refundPayment,
  retryRefund,
  refundsDue,
  unmatchedPayments,
] as const
