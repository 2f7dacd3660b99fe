import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda'
import { ulid } from 'ulid'
import { dispatch } from '../api/dispatch'
import { openApiDocument } from '../api/openapi'
import { errorBody } from '../api/respond'
import { matchRoute } from '../api/routes'
import { DomainError } from '../domain/errors'
import { appAtColdStart } from './cold-start'
import { logger } from '../platform/logger'
import { countError, countOperation, publishMetrics } from '../platform/metrics'
import { answerPayNotification, json, MAX_BODY_BYTES, PAY_NOTIFY_PATH, rawBody } from './pay-notification'

// Cold start: a bad configuration (e.g. a simulated WeChat adapter in production) stops the function here.
const ready = appAtColdStart()

function readBody(event: APIGatewayProxyEventV2): unknown {
  if (!event.body) return {}
  const raw = rawBody(event.body, event.isBase64Encoded)
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

/** A failure as the API answers it; a refusal to come back later (423, 429, 503) says when in `retry-after`. */
function errorAnswer(error: unknown, requestId: string) {
  const { status, body } = errorBody(error, requestId)
  if (status < 500) logger.info('operation refused', { status, code: body.error.code })
  countError(body.error.code)
  return json(status, body, status === 423 || status === 429 || status === 503 ? { 'retry-after': String(body.error.details?.retryAfterSeconds ?? 60) } : {})
}

export async function handler(event: APIGatewayProxyEventV2, context?: Pick<Context, 'awsRequestId'>): Promise<APIGatewayProxyStructuredResultV2> {
  const requestId = context?.awsRequestId || ulid()
  const app = await ready().catch((error: unknown) => (error instanceof DomainError ? error : Promise.reject(error)))
  if (app instanceof DomainError) return errorAnswer(app, requestId)
  const method = event.requestContext.http.method.toUpperCase()
  const path = event.rawPath.replace(/^\/api(?=\/)/, '')
  logger.appendKeys({ requestId })
  try {
    if (method === 'GET' && path === '/openapi.json') return json(200, openApiDocument())
    if (method === 'POST' && path === PAY_NOTIFY_PATH) return await answerPayNotification(app, event.headers, rawBody(event.body, event.isBase64Encoded))
    const route = matchRoute(method, path)
    if (route.kind === 'found') logger.appendKeys({ operation: route.op.name })
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
    logger.info('operation done', { status: 200 })
    countOperation(route.op.name)
    return json(200, result)
  } catch (error) {
    return errorAnswer(error, requestId)
  } finally {
    publishMetrics()
    logger.removeKeys(['requestId', 'operation', 'studio'])
  }
}
