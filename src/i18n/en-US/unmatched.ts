import type { unmatched as chinese } from '../zh-CN/unmatched'
import type { SameWords } from '../same-words'

/** Money WeChat Pay took that no order could take, on finance's desk (refunds due). */
export const unmatched = {
  'unmatched.title': 'Refunds due · WeChat payments no order could take',
  'unmatched.reason.amount_differs': 'Amount differs from the charge (asked {expected})',
  'unmatched.reason.unknown_order': 'The order does not exist',
  'unmatched.reason.no_order': 'No order named',
  'unmatched.status.refund_processing': 'Refund in progress',
  'unmatched.status.refunded': 'Refunded to the payer',
  'unmatched.status.refund_failed': 'Refund failed: contact WeChat Pay',
  'unmatched.received': 'Received {time} · WeChat trade {trade}',
} satisfies SameWords<typeof chinese>
