import type { z } from 'zod'
import { ulid } from 'ulid'
import type * as op from '../../types/identity-operations'
import { afterFailedSignIn, lockedUntil, MAX_FAILED_SIGN_INS } from '../domain/credentials'
import { DomainError } from '../domain/errors'
import { callerOf, type RequestContext } from '../domain/context'
import type { IdentityRepository, PasswordHasher, SessionTokens, StaffRecord, WeChatSignIn } from './ports'
import { newSession, principalOf, signSession } from './sessions'

interface Accounts {
  repo: IdentityRepository
}

const invalidCredentials = () => new DomainError('INVALID_CREDENTIALS', 'The user name or password is wrong')

function lockedError(until: Date, now: Date) {
  return new DomainError('ACCOUNT_LOCKED', 'Too many failed sign-ins; the account is locked for a while', {
    retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000),
  })
}

/**
 * Counts a wrong password against the account (sign-in or password change alike) and locks
 * it at the limit; throws ACCOUNT_LOCKED when this failure locked it.
 */
async function recordFailedSignIn(deps: Accounts, staff: StaffRecord, ctx: RequestContext) {
  const failures = await deps.repo.countFailedSignIn(staff.studioId, staff.id)
  await deps.repo.appendAudit(staff.studioId, {
    action: 'auth.sign_in_failed',
    actorId: staff.id,
    actorName: staff.displayName,
    targetId: staff.id,
    detail: { failures, sourceIp: ctx.sourceIp },
  })
  const outcome = afterFailedSignIn(failures, ctx.now)
  if (outcome.lockedUntil) {
    await deps.repo.lockStaff(staff.studioId, staff.id, outcome.lockedUntil, {
      action: 'auth.locked',
      targetId: staff.id,
      actorName: staff.displayName,
      detail: { until: outcome.lockedUntil.toISOString() },
    })
    throw lockedError(outcome.lockedUntil, ctx.now)
  }
}

/**
 * Staff sign-in:
 * 1. find the studio and the user (a decoy hash keeps the timing of unknown users the same);
 * 2. refuse while locked out;
 * 3. check the password; on failure count it atomically and lock at the fifth;
 * 4. refuse disabled accounts; otherwise start a session and clear the count.
 */
export async function staffSignIn(deps: Accounts & { passwords: PasswordHasher; tokens: SessionTokens }, input: z.output<typeof op.staffSignIn.input>, ctx: RequestContext) {
  const { repo, passwords } = deps
  const studio = await repo.findStudioByCode(input.studioCode)
  const staff = studio ? await repo.findStaffByUsername(studio.id, input.username) : undefined
  if (!studio || !staff) {
    await passwords.verify(input.password, await passwords.decoy())
    throw invalidCredentials()
  }
  const locked = lockedUntil(staff, ctx.now)
  if (locked) throw lockedError(locked, ctx.now)

  if (!(await passwords.verify(input.password, staff.passwordHash))) {
    await recordFailedSignIn(deps, staff, ctx)
    throw invalidCredentials()
  }
  if (staff.status !== 'active') throw new DomainError('ACCOUNT_DISABLED', 'This account is disabled; ask your manager')

  const session = newSession({ kind: 'staff', id: staff.id, studioId: studio.id, credentialVersion: staff.credentialVersion }, ctx.now)
  await repo.startStaffSession(
    session,
    { action: 'auth.signed_in', actorId: staff.id, actorName: staff.displayName, detail: { sourceIp: ctx.sourceIp } },
    { now: ctx.now, maxFailures: MAX_FAILED_SIGN_INS },
  )
  return {
    token: await signSession(deps.tokens, session),
    expiresAt: session.expiresAt,
    principal: principalOf({ kind: 'staff', staff }, studio.name),
  }
}

/**
 * Customer sign-in with WeChat: the wx.login code is exchanged for the openid (or the
 * CloudBase runtime vouches for it); the first sign-in creates the customer.
 */
export async function wechatSignIn(deps: Accounts & { tokens: SessionTokens; wechat: WeChatSignIn }, input: z.output<typeof op.wechatSignIn.input>, ctx: RequestContext) {
  const { repo } = deps
  const studio = await repo.findStudioByCode(input.studioCode)
  if (!studio) throw new DomainError('NOT_FOUND', 'No studio has this code')
  const identity = ctx.trustedOpenId ? { openId: ctx.trustedOpenId, sessionKey: undefined } : await deps.wechat.code2session(input.code)

  let customer = await repo.findCustomerByOpenId(studio.id, identity.openId)
  let isNewCustomer = false
  if (!customer) {
    const now = ctx.now.toISOString()
    const id = ulid(ctx.now.getTime())
    const created = await repo.createCustomerWithOpenId(
      { id, studioId: studio.id, name: input.nickname ?? '微信用户', tags: [], source: 'wechat', version: 1, createdAt: now, updatedAt: now },
      identity.openId,
      { action: 'customer.signed_up', actorId: id, targetId: id, detail: { channel: 'wechat' } },
    )
    customer = created.customer
    isNewCustomer = created.created
  }
  const session = newSession({ kind: 'customer', id: customer.id, studioId: studio.id }, ctx.now, identity.sessionKey)
  await repo.putSession(session)
  return {
    token: await signSession(deps.tokens, session),
    expiresAt: session.expiresAt,
    principal: principalOf({ kind: 'customer', customer }, studio.name),
    isNewCustomer,
  }
}

export async function signOut(deps: Accounts, _input: z.output<typeof op.signOut.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  await deps.repo.endSession(
    caller.studioId,
    caller.sessionId,
    caller.kind === 'staff' ? { action: 'auth.signed_out', actorId: caller.id, actorName: caller.displayName } : undefined,
  )
  return { ok: true as const }
}

export async function me(deps: Accounts, _input: z.output<typeof op.me.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const studio = await deps.repo.getStudio(caller.studioId)
  return {
    kind: caller.kind,
    id: caller.id,
    studioId: caller.studioId,
    studioName: studio?.name ?? '',
    displayName: caller.displayName,
    roles: caller.roles,
    branchId: caller.branchId,
  }
}

/** Changing one's password ends every other session of the account; this one carries on. */
export async function changePassword(deps: Accounts & { passwords: PasswordHasher }, input: z.output<typeof op.changePassword.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const staff = await deps.repo.getStaff(caller.studioId, caller.id)
  if (!staff) throw new DomainError('NOT_FOUND', 'Staff member not found')
  if (!(await deps.passwords.verify(input.currentPassword, staff.passwordHash))) {
    await recordFailedSignIn(deps, staff, ctx)
    throw new DomainError('INVALID_CREDENTIALS', 'The current password is wrong', {
      fields: [{ path: 'currentPassword', message: 'is wrong' }],
    })
  }
  await deps.repo.setPassword(
    caller.studioId,
    caller.id,
    await deps.passwords.hash(input.newPassword),
    { action: 'auth.password_changed', actorId: caller.id, actorName: caller.displayName, targetId: caller.id },
    { credentialVersion: staff.credentialVersion ?? 0, keepSessionId: caller.sessionId },
  )
  return { ok: true as const }
}
