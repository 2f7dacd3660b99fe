import tcb from '@cloudbase/node-sdk'
import { ulid } from 'ulid'
import { dispatch, findOperation } from '../api/dispatch'
import { errorBody } from '../api/respond'
import { DomainError } from '../domain/errors'
import { appAtColdStart } from './cold-start'
import { answerPayNotification, json, PAY_NOTIFY_PATH, rawBody } from './pay-notification'

/** What the mini-program sends through wx.cloud.callFunction. */
interface CloudCall {
  op?: unknown
  input?: unknown
  token?: unknown
}

/** What CloudBase's HTTP access service (HTTP 访问服务) passes for a request to the function's path. */
interface CloudHttpRequest {
  httpMethod: string
  path: string
  headers?: Record<string, string | undefined>
  body?: string
  isBase64Encoded?: boolean
}

const isHttpRequest = (event: unknown): event is CloudHttpRequest =>
  typeof (event as CloudHttpRequest)?.httpMethod === 'string' && typeof (event as CloudHttpRequest)?.path === 'string'

// Cold start: a bad configuration (e.g. a simulated WeChat adapter in production) stops the function here.
const ready = appAtColdStart()

/**
 * The WeChat CloudBase cloud function: the same operations as the HTTP API. WeChat's
 * cloud vouches for the caller's OPENID, so a customer's sign-in needs no code2session.
 * Called over HTTP, it takes WeChat Pay's notifications.
 */
export async function main(event: CloudCall | CloudHttpRequest, context?: { request_id?: string }) {
  const requestId = context?.request_id ?? ulid()
  const app = await ready().catch((error: unknown) => (error instanceof DomainError ? error : Promise.reject(error)))
  if (app instanceof DomainError) {
    const { status, body } = errorBody(app, requestId)
    return isHttpRequest(event) ? json(status, { code: 'FAIL', message: body.error.message }) : { status, ...body }
  }
  // WeChat Pay's notifications reach the same function over HTTP (notify_url on the HTTP access service's domain).
  if (isHttpRequest(event)) {
    if (event.httpMethod.toUpperCase() === 'POST' && event.path.endsWith(PAY_NOTIFY_PATH)) {
      return answerPayNotification(app, event.headers ?? {}, rawBody(event.body, event.isBase64Encoded))
    }
    return json(404, { code: 'NOT_FOUND', message: 'only WeChat Pay notifications are served over HTTP here' })
  }
  try {
    const op = typeof event.op === 'string' ? findOperation(event.op) : undefined
    if (!op) throw new DomainError('ROUTE_NOT_FOUND', `No operation named ${String(event.op)}`)
    const cloud = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
    const { openId } = cloud.auth().getUserInfo()
    // The caller's address as WeChat's runtime gives it (getWXContext's CLIENTIP): sign-in windows count per address.
    const { WX_CLIENTIP, WX_CLIENTIPV6 } = tcb.getCloudbaseContext()
    const result = await dispatch(app, op, event.input ?? {}, { token: typeof event.token === 'string' ? event.token : undefined }, {
      requestId,
      now: new Date(),
      trustedOpenId: openId || undefined,
      sourceIp: WX_CLIENTIP || WX_CLIENTIPV6 || undefined,
    })
    return { result }
  } catch (error) {
    const { status, body } = errorBody(error, requestId)
    return { status, ...body }
  }
}
