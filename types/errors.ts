import * as z from 'zod'
import { ShortageSchema } from './inventory'

/** Stable error codes: clients localise messages from these, never from the text. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  REQUEST_ID_REUSED: 409,
  USERNAME_TAKEN: 409,
  PHONE_TAKEN: 409,
  VERSION_CONFLICT: 409,
  SLOT_TAKEN: 409,
  ILLEGAL_TRANSITION: 409,
  SELECTION_LOCKED: 409,
  STOCK_SHORT: 409,
  DAY_CLOSED: 409,
  DISCOUNT_NEEDS_MANAGER: 403,
  BALANCE_DUE: 412,
  OVERPAYMENT: 412,
  NOTHING_TO_PAY: 412,
  WECHAT_CODE_INVALID: 400,
  PAYMENT_PROVIDER_ERROR: 502,
  UPSTREAM_REFUSED: 502,
  UPSTREAM_UNAVAILABLE: 503,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS
export const errorCodes = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]
export const ErrorCodeSchema = z.enum(errorCodes)

export const FieldIssueSchema = z.object({
  path: z.string().describe('Dotted path of the offending field, e.g. "roles.0"'),
  message: z.string(),
})
export type FieldIssue = z.infer<typeof FieldIssueSchema>

export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    requestId: z.string().optional(),
    details: z
      .object({
        fields: z.array(FieldIssueSchema).optional(),
        retryAfterSeconds: z.number().int().optional(),
        /** With SLOT_TAKEN: the next free start times, soonest first. */
        nextFreeTimes: z.array(z.string()).optional(),
        /** With STOCK_SHORT: every item short, and by how much. */
        shortages: z.array(ShortageSchema).optional(),
      })
      .optional(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBodySchema>
