import * as z from 'zod'
import { DisplayNameSchema, NewPasswordSchema, StudioCodeSchema, UsernameSchema } from './identity-operations'

/** A time zone the runtime knows (IANA name), e.g. Asia/Shanghai. */
export const TimeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}, 'must be an IANA time zone such as Asia/Shanghai')

export const NewBranchSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(40),
  address: z.string().trim().max(120).default(''),
  phone: z.string().trim().max(40).default(''),
})
export type NewBranch = z.infer<typeof NewBranchSchema>

/** What an operator gives to open a studio on a stage: checked whole before anything is written. */
export const StudioOpeningSchema = z.strictObject({
  code: StudioCodeSchema,
  name: z.string().trim().min(1, 'must not be empty').max(60),
  timeZone: TimeZoneSchema.default('Asia/Shanghai'),
  branches: z.array(NewBranchSchema).min(1, 'needs at least one branch').max(20),
  admin: z.strictObject({
    username: UsernameSchema,
    displayName: DisplayNameSchema,
    password: NewPasswordSchema,
  }),
})
export type StudioOpening = z.infer<typeof StudioOpeningSchema>

export const StudioListingSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), timeZone: z.string(), branches: z.number().int() })
export type StudioListing = z.infer<typeof StudioListingSchema>
