import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda'
import { ulid } from 'ulid'
import type { AppDeps } from '../api/implementations'
import type { AppReady } from './cold-start'
import { errorBody } from '../api/respond'
import { matchRoute } from '../api/routes'
import { runOperation, type ServedOperations } from '../api/serve'
import { DomainError } from '../domain/errors'
import { logger } from '../platform/logger'
import { countError, countOperation, publishMetrics } from '../platform/metrics'
import { json, MAX_BODY_BYTES, rawBody } from './pay-notification'

type HttpEvent = APIGatewayProxyEventV2
type HttpResult = APIGatewayProxyStructuredResultV2

function readBody(event: HttpEvent): unknown {
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

function bearerToken(event: HttpEvent): string | undefined {
  const header = event.headers.authorization ?? event.headers.Authorization
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return match?.[1]
}

/** A failure as the API answers it; a refusal to come back later (423, 429, 503) says when in `retry-after`. */
function errorAnswer(error: unknown, requestId: string): HttpResult {
  const { status, body } = errorBody(error, requestId)
  if (status < 500) logger.info('operation refused', { status, code: body.error.code })
  countError(body.error.code)
  return json(status, body, status === 423 || status === 429 || status === 503 ? { 'retry-after': String(body.error.details?.retryAfterSeconds ?? 60) } : {})
}

/** A path a function answers itself, outside the declared operations (WeChat Pay's notifications, the OpenAPI document). */
export type OwnPaths = (app: AppDeps, method: string, path: string, event: HttpEvent) => Promise<HttpResult> | HttpResult | undefined

/**
 * The Lambda handler of an HTTP API function serving `served` (the declared operations it
 * has the use cases of) and its own paths: routes the request to its operation, runs it
 * (see runOperation), and answers in the API's JSON and error shape.
 */
export function httpHandler(ready: AppReady, served: ServedOperations, ownPaths?: OwnPaths) {
  return async function handler(event: HttpEvent, context?: Pick<Context, 'awsRequestId'>): Promise<HttpResult> {
    const requestId = context?.awsRequestId || ulid()
    // The secrets store failing at cold start is an answer (503, read again next time), not a crash.
    const app = await ready().catch((error: unknown) => (error instanceof DomainError ? error : Promise.reject(error)))
    if (app instanceof DomainError) return errorAnswer(app, requestId)
    const method = event.requestContext.http.method.toUpperCase()
    const path = event.rawPath.replace(/^\/api(?=\/)/, '')
    logger.appendKeys({ requestId })
    try {
      const own = ownPaths?.(app, method, path, event)
      if (own) return await own
      const route = matchRoute(method, path)
      if (route.kind === 'found') logger.appendKeys({ operation: route.op.name })
      if (route.kind === 'none') throw new DomainError('ROUTE_NOT_FOUND', `No operation at ${method} ${path}`)
      if (route.kind === 'wrong-method') {
        throw new DomainError('METHOD_NOT_ALLOWED', `${path} answers ${route.allowed.join(', ')}, not ${method}`)
      }
      const body = method === 'GET' ? {} : readBody(event)
      const input = { ...(event.queryStringParameters ?? {}), ...(body as object), ...route.pathParams }
      const result = await runOperation(served, app, route.op, input, { token: bearerToken(event) }, {
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
}
