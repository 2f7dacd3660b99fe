import { z } from 'zod'
import { Empty, IdSchema, IsoDateTimeSchema, IsoDateSchema, Ok, PhoneSchema, PageQuerySchema } from './common'
import {
  AuditActionSchema,
  AuditEntrySchema,
  BranchSchema,
  CustomerProfileSchema,
  PrincipalSchema,
  StaffMemberSchema,
  StaffStatusSchema,
} from './entities'
import { bookingOperations } from './booking-operations'
import { catalogOperations } from './catalog-operations'
import { crmOperations } from './crm-operations'
import { orderOperations } from './order-operations'
import { financeOperations } from './finance-operations'
import { CustomerSchema } from './customers'
import { defineOperation } from './operation'
import { ANY_STAFF, StaffRoleSchema } from './roles'

const StudioCode = z.string().trim().toLowerCase().regex(/^[a-z0-9-]{2,32}$/, 'must be a studio code')
const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'must be 3–32 letters, digits, dots, dashes or underscores')
/** A new password: long enough to resist guessing, short enough to bound hashing work. */
export const NewPasswordSchema = z.string().min(8, 'must be at least 8 characters').max(128)
const DisplayName = z.string().trim().min(1).max(40)
const Roles = z
  .array(StaffRoleSchema)
  .min(1)
  .max(7)
  .refine((r) => new Set(r).size === r.length, 'must not repeat a role')

const SessionSchema = z.object({
  token: z.string(),
  expiresAt: IsoDateTimeSchema,
  principal: PrincipalSchema,
})

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().optional() })

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
  summary: 'Staff sign in with user name and password',
  tag: 'auth',
  input: z.strictObject({ studioCode: StudioCode, username: Username, password: z.string().min(1).max(128) }),
  output: SessionSchema,
  access: 'public',
})

export const wechatSignIn = defineOperation({
  name: 'auth.wechatSignIn',
  method: 'POST',
  path: '/auth/wechat/sign-in',
  summary: 'Customer sign in with the code from wx.login; the first sign-in creates the customer',
  tag: 'auth',
  input: z.strictObject({ studioCode: StudioCode, code: z.string().min(1).max(128), nickname: DisplayName.optional() }),
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

export const listStaff = defineOperation({
  name: 'staff.list',
  method: 'GET',
  path: '/staff',
  summary: 'Staff of the studio (a manager sees their own branch)',
  tag: 'staff',
  input: z.strictObject({
    branchId: IdSchema.optional(),
    includeDisabled: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
  }),
  output: z.object({ items: z.array(StaffMemberSchema) }),
  access: ['manager', 'admin'],
})

export const getStaff = defineOperation({
  name: 'staff.get',
  method: 'GET',
  path: '/staff/{staffId}',
  summary: 'One staff member',
  tag: 'staff',
  input: z.strictObject({ staffId: IdSchema }),
  output: StaffMemberSchema,
  access: ['manager', 'admin'],
})

export const createStaff = defineOperation({
  name: 'staff.create',
  method: 'POST',
  path: '/staff',
  summary: 'Create a staff account (a manager cannot grant manager or admin)',
  tag: 'staff',
  input: z.strictObject({
    username: Username,
    displayName: DisplayName,
    password: NewPasswordSchema,
    roles: Roles,
    branchId: IdSchema,
    phone: PhoneSchema.optional(),
  }),
  output: StaffMemberSchema,
  access: ['manager', 'admin'],
})

export const updateStaff = defineOperation({
  name: 'staff.update',
  method: 'PATCH',
  path: '/staff/{staffId}',
  summary: 'Edit a staff member’s name, phone, roles or branch (optimistic lock on version)',
  tag: 'staff',
  input: z
    .strictObject({
      staffId: IdSchema,
      version: z.number().int().min(1),
      displayName: DisplayName.optional(),
      phone: PhoneSchema.nullable().optional(),
      roles: Roles.optional(),
      branchId: IdSchema.optional(),
    })
    .refine((v) => v.displayName !== undefined || v.phone !== undefined || v.roles !== undefined || v.branchId !== undefined, {
      message: 'nothing to change',
    }),
  output: StaffMemberSchema,
  access: ['manager', 'admin'],
})

export const setStaffStatus = defineOperation({
  name: 'staff.setStatus',
  method: 'POST',
  path: '/staff/{staffId}/status',
  summary: 'Disable or re-enable a staff account; disabling ends its sessions',
  tag: 'staff',
  input: z.strictObject({ staffId: IdSchema, status: StaffStatusSchema }),
  output: StaffMemberSchema,
  access: ['manager', 'admin'],
})

export const resetStaffPassword = defineOperation({
  name: 'staff.resetPassword',
  method: 'POST',
  path: '/staff/{staffId}/password',
  summary: 'Set a new password for a staff member and lift any lockout',
  tag: 'staff',
  input: z.strictObject({ staffId: IdSchema, newPassword: NewPasswordSchema }),
  output: Ok,
  access: ['manager', 'admin'],
})

export const getMyProfile = defineOperation({
  name: 'customers.getMyProfile',
  method: 'GET',
  path: '/me/profile',
  summary: 'The signed-in customer’s own profile',
  tag: 'customers',
  input: Empty,
  output: CustomerProfileSchema,
  access: ['customer'],
})

export const updateMyProfile = defineOperation({
  name: 'customers.updateMyProfile',
  method: 'PATCH',
  path: '/me/profile',
  summary: 'The signed-in customer edits their own profile',
  tag: 'customers',
  input: z.strictObject({
    name: DisplayName.optional(),
    phone: PhoneSchema.optional(),
    partnerName: z.string().trim().max(40).optional(),
    weddingDate: IsoDateSchema.optional(),
    birthday: IsoDateSchema.optional(),
  }),
  output: CustomerProfileSchema,
  access: ['customer'],
})

export const getCustomer = defineOperation({
  name: 'customers.get',
  method: 'GET',
  path: '/customers/{customerId}',
  summary: 'A customer, for staff',
  tag: 'customers',
  input: z.strictObject({ customerId: IdSchema }),
  output: CustomerSchema,
  access: ['reception', 'photographer', 'makeup', 'retoucher', 'finance', 'manager', 'admin'],
})

export const listAudit = defineOperation({
  name: 'audit.list',
  method: 'GET',
  path: '/audit',
  summary: 'The audit log, newest first',
  tag: 'audit',
  input: PageQuerySchema.extend({ action: AuditActionSchema.optional() }),
  output: page(AuditEntrySchema),
  // Studio-wide (sign-ins and changes in every branch), so for admins only.
  access: ['admin'],
})

/** Every operation of the API, in the order the OpenAPI document lists them. */
export const operations = [
  health,
  staffSignIn,
  wechatSignIn,
  signOut,
  me,
  changePassword,
  listBranches,
  listStaff,
  getStaff,
  createStaff,
  updateStaff,
  setStaffStatus,
  resetStaffPassword,
  getMyProfile,
  updateMyProfile,
  getCustomer,
  listAudit,
  ...catalogOperations,
  ...crmOperations,
  ...bookingOperations,
  ...orderOperations,
  ...financeOperations,
] as const

export type OperationName = (typeof operations)[number]['name']
export type OperationByName<N extends OperationName> = Extract<(typeof operations)[number], { name: N }>
