import { operationsOf } from '../support/dispatch'
import { TEST_PASSWORD } from '../support/constants'
import { isolatedTable, newStudio } from '../support/studio'
import type { AppDeps } from '../../functions/api/implementations'

let deps: AppDeps
let ops: ReturnType<typeof operationsOf>
let studio: Awaited<ReturnType<typeof newStudio>>

beforeAll(async () => {
  ;({ deps } = await isolatedTable())
  ops = operationsOf(deps)
  studio = await newStudio(deps)
})

const signIn = async (username: string, password = TEST_PASSWORD, now?: Date) =>
  (await ops.call('auth.staffSignIn', { studioCode: studio.code, username, password }, undefined, now ? { now } : {})).token as string

describe('staff sign-in', () => {
  it('signs in with the right password and says who you are', async () => {
    const token = await signIn('reception')
    const me = await ops.call('auth.me', {}, token)
    expect(me).toMatchObject({ kind: 'staff', roles: ['reception'], studioName: 'Test Studio', branchId: studio.branches[0]!.id })
  })

  it('accepts the user name in any case and with stray spaces', async () => {
    await expect(ops.call('auth.staffSignIn', { studioCode: studio.code.toUpperCase(), username: ' Reception ', password: TEST_PASSWORD })).resolves.toHaveProperty('token')
  })

  it('answers an unknown user and a wrong password alike', async () => {
    expect(await ops.outcome('auth.staffSignIn', { studioCode: studio.code, username: 'nobody', password: 'x' })).toBe('INVALID_CREDENTIALS')
    expect(await ops.outcome('auth.staffSignIn', { studioCode: studio.code, username: 'makeup', password: 'wrong-one' })).toBe('INVALID_CREDENTIALS')
  })

  it('locks the account at the fifth failure, refuses even the right password, and lets it in 15 minutes later', async () => {
    studio = await newStudio(deps)
    const codes: string[] = []
    for (let i = 0; i < 5; i++) codes.push(await ops.outcome('auth.staffSignIn', { studioCode: studio.code, username: 'finance', password: `guess-${i}` }))
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED'])
    expect(await ops.outcome('auth.staffSignIn', { studioCode: studio.code, username: 'finance', password: TEST_PASSWORD })).toBe('ACCOUNT_LOCKED')
    const later = new Date(Date.now() + 15 * 60_000 + 1000)
    await expect(signIn('finance', TEST_PASSWORD, later)).resolves.toEqual(expect.any(String))
  })

  it('counts concurrent failures exactly: five wrong guesses at once lock the account', async () => {
    studio = await newStudio(deps)
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => ops.outcome('auth.staffSignIn', { studioCode: studio.code, username: 'makeup', password: `parallel-${i}` })),
    )
    expect(await ops.outcome('auth.staffSignIn', { studioCode: studio.code, username: 'makeup', password: TEST_PASSWORD })).toBe('ACCOUNT_LOCKED')
  })

  it('starts no session on an account that a parallel burst of guesses has just locked', async () => {
    studio = await newStudio(deps)
    const staff = await deps.repo.findStaffByUsername(studio.studio.id, 'reception')
    // The state a slow request read before the burst: unlocked, no failures.
    const { newSession } = await import('../../functions/identity/sessions')
    const staleSession = newSession({ kind: 'staff', id: staff!.id, studioId: studio.studio.id, credentialVersion: staff!.credentialVersion }, new Date())
    await Promise.all(Array.from({ length: 6 }, (_, i) => ops.outcome('auth.staffSignIn', { studioCode: studio.code, username: 'reception', password: `burst-${i}` })))
    await expect(deps.repo.startStaffSession(staleSession, { action: 'auth.signed_in' }, { now: new Date(), maxFailures: 5 })).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' })
  })

  it('counts wrong current passwords in a password change towards the lockout', async () => {
    studio = await newStudio(deps)
    const token = await signIn('finance')
    const codes: string[] = []
    for (let i = 0; i < 5; i++) codes.push(await ops.outcome('auth.changePassword', { currentPassword: `guess-${i}`, newPassword: 'new-password-123' }, token))
    expect(codes.at(-1)).toBe('ACCOUNT_LOCKED')
    expect(await ops.outcome('auth.staffSignIn', { studioCode: studio.code, username: 'finance', password: TEST_PASSWORD })).toBe('ACCOUNT_LOCKED')
  })

  it('records sign-ins and failed sign-ins in the audit log', async () => {
    studio = await newStudio(deps)
    await ops.outcome('auth.staffSignIn', { studioCode: studio.code, username: 'reception', password: 'nope-nope' })
    await signIn('reception')
    const admin = await signIn('admin')
    const { items } = await ops.call('audit.list', { limit: 10 }, admin)
    const actions = items.map((e: { action: string }) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['auth.sign_in_failed', 'auth.signed_in']))
    expect(items[0].at >= items[items.length - 1].at).toBe(true)
  })
})

describe('sessions', () => {
  beforeAll(async () => {
    studio = await newStudio(deps)
  })

  it('ends on sign-out', async () => {
    const token = await signIn('photographer')
    await ops.call('auth.signOut', {}, token)
    expect(await ops.outcome('auth.me', {}, token)).toBe('UNAUTHENTICATED')
  })

  it('stops working when the account is disabled, for good, and the account cannot sign in', async () => {
    const token = await signIn('retoucher')
    const admin = await signIn('admin')
    await ops.call('staff.setStatus', { staffId: studio.staff.retoucher!.id, status: 'disabled' }, admin)
    expect(await ops.outcome('auth.me', {}, token)).toBe('UNAUTHENTICATED')
    expect(await ops.outcome('auth.staffSignIn', { studioCode: studio.code, username: 'retoucher', password: TEST_PASSWORD })).toBe('ACCOUNT_DISABLED')
    await ops.call('staff.setStatus', { staffId: studio.staff.retoucher!.id, status: 'active' }, admin)
    expect(await ops.outcome('auth.me', {}, token)).toBe('UNAUTHENTICATED')
    await expect(signIn('retoucher')).resolves.toEqual(expect.any(String))
  })

  it('changing the password keeps this session, ends the others, and the old password stops working', async () => {
    const here = await signIn('makeup')
    const elsewhere = await signIn('makeup')
    await ops.call('auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-secret' }, here)
    expect(await ops.outcome('auth.me', {}, here)).toBe('OK')
    expect(await ops.outcome('auth.me', {}, elsewhere)).toBe('UNAUTHENTICATED')
    expect(await ops.outcome('auth.staffSignIn', { studioCode: studio.code, username: 'makeup', password: TEST_PASSWORD })).toBe('INVALID_CREDENTIALS')
    await expect(signIn('makeup', 'a-brand-new-secret')).resolves.toEqual(expect.any(String))
  })

  it('refuses a password change with the wrong current password', async () => {
    const token = await signIn('finance')
    expect(await ops.outcome('auth.changePassword', { currentPassword: 'not-it-at-all', newPassword: 'whatever-new-1' }, token)).toBe('INVALID_CREDENTIALS')
  })

  it('treats a token past its expiry as expired', async () => {
    const token = await signIn('reception')
    expect(await ops.outcome('auth.me', {}, token, { now: new Date(Date.now() + 13 * 3_600_000) })).toBe('SESSION_EXPIRED')
  })
})

describe('staff management', () => {
  beforeAll(async () => {
    studio = await newStudio(deps)
  })
  const person = (username: string, roles: string[], branchId = studio.branches[0]!.id) => ({
    username,
    displayName: username,
    password: 'first-password-1',
    roles,
    branchId,
  })

  it('lets a manager create a photographer in their branch, who can then sign in', async () => {
    const manager = await signIn('manager')
    const created = await ops.call('staff.create', person('new.photo', ['photographer']), manager)
    expect(created).toMatchObject({ username: 'new.photo', roles: ['photographer'], status: 'active', version: 1 })
    expect(created).not.toHaveProperty('passwordHash')
    await expect(signIn('new.photo', 'first-password-1')).resolves.toEqual(expect.any(String))
  })

  it('refuses a manager granting admin, or staffing another branch', async () => {
    const manager = await signIn('manager')
    expect(await ops.outcome('staff.create', person('would.be.admin', ['admin']), manager)).toBe('FORBIDDEN')
    expect(await ops.outcome('staff.create', person('other.branch', ['reception'], studio.branches[1]!.id), manager)).toBe('FORBIDDEN')
    const { items } = await ops.call('staff.list', { includeDisabled: 'true' }, manager)
    expect(items.map((s: { username: string }) => s.username)).not.toContain('would.be.admin')
  })

  it('shows a manager only their own branch and an admin every branch', async () => {
    const manager = await signIn('manager')
    const admin = await signIn('admin')
    const mine = await ops.call('staff.list', {}, manager)
    expect(mine.items.every((s: { branchId: string }) => s.branchId === studio.branches[0]!.id)).toBe(true)
    expect(await ops.outcome('staff.list', { branchId: studio.branches[1]!.id }, manager)).toBe('FORBIDDEN')
    const all = await ops.call('staff.list', {}, admin)
    expect(all.items.map((s: { username: string }) => s.username)).toContain('manager2')
  })

  it('creates exactly one account when two people pick the same user name at the same instant', async () => {
    const [admin, manager] = await Promise.all([signIn('admin'), signIn('manager')])
    const outcomes = await Promise.all([
      ops.outcome('staff.create', person('same.name', ['reception']), admin),
      ops.outcome('staff.create', person('same.name', ['makeup']), manager),
    ])
    expect(outcomes.sort()).toEqual(['OK', 'USERNAME_TAKEN'])
    const { items } = await ops.call('staff.list', {}, admin)
    expect(items.filter((s: { username: string }) => s.username === 'same.name')).toHaveLength(1)
  })

  it('never loses an edit silently: the second of two edits from the same version is refused', async () => {
    const admin = await signIn('admin')
    const target = studio.staff.reception!
    const outcomes = await Promise.all([
      ops.outcome('staff.update', { staffId: target.id, version: target.version, displayName: 'Reception A' }, admin),
      ops.outcome('staff.update', { staffId: target.id, version: target.version, roles: ['reception', 'finance'] }, admin),
    ])
    expect(outcomes.sort()).toEqual(['OK', 'VERSION_CONFLICT'])
    const now = await ops.call('staff.get', { staffId: target.id }, admin)
    expect(now.version).toBe(target.version + 1)
  })

  it('audits role changes with who, what and when', async () => {
    const admin = await signIn('admin')
    const target = await ops.call('staff.get', { staffId: studio.staff.photographer!.id }, admin)
    await ops.call('staff.update', { staffId: target.id, version: target.version, roles: ['photographer', 'makeup'] }, admin)
    const { items } = await ops.call('audit.list', { limit: 5, action: 'staff.roles_changed' }, admin)
    expect(items[0]).toMatchObject({ action: 'staff.roles_changed', actorId: studio.staff.admin!.id, targetId: target.id, detail: { from: ['photographer'], to: ['photographer', 'makeup'] } })
  })

  it('refuses an admin taking away their own admin role', async () => {
    const admin = await signIn('admin')
    const me = await ops.call('staff.get', { staffId: studio.staff.admin!.id }, admin)
    expect(await ops.outcome('staff.update', { staffId: me.id, version: me.version, roles: ['manager'] }, admin)).toBe('PRECONDITION_FAILED')
  })

  it('lifts a lockout when a manager resets the password', async () => {
    for (let i = 0; i < 5; i++) await ops.outcome('auth.staffSignIn', { studioCode: studio.code, username: 'finance', password: `bad-${i}` })
    const manager = await signIn('manager')
    await ops.call('staff.resetPassword', { staffId: studio.staff.finance!.id, newPassword: 'reset-by-manager' }, manager)
    await expect(signIn('finance', 'reset-by-manager')).resolves.toEqual(expect.any(String))
  })
})

describe('customers signing in with WeChat', () => {
  beforeAll(async () => {
    studio = await newStudio(deps)
  })

  it('creates the customer on the first sign-in and finds them again on the next', async () => {
    const first = await ops.call('auth.wechatSignIn', { studioCode: studio.code, code: 'dev:xiaohong', nickname: '小红' })
    expect(first.isNewCustomer).toBe(true)
    const second = await ops.call('auth.wechatSignIn', { studioCode: studio.code, code: 'dev:xiaohong' })
    expect(second.isNewCustomer).toBe(false)
    expect(second.principal.id).toBe(first.principal.id)
    expect(JSON.stringify(second)).not.toMatch(/sessionKey|session_key|sim_/)
  })

  it('creates one customer when the same person signs in twice at the same instant', async () => {
    const results = await Promise.all([1, 2, 3].map(() => ops.call('auth.wechatSignIn', { studioCode: studio.code, code: 'dev:twice' })))
    expect(new Set(results.map((r) => r.principal.id)).size).toBe(1)
    expect(results.filter((r) => r.isNewCustomer)).toHaveLength(1)
  })

  it('refuses a code the simulated WeChat does not issue', async () => {
    expect(await ops.outcome('auth.wechatSignIn', { studioCode: studio.code, code: 'not-a-dev-code' })).toBe('UNAUTHENTICATED')
  })

  it('lets a customer edit their own profile and nobody else’s', async () => {
    const a = await ops.call('auth.wechatSignIn', { studioCode: studio.code, code: 'dev:amy' })
    const b = await ops.call('auth.wechatSignIn', { studioCode: studio.code, code: 'dev:bob' })
    const updated = await ops.call('customers.updateMyProfile', { name: 'Amy Wang', phone: '13800138000', weddingDate: '2027-05-20' }, a.token)
    expect(updated).toMatchObject({ id: a.principal.id, name: 'Amy Wang', phone: '13800138000' })
    expect(await ops.outcome('customers.get', { customerId: a.principal.id }, b.token)).toBe('FORBIDDEN')
    expect((await ops.call('customers.getMyProfile', {}, b.token)).id).toBe(b.principal.id)
  })
})
