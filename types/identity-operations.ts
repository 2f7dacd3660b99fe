import * as z from 'zod'
import { Empty, IsoDateTimeSchema, Ok, PageQuerySchema } from './common'
import { AuditActionSchema, AuditEntrySchema, BranchSchema, PrincipalSchema } from './entities'
import { defineOperation } from './operation'
import { ANY_STAFF } from './roles'

export const StudioCodeSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9-]{2,32}$/, 'must be a studio code')
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'must be 3–32 letters, digits, dots, dashes or underscores')
/** A new password: long enough to resist guessing, short enough to bound hashing work. */
export const NewPasswordSchema = z.string().min(8, 'must be at least 8 characters').max(128)
export const DisplayNameSchema = z.string().trim().min(1).max(40)

const SessionSchema = z.object({
  token: z.string(),
  expiresAt: IsoDateTimeSchema,
  principal: PrincipalSchema,
})

/** A page of items and the cursor of the next one. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().optional() })

export const health = defineOperation({
  name: 'system.health',
  method: 'GET',
  path: '/health',
  summary: 'Liveness: the API answers and reaches its table',
  tag: 'system',
  input: Empty,
  output: z.object({ ok: z.literal(true), stage: z.string() }),
  access: 'public',
})

export const staffSignIn = defineOperation({
  name: 'auth.staffSignIn',
  method: 'POST',
  path: '/auth/staff/sign-in',
  summary: 'Staff sign in with user name and password (and the device token of an earlier sign-in on this device, which has a gentler throttle of its own)',
  tag: 'auth',
  input: z.strictObject({
    studioCode: StudioCodeSchema,
    username: UsernameSchema,
    password: z.string().min(1).max(128),
    deviceToken: z.string().min(1).max(1000).optional(),
  }),
  output: SessionSchema.extend({ deviceToken: z.string().describe('Send it with the next sign-in of this account on this device') }),
  access: 'public',
})

export const wechatSignIn = defineOperation({
  name: 'auth.wechatSignIn',
  method: 'POST',
  path: '/auth/wechat/sign-in',
  summary: 'Customer sign in with the code from wx.login; the first sign-in creates the customer',
  tag: 'auth',
  input: z.strictObject({ studioCode: StudioCodeSchema, code: z.string().min(1).max(128), nickname: DisplayNameSchema.optional() }),
  output: SessionSchema.extend({ isNewCustomer: z.boolean() }),
  access: 'public',
})

export const signOut = defineOperation({
  name: 'auth.signOut',
  method: 'POST',
  path: '/auth/sign-out',
  summary: 'Revoke the current session',
  tag: 'auth',
  input: Empty,
  output: Ok,
  access: ['customer', ...ANY_STAFF],
})

export const me = defineOperation({
  name: 'auth.me',
  method: 'GET',
  path: '/auth/me',
  summary: 'Who the caller is',
  tag: 'auth',
  input: Empty,
  output: PrincipalSchema,
  access: ['customer', ...ANY_STAFF],
})

export const changePassword = defineOperation({
  name: 'auth.changePassword',
  method: 'POST',
  path: '/auth/password',
  summary: 'Change the caller’s own password; other sessions are signed out',
  tag: 'auth',
  input: z
    .strictObject({ currentPassword: z.string().min(1).max(128), newPassword: NewPasswordSchema })
    .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], message: 'must differ from the current password' }),
  output: Ok,
  access: ANY_STAFF,
})

export const listBranches = defineOperation({
  name: 'branches.list',
  method: 'GET',
  path: '/branches',
  summary: 'The studio’s branches',
  tag: 'studio',
  input: Empty,
  output: z.object({ items: z.array(BranchSchema) }),
  access: ['customer', ...ANY_STAFF],
})

export const listAudit = defineOperation({
  name: 'audit.list',
  method: 'GET',
  path: '/audit',
  summary: 'The audit log, newest first',
  tag: 'audit',
  input: PageQuerySchema.extend({ action: AuditActionSchema.optional() }),
  output: pageOf(AuditEntrySchema),
  // Studio-wide (sign-ins and changes in every branch), so for admins only.
  access: ['admin'],
})

export const identityOperations = [health, staffSignIn, wechatSignIn, signOut, me, changePassword, listBranches, listAudit] as const
