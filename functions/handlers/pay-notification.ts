import type { AppDeps } from '../api/implementations'
import { logger } from '../platform/logger'
import { countPayNotification } from '../platform/metrics'
import { PaymentNotificationError } from '../payments/ports'
import { handlePaymentNotification } from '../payments/crediting'

/** Where WeChat Pay posts its notifications (the notify_url of every prepay), on AWS and in WeChat's cloud. */
export const PAY_NOTIFY_PATH = '/payments/wechat/notify'

/** Requests larger than this are refused before anything is parsed. */
export const MAX_BODY_BYTES = 256 * 1024

export interface HttpAnswer {
  statusCode: number
  headers: Record<string, string>
  body: string
}

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpAnswer => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
})

/** An HTTP body as bytes, however the gateway passed it. */
export const rawBody = (body: string | undefined | null, isBase64Encoded?: boolean) =>
  body ? (isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8')) : Buffer.alloc(0)

/**
 * WeChat Pay's notification, answered the way WeChat Pay expects: 204 once handled (or
 * already handled), 401 with code FAIL for anything that does not verify — nothing is
 * changed by it — and 500 FAIL when it should be sent again later.
 */
export async function answerPayNotification(app: AppDeps, headers: Record<string, string | undefined>, raw: Buffer): Promise<HttpAnswer> {
  if (raw.byteLength > MAX_BODY_BYTES) return json(413, { code: 'FAIL', message: 'too large' })
  try {
    const outcome = await handlePaymentNotification(app, { headers, body: raw.toString('utf8') }, new Date())
    logger.info('payment notification', { outcome })
    countPayNotification(outcome)
    return { statusCode: 204, headers: {}, body: '' }
  } catch (error) {
    if (error instanceof PaymentNotificationError) {
      logger.warn('payment notification refused', { reason: error.reason })
      return json(401, { code: 'FAIL', message: error.reason })
    }
    logger.error('payment notification failed', { error: String(error) })
    return json(500, { code: 'FAIL', message: 'try again' })
  }
}
