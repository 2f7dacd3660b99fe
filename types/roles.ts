import * as z from 'zod'
import { mayChangeAcross, MONEY_DESK, roles, SEES_MONEY, seesMoney, staffRoles, STUDIO_SETTINGS_EDITORS } from './vocabulary'

export { mayChangeAcross, MONEY_DESK, roles, SEES_MONEY, seesMoney, staffRoles, STUDIO_SETTINGS_EDITORS }

export const RoleSchema = z.enum(roles)
export type Role = z.infer<typeof RoleSchema>
export const StaffRoleSchema = z.enum(staffRoles)
export type StaffRole = z.infer<typeof StaffRoleSchema>

/** Everyone on the studio's staff, i.e. every role but customer. */
export const ANY_STAFF: readonly StaffRole[] = staffRoles
