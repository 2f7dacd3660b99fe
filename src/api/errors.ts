import { ERROR_STATUS, type ErrorCode, type FieldIssue } from '../../types/errors'
import type { Shortage } from '../../types/inventory'

/** The API's error codes plus the one only a client can observe: the request never got an answer. */
export type ClientErrorCode = ErrorCode | 'NETWORK'

export class ApiError extends Error {
  readonly code: ClientErrorCode
  readonly fields: FieldIssue[]
  readonly status?: number
  readonly requestId?: string
  /** With SLOT_TAKEN: the next free start times, soonest first, to offer instead. */
  readonly nextFreeTimes: string[]
  /** With STOCK_SHORT: every material short, and by how much. */
  readonly shortages: Shortage[]

  constructor(
    code: ClientErrorCode,
    message: string,
    options: { fields?: FieldIssue[]; status?: number; requestId?: string; nextFreeTimes?: string[]; shortages?: Shortage[] } = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.fields = options.fields ?? []
    this.status = options.status ?? (code === 'NETWORK' ? undefined : ERROR_STATUS[code])
    this.requestId = options.requestId
    this.nextFreeTimes = options.nextFreeTimes ?? []
    this.shortages = options.shortages ?? []
  }
}

/** Anything a call can throw, as an ApiError: a programming error shows as INTERNAL, never as a crash. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new ApiError('INTERNAL', message)
}
