import { ZodError } from 'zod'
import type { ErrorBody } from '../../types/errors'
import { DomainError } from '../domain/errors'
import { logger } from '../platform/logger'
import { fieldIssues } from './serve'

/** The one place that turns a failure into the API's error shape. Unexpected errors say nothing of their internals. */
export function errorBody(error: unknown, requestId: string): { status: number; body: ErrorBody } {
  if (error instanceof DomainError) {
    if (error.status >= 500) logger.error('domain failure', { requestId, error })
    return { status: error.status, body: { error: { code: error.code, message: error.message, requestId, details: error.details } } }
  }
  if (error instanceof ZodError) {
    // An output that does not match its declaration is our bug, not the caller's.
    logger.error('response failed its schema', { requestId, issues: fieldIssues(error) })
  } else {
    logger.error('unexpected failure', { requestId, error: error as Error })
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side; please try again. Quote this request id if it persists.', requestId } },
  }
}
