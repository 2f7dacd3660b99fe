import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda'
import { ulid } from 'ulid'
import { dispatch } from '../api/dispatch'
import { openApiDocument } from '../api/openapi'
import { errorBody } from '../api/respond'
import { matchRoute } from '../api/routes'
import { DomainError } from '../domain/errors'
import { composeApp } from '../composition'
import { loadConfig } from '../platform/config'
import { logger } from '../platform/logger'
import { PaymentNotificationError } from '../payments/ports'
import { handlePaymentNotification } from '../payments/crediting'

/** Where WeChat Pay posts its notifications (the notify_url of every prepay). */
export const PAY_NOTIFY_PATH = '/payments/wechat/notify'

/** Requests larger than this are refused before anything is parsed. */
export const MAX_BODY_BYTES = 256 * 1024

// Cold start: a bad configuration (e.g. a simulated WeChat adapter in production) stops the function here.
const app = composeApp(loadConfig())

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
})

function readBody(event: APIGatewayProxyEventV2): unknown {
  if (!event.body) return {}
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8')
  if (raw.byteLength > MAX_BODY_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB`)
  }
  const contentType = event.headers['content-type'] ?? event.headers['Content-Type'] ?? ''
  if (!/^application\/json\b/i.test(contentType)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.toString('utf8'))
  } catch {
    throw new DomainError('MALFORMED_JSON', 'The request body is not valid JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DomainError('VALIDATION_FAILED', 'The request body must be a JSON object', { fields: [{ path: '(body)', message: 'must be an object' }] })
  }
  return parsed
}

function bearerToken(event: APIGatewayProxyEventV2): string | undefined {
  const header = event.headers.authorization ?? event.headers.Authorization
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return match?.[1]
}

/**
 * WeChat Pay's notification, answered the way WeChat Pay expects: 204 once handled (or
 * already handled), 401 with code FAIL for anything that does not verify — nothing is
 * changed by it — and 500 FAIL when it should be sent again later.
 */
async function payNotification(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8')) : Buffer.alloc(0)
  if (raw.byteLength > MAX_BODY_BYTES) return json(413, { code: 'FAIL', message: 'too large' })
  try {
    const outcome = await handlePaymentNotification(app, { headers: event.headers, body: raw.toString('utf8') }, new Date())
    logger.info('payment notification', { outcome })
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

export async function handler(event: APIGatewayProxyEventV2, context?: Pick<Context, 'awsRequestId'>): Promise<APIGatewayProxyStructuredResultV2> {
  const requestId = context?.awsRequestId || ulid()
  const method = event.requestContext.http.method.toUpperCase()
  const path = event.rawPath.replace(/^\/api(?=\/)/, '')
  logger.appendKeys({ requestId })
  try {
    if (method === 'GET' && path === '/openapi.json') return json(200, openApiDocument())
    if (method === 'POST' && path === PAY_NOTIFY_PATH) return await payNotification(event)
    const route = matchRoute(method, path)
    if (route.kind === 'none') throw new DomainError('ROUTE_NOT_FOUND', `No operation at ${method} ${path}`)
    if (route.kind === 'wrong-method') {
      throw new DomainError('METHOD_NOT_ALLOWED', `${path} answers ${route.allowed.join(', ')}, not ${method}`)
    }
    const body = method === 'GET' ? {} : readBody(event)
    const input = { ...(event.queryStringParameters ?? {}), ...(body as object), ...route.pathParams }
    const result = await dispatch(app, route.op, input, { token: bearerToken(event) }, {
      requestId,
      now: new Date(),
      sourceIp: event.requestContext.http.sourceIp,
    })
    logger.info('operation done', { op: route.op.name, status: 200 })
    return json(200, result)
  } catch (error) {
    const { status, body } = errorBody(error, requestId)
    if (status < 500) logger.info('operation refused', { status, code: body.error.code })
    return json(status, body, status === 423 || status === 429 ? { 'retry-after': String(body.error.details?.retryAfterSeconds ?? 60) } : {})
  } finally {
    logger.removeKeys(['requestId'])
  }
}
