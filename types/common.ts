import * as z from 'zod'

/** ULIDs: opaque, sortable identifiers. */
export const IdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id')
/** A client-made id for a money operation: the same request sent twice is applied once. */
export const RequestIdSchema = IdSchema.describe('Client-generated ULID; a retried request with the same id is applied once')
/** The years the studio's calendar, its customers' birthdays and its records can name; anything outside is a typing slip. */
export const FIRST_YEAR = 1900
export const LAST_YEAR = 2199
const yearOf = (iso: string) => Number(iso.slice(0, 4))
const inRange = (iso: string) => yearOf(iso) >= FIRST_YEAR && yearOf(iso) <= LAST_YEAR
export const IsoDateTimeSchema = z.iso
  .datetime({ offset: true })
  .refine(inRange, { message: `must be between the years ${FIRST_YEAR} and ${LAST_YEAR}`, abort: true })
export const IsoDateSchema = z.iso.date().refine(inRange, { message: `must be between ${FIRST_YEAR}-01-01 and ${LAST_YEAR}-12-31`, abort: true })
export const LocaleSchema = z.enum(['zh-CN', 'en-US'])
export type Locale = z.infer<typeof LocaleSchema>

/** Mainland mobile (11 digits starting 1[3-9]) or an international number with its country code. */
export const PhoneSchema = z
  .string()
  .transform((v) => normalizePhone(v))
  .pipe(z.string().regex(/^(1[3-9]\d{9}|\+\d{6,15})$/, 'must be a mainland mobile number or +<country code><number>'))

/** Spaces, dashes and brackets go; +86 mobile numbers are kept in their 11-digit form so each person has one key. */
export function normalizePhone(raw: string): string {
  const compact = raw.trim().replace(/[\s\-()（）]/g, '')
  const mainland = /^(?:\+?86|0086)(1[3-9]\d{9})$/.exec(compact)
  return mainland ? mainland[1]! : compact.replace(/^00/, '+')
}

export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2048).optional(),
})

export const Empty = z.strictObject({})
export const Ok = z.object({ ok: z.literal(true) })
