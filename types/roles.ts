import * as z from 'zod'
import { MONEY_DESK, roles, SEES_MONEY, seesMoney, staffRoles } from './vocabulary'

export { MONEY_DESK, roles, SEES_MONEY, seesMoney, staffRoles }

export const RoleSchema = z.enum(roles)
export type Role = z.infer<typeof RoleSchema>
export const StaffRoleSchema = z.enum(staffRoles)
export type StaffRole = z.infer<typeof StaffRoleSchema>

/** Everyone on the studio's staff, i.e. every role but customer. */
export const ANY_STAFF: readonly StaffRole[] = staffRoles
