import type {
  NotificationRequest,
  PaymentGateway,
  PrepayRequest,
  RefundRequest,
  RefundResult,
  RequestPaymentParams,
  Transaction,
} from '../../payments/ports'
import { PaymentNotificationError } from '../../payments/ports'
import type { PaymentsConfig } from '../../platform/config'
import {
  authorizationHeader,
  epochSeconds,
  headerValue,
  parseNotification,
  randomNonce,
  requestPaymentParams as signedRequestPaymentParams,
  rfc3339Beijing,
  transactionFromWeChat,
  verifyWeChatPaySignedMessage,
} from './crypto'

export type WeChatPayConfig = Extract<PaymentsConfig, { mode: 'wechat' }>

/** WeChat Pay refused a call: its error code (PARAM_ERROR, ORDERPAID, …) and message, never our keys. */
export class WeChatPayError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'WeChatPayError'
  }
}

const REFUND_STATUSES: readonly RefundResult['status'][] = ['SUCCESS', 'PROCESSING', 'CLOSED', 'ABNORMAL']

/** Refuses, before any call, what WeChat Pay would refuse as PARAM_ERROR anyway. */
export function checkPrepayRequest(request: PrepayRequest): void {
  if (!Number.isSafeInteger(request.amountFen) || request.amountFen <= 0) {
    throw new WeChatPayError('PARAM_ERROR', 400, 'amount.total must be a positive whole number of fen')
  }
  if (!request.outTradeNo || !request.payerOpenId || !request.description) {
    throw new WeChatPayError('PARAM_ERROR', 400, 'out_trade_no, payer.openid and description are required')
  }
  if (request.attach !== undefined && request.attach.length > 128) throw new WeChatPayError('PARAM_ERROR', 400, 'attach is longer than 128 characters')
}

/** Refuses a refund WeChat Pay would refuse as PARAM_ERROR. */
export function checkRefundRequest(request: RefundRequest): void {
  const positive = (n: number) => Number.isSafeInteger(n) && n > 0
  if (!positive(request.refundFen) || !positive(request.totalFen)) {
    throw new WeChatPayError('PARAM_ERROR', 400, 'amount.refund and amount.total must be positive whole numbers of fen')
  }
  if (!request.outTradeNo || !request.outRefundNo) throw new WeChatPayError('PARAM_ERROR', 400, 'out_trade_no and out_refund_no are required')
}

interface SignedResponse {
  status: number
  body: string
  /** False only for an error answered without a signature (WeChat Pay signs nothing when it rejects our signature). */
  signed: boolean
}

function parseJson(text: string, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>
  } catch {
    // reported below
  }
  throw new WeChatPayError('BAD_RESPONSE', 502, `WeChat Pay answered ${what} with unreadable JSON`)
}

/**
 * The real adapter: WeChat Pay v3 at `baseUrl` (api.mch.weixin.qq.com), requests signed with
 * the merchant key, every answer's signature checked with WeChat Pay's public key before its
 * body is believed.
 */
export class WeChatPayV3 implements PaymentGateway {
  readonly simulated = false
  readonly appId: string
  readonly mchId: string
  private readonly timeoutMs: number
  private readonly clock: () => Date

  constructor(
    private readonly config: WeChatPayConfig,
    options: { timeoutMs?: number; now?: () => Date } = {},
  ) {
    this.appId = config.appId
    this.mchId = config.mchId
    this.timeoutMs = options.timeoutMs ?? 10_000
    this.clock = options.now ?? (() => new Date())
  }

  /** One signed call; the answer comes back only once its signature has verified (or it is an unsigned error). */
  private async call(method: 'GET' | 'POST', pathWithQuery: string, payload?: object): Promise<SignedResponse> {
    const body = payload === undefined ? '' : JSON.stringify(payload)
    const authorization = authorizationHeader({
      mchId: this.config.mchId,
      serial: this.config.merchantSerial,
      privateKey: this.config.merchantPrivateKey,
      method,
      pathWithQuery,
      body,
      timestamp: epochSeconds(this.clock()),
      nonce: randomNonce(32),
    })
    const what = `${method} ${pathWithQuery.split('?')[0]}`
    let response: Response
    try {
      response = await fetch(`${this.config.baseUrl.replace(/\/+$/, '')}${pathWithQuery}`, {
        method,
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          'User-Agent': 'studio-erp WeChatPayV3',
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: payload === undefined ? undefined : body,
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
      throw new WeChatPayError(timedOut ? 'TIMEOUT' : 'NETWORK', 504, `WeChat Pay did not answer ${what}${timedOut ? ` within ${this.timeoutMs / 1000} s` : ''}`)
    }
    const text = await response.text()
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => (headers[name] = value))
    const signed = headerValue(headers, 'Wechatpay-Signature') !== undefined
    if (signed || response.ok) {
      try {
        verifyWeChatPaySignedMessage(headers, text, this.config, this.clock())
      } catch (error) {
        const reason = error instanceof PaymentNotificationError ? error.reason : 'unverifiable'
        throw new WeChatPayError('RESPONSE_NOT_VERIFIED', 502, `WeChat Pay's answer to ${what} failed verification (${reason})`)
      }
    }
    return { status: response.status, body: text, signed }
  }

  /** An error answer as a WeChatPayError carrying WeChat Pay's code and message. */
  private failure(response: SignedResponse, what: string): WeChatPayError {
    let code = `HTTP_${response.status}`
    let message = ''
    try {
      const parsed = JSON.parse(response.body) as { code?: unknown; message?: unknown }
      if (typeof parsed.code === 'string') code = parsed.code
      if (typeof parsed.message === 'string') message = parsed.message
    } catch {
      // no JSON body: the status says it all
    }
    const unsigned = response.signed ? '' : ' (unsigned answer)'
    return new WeChatPayError(code, response.status, `WeChat Pay refused ${what}: ${code}${message ? ` ${message}` : ''}${unsigned}`)
  }

  async prepay(request: PrepayRequest): Promise<{ prepayId: string }> {
    checkPrepayRequest(request)
    const response = await this.call('POST', '/v3/pay/transactions/jsapi', {
      appid: this.config.appId,
      mchid: this.config.mchId,
      description: request.description,
      out_trade_no: request.outTradeNo,
      time_expire: rfc3339Beijing(request.expiresAt),
      notify_url: this.config.notifyUrl,
      amount: { total: request.amountFen, currency: 'CNY' },
      payer: { openid: request.payerOpenId },
      ...(request.attach ? { attach: request.attach } : {}),
    })
    if (response.status !== 200) throw this.failure(response, 'the prepay')
    const prepayId = parseJson(response.body, 'the prepay').prepay_id
    if (typeof prepayId !== 'string' || !prepayId) throw new WeChatPayError('BAD_RESPONSE', 502, 'WeChat Pay answered the prepay without a prepay_id')
    return { prepayId }
  }

  requestPaymentParams(prepayId: string, now: Date): RequestPaymentParams {
    return signedRequestPaymentParams(this.config.appId, prepayId, this.config.merchantPrivateKey, now)
  }

  async query(outTradeNo: string): Promise<Transaction | undefined> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.config.mchId)}`
    const response = await this.call('GET', path)
    if (response.status !== 200) {
      const error = this.failure(response, 'the query')
      // Only a signed "no such order" is believed: anyone can answer an unsigned 404.
      if (response.signed && (response.status === 404 || error.code === 'ORDER_NOT_EXIST')) return undefined
      throw error
    }
    const transaction = transactionFromWeChat(parseJson(response.body, 'the query'))
    if (!transaction) throw new WeChatPayError('BAD_RESPONSE', 502, 'WeChat Pay answered the query with something other than a transaction')
    if (transaction.appId !== this.appId || transaction.mchId !== this.mchId || transaction.outTradeNo !== outTradeNo) {
      throw new WeChatPayError('BAD_RESPONSE', 502, 'WeChat Pay answered the query with another merchant’s or another order’s transaction')
    }
    return transaction
  }

  async close(outTradeNo: string): Promise<void> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`
    const response = await this.call('POST', path, { mchid: this.config.mchId })
    if (response.status !== 204 && response.status !== 200) throw this.failure(response, 'the close')
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    checkRefundRequest(request)
    const response = await this.call('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: request.outTradeNo,
      out_refund_no: request.outRefundNo,
      ...(request.reason ? { reason: request.reason } : {}),
      amount: { refund: request.refundFen, total: request.totalFen, currency: 'CNY' },
    })
    if (response.status !== 200) throw this.failure(response, 'the refund')
    const body = parseJson(response.body, 'the refund')
    const status = body.status as RefundResult['status']
    if (typeof body.refund_id !== 'string' || body.out_refund_no !== request.outRefundNo || !REFUND_STATUSES.includes(status)) {
      throw new WeChatPayError('BAD_RESPONSE', 502, 'WeChat Pay answered the refund without a refund id, its number or a known status')
    }
    return { outRefundNo: request.outRefundNo, refundId: body.refund_id, status }
  }

  verifyNotification(request: NotificationRequest, now: Date): Transaction {
    return parseNotification(request, this.config, now)
  }
}
