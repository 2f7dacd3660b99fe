import type { Operation } from '../../types/operation'
import type { Role, StaffRole } from '../../types/roles'
import { mayChangeAcross, staffRoles } from '../../types/vocabulary'
import { forbidden } from './errors'

/**
 * The permission matrix is the `access` list of each operation declaration in
 * types/operations.ts; this module only reads it, so there is one place to change.
 */
export function mayCall(op: Pick<Operation, 'access'>, roles: readonly Role[]): boolean {
  if (op.access === 'public') return true
  return roles.some((role) => op.access.includes(role))
}

/** Roles a manager may not hand out: only an admin creates managers and admins. */
const ADMIN_ONLY_GRANTS: readonly StaffRole[] = ['manager', 'admin']

export interface Actor {
  roles: readonly Role[]
  branchId?: string
}

export const isAdmin = (actor: Actor) => actor.roles.includes('admin')

/** Whether the actor may manage staff of `branchId` and grant them `roles`. */
export function staffGrantViolation(actor: Actor, target: { branchId: string; roles: readonly StaffRole[] }): string | undefined {
  if (isAdmin(actor)) return undefined
  if (!actor.roles.includes('manager')) return 'only managers and admins manage staff'
  if (actor.branchId !== target.branchId) return 'a manager manages the staff of their own branch only'
  const granted = target.roles.filter((r) => ADMIN_ONLY_GRANTS.includes(r))
  if (granted.length > 0) return `a manager cannot grant ${granted.join(', ')}`
  return undefined
}

/**
 * Refuses a change reaching beyond the actor's own branch (`branchIds`; absent: the studio's
 * settings) unless the actor is an admin: the one rule for studio-wide settings and packages.
 */
export function assertMayChangeAcross(actor: Actor, branchIds?: readonly string[]): void {
  if (mayChangeAcross(actor, branchIds)) return
  throw forbidden(branchIds ? 'This is sold beyond your own branch: only the studio’s admin changes it' : 'Only the studio’s admin changes the studio’s settings')
}

/** Branches an actor may read; undefined means every branch of the studio. */
export function branchScope(actor: Actor): string | undefined {
  return isAdmin(actor) ? undefined : actor.branchId
}

/**
 * Whether a record of `branchId` is the actor's to see and act on: admins and customers
 * (who see only their own records) everywhere, other staff within their own branch.
 * A record with no branch belongs to the whole studio.
 */
export function withinBranch(actor: Actor & { kind?: 'staff' | 'customer' }, branchId: string | undefined): boolean {
  if (actor.kind === 'customer' || !branchId) return true
  const scope = branchScope(actor)
  return !scope || scope === branchId
}

/** Whether an actor's role is one of the staff's (not a customer, not the system). */
export const isStaffRole = (role: string): role is StaffRole => (staffRoles as readonly string[]).includes(role)
