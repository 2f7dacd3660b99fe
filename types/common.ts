import { z } from 'zod'

/** ULIDs: opaque, sortable identifiers. */
export const IdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id')
export const IsoDateTimeSchema = z.iso.datetime({ offset: true })
export const IsoDateSchema = z.iso.date()
export const LocaleSchema = z.enum(['zh-CN', 'en-US'])
export type Locale = z.infer<typeof LocaleSchema>

/** Mainland mobile (11 digits starting 1[3-9]) or an international number with its country code. */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|\+\d{6,15})$/, 'must be a mainland mobile number or +<country code><number>')

export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2048).optional(),
})

export const Empty = z.strictObject({})
export const Ok = z.object({ ok: z.literal(true) })
