import * as z from 'zod'
import { IdSchema, IsoDateTimeSchema, IsoDateSchema, PhoneSchema } from './common'
import { RoleSchema, StaffRoleSchema } from './roles'

export const StudioSchema = z.object({
  id: IdSchema,
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
})
export type Studio = z.infer<typeof StudioSchema>

/** Where a branch is on the map (GCJ-02, the coordinates Chinese maps and WeChat's openLocation use), set by its manager. */
export const BranchLocationSchema = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
})
export type BranchLocation = z.infer<typeof BranchLocationSchema>

export const BranchSchema = z.object({
  id: IdSchema,
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  location: BranchLocationSchema.optional(),
})
export type Branch = z.infer<typeof BranchSchema>

export const StaffStatusSchema = z.enum(['active', 'disabled'])

export const StaffMemberSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(StaffRoleSchema).min(1),
  branchId: IdSchema,
  phone: z.string().optional(),
  status: StaffStatusSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  version: z.number().int(),
})
export type StaffMember = z.infer<typeof StaffMemberSchema>

export const PrincipalSchema = z.object({
  kind: z.enum(['staff', 'customer']),
  id: IdSchema,
  studioId: IdSchema,
  studioName: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema).min(1),
  branchId: IdSchema.optional(),
})
export type Principal = z.infer<typeof PrincipalSchema>

export const CustomerProfileSchema = z.object({
  id: IdSchema,
  name: z.string(),
  phone: PhoneSchema.optional(),
  partnerName: z.string().optional(),
  weddingDate: IsoDateSchema.optional(),
  birthday: IsoDateSchema.optional(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
})
export type CustomerProfile = z.infer<typeof CustomerProfileSchema>

export const auditActions = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.locked',
  'auth.throttle_lifted',
  'auth.signed_out',
  'auth.password_changed',
  'customer.signed_up',
  'staff.created',
  'staff.updated',
  'staff.roles_changed',
  'staff.disabled',
  'staff.enabled',
  'staff.password_reset',
  'payment.captured',
  'payment.recorded',
  'payment.audited',
  'payment.refunded',
  'payment.rejected',
  'order.discounted',
  'order.updated',
  'order.imported',
  'studio.branch_added',
  'expense.recorded',
  'expense.edited',
  'expense.voided',
  'day.closed',
  'day.reopened',
  'commission.rule_saved',
  'settings.booking_policy_saved',
  'settings.orders_saved',
] as const
export const AuditActionSchema = z.enum(auditActions)
export type AuditAction = z.infer<typeof AuditActionSchema>

/** What an entry is about, read when the log is listed: the order, its customer and the amount. */
export const AuditSubjectSchema = z.object({
  orderId: IdSchema.optional(),
  packageName: z.string().optional(),
  /** The old system's order number, on an imported order. */
  orderNumber: z.string().optional(),
  customerId: IdSchema.optional(),
  customerName: z.string().optional(),
  amountFen: z.number().int().optional(),
})
export type AuditSubject = z.infer<typeof AuditSubjectSchema>

export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: IsoDateTimeSchema,
  action: AuditActionSchema,
  actorId: z.string().optional(),
  actorName: z.string().optional(),
  targetId: z.string().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
  about: AuditSubjectSchema.optional(),
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>
