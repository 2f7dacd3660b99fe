import type { Access } from '../lib/access'
import { canUse } from '../lib/access'
import { useRequiredSession } from './useRequiredSession'

/** The staff session of a page guarded by `access`, and whether this person may use it. */
export function useStaffPage(access: Access) {
  const session = useRequiredSession('staff')
  return { session, allowed: session !== null && canUse(session.principal, access) }
}
