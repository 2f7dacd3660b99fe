import * as z from 'zod'

/** Why WeChat Pay took money that no order could take. */
export const UnmatchedReasonSchema = z.enum(['amount_differs', 'unknown_order', 'no_order'])

/**
 * Money WeChat Pay took (a genuinely signed notification) that no order could take: kept
 * for finance with its amount, why, and how its refund stands. Its refund's out_refund_no is
 * derived from WeChat Pay's transaction id, so it is never paid back twice.
 */
export const UnmatchedPaymentSchema = z.object({
  id: z.string(),
  outTradeNo: z.string(),
  transactionId: z.string().optional(),
  amountFen: z.number().int(),
  /** What the charge asked for, when the amount differed from it. */
  expectedFen: z.number().int().optional(),
  orderId: z.string().optional(),
  branchId: z.string().optional(),
  reason: UnmatchedReasonSchema,
  outRefundNo: z.string(),
  status: z.enum(['refund_processing', 'refunded', 'refund_failed']),
  receivedAt: z.string(),
})
export type UnmatchedPayment = z.infer<typeof UnmatchedPaymentSchema>
