import * as z from 'zod'
import { ERROR_STATUS, type ErrorCode } from './error-codes'
import { ShortageSchema } from './inventory'

export { ERROR_STATUS, type ErrorCode }

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
