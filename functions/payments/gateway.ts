/**
 * The port to WeChat Pay v3 (JSAPI / mini-program). The real adapter talks to
 * api.mch.weixin.qq.com; the simulated one (local and test stages only) runs the same
 * flow with its own keys and says so.
 */

/** requestPayment parameters for wx.requestPayment / Taro.requestPayment, signed RSA-SHA256 with the merchant key. */
export interface RequestPaymentParams {
  appId: string
  timeStamp: string
  nonceStr: string
  /** `prepay_id=…` */
  package: string
  signType: 'RSA'
  paySign: string
}

export interface PrepayRequest {
  outTradeNo: string
  description: string
  amountFen: number
  payerOpenId: string
  /** The prepay stops accepting payment after this. */
  expiresAt: Date
  /** Echoed back in the notification (≤ 128 chars). */
  attach?: string
}

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR'

/** A transaction as WeChat Pay reports it, in a notification or a query. */
export interface Transaction {
  appId: string
  mchId: string
  outTradeNo: string
  transactionId?: string
  tradeState: TradeState
  /** amount.total, in fen */
  amountFen: number
  payerOpenId?: string
  successTime?: string
  attach?: string
}

export interface RefundRequest {
  outTradeNo: string
  outRefundNo: string
  refundFen: number
  /** The original payment's amount, in fen. */
  totalFen: number
  reason?: string
}

export interface RefundResult {
  outRefundNo: string
  refundId: string
  status: 'SUCCESS' | 'PROCESSING' | 'CLOSED' | 'ABNORMAL'
}

/** The HTTP request WeChat Pay sends to the notify URL, as received (body untouched). */
export interface NotificationRequest {
  headers: Record<string, string | undefined>
  body: string
}

export class PaymentNotificationError extends Error {
  constructor(
    readonly reason: 'bad_signature' | 'stale_timestamp' | 'unknown_key' | 'bad_ciphertext' | 'malformed' | 'wrong_merchant',
    message: string,
  ) {
    super(message)
    this.name = 'PaymentNotificationError'
  }
}

export interface PaymentGateway {
  /** True for the local simulator; the app shows a labelled "pay" step instead of WeChat's sheet. */
  readonly simulated: boolean
  readonly appId: string
  readonly mchId: string
  /** POST /v3/pay/transactions/jsapi — returns the prepay_id. Same out_trade_no twice gives the same order at WeChat. */
  prepay(request: PrepayRequest): Promise<{ prepayId: string }>
  /** Signs the parameters the mini-program passes to requestPayment. */
  requestPaymentParams(prepayId: string, now: Date): RequestPaymentParams
  /** GET /v3/pay/transactions/out-trade-no/{out_trade_no}; undefined when WeChat Pay does not know it. */
  query(outTradeNo: string): Promise<Transaction | undefined>
  /** POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close */
  close(outTradeNo: string): Promise<void>
  /** POST /v3/refund/domestic/refunds — the same out_refund_no twice is one refund. */
  refund(request: RefundRequest): Promise<RefundResult>
  /**
   * Checks a payment notification: platform-key signature over timestamp, nonce and body,
   * timestamp within 5 minutes of `now`, AES-256-GCM decryption of the resource with the
   * APIv3 key (tag checked), and the app id and merchant id. Throws PaymentNotificationError.
   */
  verifyNotification(request: NotificationRequest, now: Date): Transaction
}

/** Only the simulator can "pay": it marks the transaction paid and produces WeChat's notification for it. */
export interface PaymentSimulator extends PaymentGateway {
  readonly simulated: true
  pay(outTradeNo: string, now: Date): Promise<NotificationRequest>
}
