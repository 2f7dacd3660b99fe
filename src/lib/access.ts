import type { Principal } from '../../types/entities'
import type { Operation } from '../../types/operation'
import type { Role } from '../../types/roles'

export type Access = Operation['access']

/** Whether a person may use something guarded by `access` — the same rule the server applies to an operation. */
export function canUse(principal: Principal | undefined, access: Access): boolean {
  if (access === 'public') return true
  return principal !== undefined && principal.roles.some((role: Role) => access.includes(role))
}

/** The staff side of an operation customers use too, e.g. booking: who may do it from the workspace. */
export function staffAccess(access: Access): Access {
  return access === 'public' ? access : access.filter((role) => role !== 'customer')
}
