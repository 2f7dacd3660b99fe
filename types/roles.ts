import * as z from 'zod'
import { roles, staffRoles } from './vocabulary'

export { roles, staffRoles }

export const RoleSchema = z.enum(roles)
export type Role = z.infer<typeof RoleSchema>
export const StaffRoleSchema = z.enum(staffRoles)
export type StaffRole = z.infer<typeof StaffRoleSchema>

/** Everyone on the studio's staff, i.e. every role but customer. */
export const ANY_STAFF: readonly StaffRole[] = staffRoles

/** Who takes money at the desk. */
export const MONEY_DESK = ['reception', 'finance', 'manager', 'admin'] as const
