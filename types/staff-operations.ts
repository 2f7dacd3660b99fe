import * as z from 'zod'
import { IdSchema, Ok, PhoneSchema } from './common'
import { StaffMemberSchema, StaffStatusSchema } from './entities'
import { DisplayNameSchema, NewPasswordSchema, UsernameSchema } from './identity-operations'
import { defineOperation } from './operation'
import { StaffRoleSchema } from './roles'

const Roles = z
  .array(StaffRoleSchema)
  .min(1)
  .max(7)
  .refine((r) => new Set(r).size === r.length, 'must not repeat a role')

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
    username: UsernameSchema,
    displayName: DisplayNameSchema,
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
      displayName: DisplayNameSchema.optional(),
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

export const liftSignInThrottle = defineOperation({
  name: 'staff.liftSignInThrottle',
  method: 'POST',
  path: '/staff/{staffId}/sign-in-throttle/lift',
  summary: 'Let a staff member sign in again at once after too many wrong passwords',
  tag: 'staff',
  input: z.strictObject({ staffId: IdSchema }),
  output: Ok,
  access: ['manager', 'admin'],
})

export const staffOperations = [listStaff, getStaff, createStaff, updateStaff, setStaffStatus, resetStaffPassword, liftSignInThrottle] as const
