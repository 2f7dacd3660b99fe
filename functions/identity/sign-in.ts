import type { z } from 'zod'
import { ulid } from 'ulid'
import type * as op from '../../types/identity-operations'
import { accountOf, DEVICE_DAYS, signInWindows, type SignInLimits } from '../domain/credentials'
import { DomainError } from '../domain/errors'
import { callerOf, type RequestContext } from '../domain/context'
import type { DeviceTokens, IdentityRepository, PasswordHasher, SessionTokens, WeChatSignIn } from './ports'
import { newSession, principalOf, signSession } from './sessions'

interface Accounts {
  repo: IdentityRepository
  /** The sign-in windows' sizes, when not the standard ones (a local stage's shared address). */
  signInLimits?: SignInLimits
}

/** Looked up in place of a studio that does not exist, so the lookups are the same. */
const NO_STUDIO = '-'

/**
 * Where an attempt comes from, for its source window: the caller's address or, through the
 * CloudBase entry when WeChat gives none, the WeChat user its runtime vouches for.
 */
const sourceOf = (ctx: RequestContext) => ctx.sourceIp ?? (ctx.trustedOpenId ? `wechat:${ctx.trustedOpenId}` : undefined)

const invalidCredentials = () => new DomainError('INVALID_CREDENTIALS', 'The user name or password is wrong')

/**
 * Staff sign-in:
 * 1. count the attempt against its source (address) and its studio code + user name (or, with
 *    the device token of this account's earlier sign-in, against that device's own window), in
 *    the database and before anything else, so a full window refuses every attempt alike
 *    (RATE_LIMITED) whatever the password, and concurrent attempts cannot pass the limit;
 * 2. look up the studio and the user and verify the password — against a decoy hash when
 *    either is unknown, so known and unknown names do the same reads, the same write and the
 *    same hashing, and answer alike;
 * 3. a wrong password or unknown name is written to the studio's audit log as one kind of
 *    record, the name as typed and no staff id, whether the name exists or not;
 * 4. refuse disabled accounts; otherwise start a session, give the attempt back and hand the
 *    device its token (the same device keeps its id).
 */
export async function staffSignIn(
  deps: Accounts & { passwords: PasswordHasher; tokens: SessionTokens; devices: DeviceTokens },
  input: z.output<typeof op.staffSignIn.input>,
  ctx: RequestContext,
) {
  const { repo, passwords } = deps
  const account = accountOf(input.studioCode, input.username)
  const device = input.deviceToken ? await deps.devices.verify(input.deviceToken, ctx.now) : undefined
  const deviceId = device?.account === account ? device.deviceId : undefined
  const windows = signInWindows(input.studioCode, input.username, sourceOf(ctx), ctx.now, deviceId, deps.signInLimits)
  await repo.takeAttempt(windows, ctx.now)
  const studio = await repo.findStudioByCode(input.studioCode)
  const staff = await repo.findStaffByUsername(studio?.id ?? NO_STUDIO, input.username)
  const known = studio && staff ? { studio, staff } : undefined
  const matches = await passwords.verify(input.password, known ? known.staff.passwordHash : await passwords.decoy())
  if (!known || !matches) {
    // Recorded alike for a known and an unknown name (no staff id, the name as typed), so neither the writes nor the time tell them apart.
    await repo.appendAudit(studio?.id ?? NO_STUDIO, {
      action: 'auth.sign_in_failed',
      actorId: 'anonymous',
      actorName: input.username.trim().toLowerCase().slice(0, 80),
      detail: { sourceIp: ctx.sourceIp ?? 'unknown' },
    })
    throw invalidCredentials()
  }
  if (known.staff.status !== 'active') throw new DomainError('ACCOUNT_DISABLED', 'This account is disabled; ask your manager')

  const session = newSession({ kind: 'staff', id: known.staff.id, studioId: known.studio.id, credentialVersion: known.staff.credentialVersion }, ctx.now)
  await repo.startStaffSession(
    session,
    { action: 'auth.signed_in', actorId: known.staff.id, actorName: known.staff.displayName, detail: { sourceIp: ctx.sourceIp } },
    { now: ctx.now },
  )
  await repo.releaseAttempt(windows)
  return {
    token: await signSession(deps.tokens, session),
    expiresAt: session.expiresAt,
    principal: principalOf({ kind: 'staff', staff: known.staff }, known.studio.name),
    deviceToken: await deps.devices.sign({ account, deviceId: deviceId ?? ulid(ctx.now.getTime()) }, new Date(ctx.now.getTime() + DEVICE_DAYS * 86_400_000)),
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
  const studio = await deps.repo.getStudio(caller.studioId)
  // Guessing the current password counts against the same windows as signing in.
  const windows = signInWindows(studio?.code ?? NO_STUDIO, staff.username, sourceOf(ctx), ctx.now, undefined, deps.signInLimits)
  await deps.repo.takeAttempt(windows, ctx.now)
  if (!(await deps.passwords.verify(input.currentPassword, staff.passwordHash))) {
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
  await deps.repo.releaseAttempt(windows)
  return { ok: true as const }
}
