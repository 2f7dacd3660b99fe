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

/** Studio-wide settings (the booking policy and the studio's time zone, the order settings): the admin's. */
export const STUDIO_SETTINGS_EDITORS = ['admin'] as const

/**
 * Whether a person may change something that reaches the branches `branchIds` — absent: the whole
 * studio (its settings). Only admins work across branches; a manager changes what is their own
 * branch's alone, e.g. a package sold only there. A package sold in several branches is the
 * studio's, like its settings. The server refuses what this refuses; the app hides the way to it.
 */
export function mayChangeAcross(person: { roles: readonly Role[]; branchId?: string }, branchIds?: readonly string[]): boolean {
  if (person.roles.includes('admin')) return true
  if (!person.roles.includes('manager') || !branchIds?.length) return false
  return branchIds.every((branchId) => branchId === person.branchId)
}
