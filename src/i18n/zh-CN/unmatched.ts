/** Money WeChat Pay took that no order could take, on finance's desk (待退款). */
export const unmatched = {
  'unmatched.title': '待退款 · 无法入账的微信支付',
  'unmatched.reason.amount_differs': '金额与收款单不符（应收 {expected}）',
  'unmatched.reason.unknown_order': '订单不存在',
  'unmatched.reason.no_order': '未指明订单',
  'unmatched.status.refund_processing': '退款处理中',
  'unmatched.status.refunded': '已原路退回',
  'unmatched.status.refund_failed': '退款未成功，请联系微信支付',
  'unmatched.received': '{time} 收到 · 微信单号 {trade}',
}
