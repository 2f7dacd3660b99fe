import { ERROR_STATUS, type ErrorCode } from '../../types/error-codes'
import type { FieldIssue } from '../../types/errors'
import type { Shortage } from '../../types/inventory'

/** An expected failure with a stable code; the handlers turn it into the API's error shape. */
export class DomainError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { fields?: FieldIssue[]; retryAfterSeconds?: number; nextFreeTimes?: string[]; shortages?: Shortage[] },
  ) {
    super(message)
    this.name = 'DomainError'
    this.status = ERROR_STATUS[code]
  }
}

export const forbidden = (message = 'You may not do this') => new DomainError('FORBIDDEN', message)
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`)
/** An id given as a reference that names nothing of the caller's studio. */
export const unknownReference = (path: string, what: string) =>
  new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path, message: `is not a ${what} of this studio` }] })
