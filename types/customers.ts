import * as z from 'zod'
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, PhoneSchema } from './common'
import { sourceChannels } from './vocabulary'

export { sourceChannels }

export const SourceChannelSchema = z.enum(sourceChannels)
export type SourceChannel = z.infer<typeof SourceChannelSchema>

/** Tags are written to CSV joined by commas; the characters an import splits on may not appear in one. */
export const TagSchema = z
  .string()
  .trim()
  .min(1)
  .max(16)
  .regex(/^[^#,，;；、|/]+$/, 'must not contain # , ， ; ； 、 | or /')
export const TagsSchema = z
  .array(TagSchema)
  .max(20)
  .refine((t) => new Set(t).size === t.length, 'must not repeat a tag')

/** What reception fills in for a customer. */
export const CustomerFieldsSchema = z.strictObject({
  name: z.string().trim().min(1).max(40),
  phone: PhoneSchema,
  partnerName: z.string().trim().max(40).optional(),
  weddingDate: IsoDateSchema.optional(),
  birthday: IsoDateSchema.optional(),
  source: SourceChannelSchema.optional(),
  tags: TagsSchema.default([]),
  notes: z.string().max(2000).optional(),
})

/** The studio's view of a customer: everything, including internal tags and notes. */
export const CustomerSchema = z.object({
  id: IdSchema,
  name: z.string(),
  phone: z.string().optional(),
  partnerName: z.string().optional(),
  weddingDate: IsoDateSchema.optional(),
  birthday: IsoDateSchema.optional(),
  source: SourceChannelSchema.optional(),
  tags: z.array(z.string()),
  notes: z.string().optional(),
  hasWeChat: z.boolean(),
  /** False when the phone was typed in by the customer and no one at the studio has confirmed it. */
  phoneVerified: z.boolean(),
  version: z.number().int(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
})
export type Customer = z.infer<typeof CustomerSchema>

export const followUpOutcomes = ['reached', 'no_answer', 'booked', 'not_interested', 'later'] as const

export const FollowUpSchema = z.object({
  id: IdSchema,
  customerId: IdSchema,
  customerName: z.string(),
  dueDate: IsoDateSchema,
  assigneeId: IdSchema.optional(),
  note: z.string(),
  status: z.enum(['open', 'done']),
  outcome: z.enum(followUpOutcomes).optional(),
  outcomeNote: z.string().optional(),
  createdAt: IsoDateTimeSchema,
  completedAt: IsoDateTimeSchema.optional(),
})
export type FollowUp = z.infer<typeof FollowUpSchema>

/** A customer's file: profile, follow-ups, orders, appointments and payments (refunds negative). */
export const CustomerHistorySchema = z.object({
  customer: CustomerSchema,
  followUps: z.array(FollowUpSchema),
  orders: z.array(z.object({ id: IdSchema, summary: z.string(), stage: z.string(), totalFen: z.number().int(), balanceFen: z.number().int(), createdAt: IsoDateTimeSchema })),
  appointments: z.array(z.object({ id: IdSchema, kind: z.string(), startsAt: IsoDateTimeSchema, status: z.string() })),
  payments: z.array(z.object({ id: z.string(), orderId: IdSchema, kind: z.string(), amountFen: z.number().int(), method: z.string(), audited: z.boolean(), at: IsoDateTimeSchema })),
})

/** What is wrong with a line of an imported file, as a code the app puts in words (import.problem.<code>) with its values. */
export const importProblems = [
  'MISSING',
  'NOT_A_DATE',
  'UNKNOWN_SOURCE',
  'BAD_PHONE',
  'BAD_VALUE',
  'REPEATED_PHONE',
  'NOT_AN_AMOUNT',
  'UNKNOWN_STAGE',
  'BAD_PAYMENTS',
  'TOO_MANY_PAYMENTS',
  'PAYMENTS_DO_NOT_ADD_UP',
  'PAID_OVER_TOTAL',
  'COMPLETED_WITH_BALANCE',
  'PAYMENTS_BEFORE_DEPOSIT',
  'REPEATED_ORDER_NUMBER',
  'UNKNOWN_PACKAGE',
  'UNKNOWN_CUSTOMER',
  'NOT_SAVED',
] as const
export type ImportProblem = (typeof importProblems)[number]

export const ImportRowErrorSchema = z.object({
  line: z.number().int(),
  column: z.string(),
  code: z.enum(importProblems),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('what the words of the code name: the value read, an amount in yuan, a line'),
  reason: z.string().describe('the same in English, for logs and the command line'),
})

/** In a dry run, created/updated/skipped say what the real run would do. */
export const ImportReportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  errors: z.array(ImportRowErrorSchema),
  columns: z.record(z.string(), z.string()).describe('file header → customer field'),
})
export type ImportReport = z.infer<typeof ImportReportSchema>
