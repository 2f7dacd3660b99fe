import type { Actor } from '../../types/orders'
import type { Role } from '../../types/roles'

/** Who is calling, established from a live session. */
export interface Caller {
  kind: 'staff' | 'customer'
  id: string
  studioId: string
  roles: Role[]
  branchId?: string
  displayName: string
  sessionId: string
}

export interface RequestContext {
  requestId: string
  now: Date
  caller?: Caller
  /** Set by the CloudBase entry: the OPENID WeChat's cloud vouches for. */
  trustedOpenId?: string
  sourceIp?: string
}

/** The caller of an operation that requires a session (the dispatcher guarantees it). */
export function callerOf(ctx: RequestContext): Caller {
  if (!ctx.caller) throw new Error('operation declared with access roles ran without a caller')
  return ctx.caller
}

/** Who did it, as the timeline, the books and the audit log show it. */
export function actorOf(caller: Caller): Actor {
  const role = caller.kind === 'customer' ? 'customer' : (caller.roles.find((r) => r !== 'customer') ?? caller.roles[0]!)
  return { id: caller.id, name: caller.displayName, role }
}
