import { ulid } from 'ulid'
import type { Principal } from '../../types/entities'
import { sessionExpiry, isSessionLive } from '../domain/credentials'
import { DomainError } from '../domain/errors'
import type { Caller } from '../domain/context'
import type { CustomerRecord, IdentityRepository, SessionRecord, SessionTokens, StaffRecord } from './ports'

export function principalOf(subject: { kind: 'staff'; staff: StaffRecord } | { kind: 'customer'; customer: CustomerRecord }, studioName: string): Principal {
  if (subject.kind === 'staff') {
    const { staff } = subject
    return {
      kind: 'staff',
      id: staff.id,
      studioId: staff.studioId,
      studioName,
      displayName: staff.displayName,
      roles: staff.roles,
      branchId: staff.branchId,
    }
  }
  const { customer } = subject
  return { kind: 'customer', id: customer.id, studioId: customer.studioId, studioName, displayName: customer.name, roles: ['customer'] }
}

export function newSession(
  subject: { kind: 'staff' | 'customer'; id: string; studioId: string; credentialVersion?: number },
  now: Date,
  wechatSessionKey?: string,
): SessionRecord {
  return {
    sessionId: ulid(now.getTime()),
    studioId: subject.studioId,
    subjectId: subject.id,
    kind: subject.kind,
    credentialVersion: subject.credentialVersion ?? 0,
    createdAt: now.toISOString(),
    expiresAt: sessionExpiry(subject.kind, now).toISOString(),
    wechatSessionKey,
  }
}

export const signSession = (tokens: SessionTokens, session: SessionRecord) =>
  tokens.sign(
    { sessionId: session.sessionId, studioId: session.studioId, subjectId: session.subjectId, kind: session.kind },
    new Date(session.expiresAt),
  )

const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message)

/**
 * A token is good while its signature holds, it has not expired, its session item exists
 * (sign-out deletes it), the password has not changed since, and the account is active.
 */
export async function authenticate(repo: IdentityRepository, tokens: SessionTokens, token: string, now: Date): Promise<Caller> {
  const claims = await tokens.verify(token, now)
  if (claims === 'expired') throw new DomainError('SESSION_EXPIRED', 'Your session has expired; please sign in again')
  if (claims === 'invalid') throw unauthenticated('The session token is not valid')
  const { session, staff, customer } = await repo.getSessionWithSubject(claims.studioId, claims.sessionId, claims.kind, claims.subjectId)
  if (!session || session.subjectId !== claims.subjectId) throw unauthenticated('This session has ended; please sign in again')
  if (!isSessionLive(new Date(session.expiresAt), now)) throw new DomainError('SESSION_EXPIRED', 'Your session has expired; please sign in again')
  if (claims.kind === 'staff') {
    if (!staff || staff.status !== 'active') throw unauthenticated('This account is disabled')
    if ((staff.credentialVersion ?? 0) !== session.credentialVersion) throw unauthenticated('The password changed; please sign in again')
    return {
      kind: 'staff',
      id: staff.id,
      studioId: staff.studioId,
      roles: staff.roles,
      branchId: staff.branchId,
      displayName: staff.displayName,
      sessionId: session.sessionId,
    }
  }
  if (!customer) throw unauthenticated('This customer no longer exists')
  return { kind: 'customer', id: customer.id, studioId: customer.studioId, roles: ['customer'], displayName: customer.name, sessionId: session.sessionId }
}
