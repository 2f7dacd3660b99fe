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

  // Each test guesses from an address of its own: an address's window spans every studio.
  let address = 0
  let ip = ''
  beforeEach(() => {
    ip = `203.0.113.${++address}`
  })
  const attempt = (username: string, password: string, sourceIp = ip, now?: Date, studioCode = studio.code) =>
    ops.outcome('auth.staffSignIn', { studioCode, username, password }, undefined, { sourceIp, ...(now ? { now } : {}) })

  it('throttles an account after five failures, refuses even the right password alike, and never locks it for long', async () => {
    studio = await newStudio(deps)
    const codes: string[] = []
    for (let i = 0; i < 5; i++) codes.push(await attempt('finance', `guess-${i}`))
    expect(codes).toEqual(Array(5).fill('INVALID_CREDENTIALS'))
    expect(await attempt('finance', 'guess-6')).toBe('RATE_LIMITED')
    expect(await attempt('finance', TEST_PASSWORD)).toBe('RATE_LIMITED')
    // The next window lets the owner in: a stranger can slow the account down, never lock it out.
    expect(await attempt('finance', TEST_PASSWORD, ip, new Date(Date.now() + 5 * 60_000 + 1000))).toBe('OK')
  })

  it('holds the limit under concurrency: of 20 guesses at once exactly 5 are checked, each time, and the right password is refused alike', async () => {
    studio = await newStudio(deps)
    for (let round = 0; round < 20; round++) {
      // Each round in a window of its own.
      const now = new Date(Date.now() + (round + 1) * 5 * 60_000)
      const passwords = Array.from({ length: 20 }, (_, i) => (i === 19 ? TEST_PASSWORD : `parallel-${i}`))
      const errors = await Promise.all(
        passwords.map(async (password) => {
          try {
            await ops.call('auth.staffSignIn', { studioCode: studio.code, username: 'makeup', password }, undefined, { sourceIp: `198.51.100.${round}`, now })
            return { code: 'OK' }
          } catch (error: any) {
            return { code: error.code, retryAfter: error.details?.retryAfterSeconds, message: error.message }
          }
        }),
      )
      const checked = errors.filter((e) => e.code !== 'RATE_LIMITED')
      expect(checked.length).toBeLessThanOrEqual(5)
      const refused = errors.filter((e) => e.code === 'RATE_LIMITED')
      expect(refused.length).toBeGreaterThanOrEqual(15)
      // Every refusal is the same, whatever the password.
      expect(new Set(refused.map((e) => JSON.stringify(e))).size).toBe(1)
      expect(refused[0]).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) })
    }
  }, 120_000)

  it('holds one source address to twenty failures across the accounts of every studio', async () => {
    const first = await newStudio(deps)
    const second = await newStudio(deps)
    const names = ['reception', 'photographer', 'makeup', 'retoucher', 'finance', 'manager']
    const codes: string[] = []
    for (let i = 0; i < 24; i++) codes.push(await attempt(names[i % names.length]!, `spray-${i}`, '192.0.2.77', undefined, (i % 2 ? second : first).code))
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(20)
    expect(codes.slice(20)).toEqual(Array(4).fill('RATE_LIMITED'))
    // Held back in a studio it has not tried yet too; another address is not held back.
    studio = await newStudio(deps)
    expect(await attempt('reception', TEST_PASSWORD, '192.0.2.77')).toBe('RATE_LIMITED')
    expect(await attempt('reception', TEST_PASSWORD, '192.0.2.78')).toBe('OK')
  })

  it('answers unknown and known names alike, and throttles them alike', async () => {
    studio = await newStudio(deps)
    const known: string[] = []
    const unknown: string[] = []
    for (let i = 0; i < 6; i++) known.push(await attempt('retoucher', `w-${i}`))
    for (let i = 0; i < 6; i++) unknown.push(await attempt('no-such-person', `w-${i}`))
    expect(unknown).toEqual(known)
    expect(known.at(-1)).toBe('RATE_LIMITED')
  })

  it('does not use the window up with successful sign-ins', async () => {
    studio = await newStudio(deps)
    for (let i = 0; i < 8; i++) expect(await attempt('reception', TEST_PASSWORD)).toBe('OK')
  })

  it('counts wrong current passwords in a password change against the same window', async () => {
    studio = await newStudio(deps)
    const token = await signIn('finance')
    const codes: string[] = []
    for (let i = 0; i < 6; i++) codes.push(await ops.outcome('auth.changePassword', { currentPassword: `guess-${i}`, newPassword: 'new-password-123' }, token))
    expect(codes.at(-1)).toBe('RATE_LIMITED')
    expect(await ops.outcome('auth.staffSignIn', { studioCode: studio.code, username: 'finance', password: TEST_PASSWORD })).toBe('RATE_LIMITED')
  })

  it('lets an admin lift an account’s throttle, and audits it', async () => {
    studio = await newStudio(deps)
    for (let i = 0; i < 5; i++) await attempt('finance', `bad-${i}`)
    expect(await attempt('finance', TEST_PASSWORD)).toBe('RATE_LIMITED')
    const admin = await signIn('admin')
    expect(await ops.outcome('staff.liftSignInThrottle', { staffId: studio.staff.finance!.id }, await signIn('reception'))).toBe('FORBIDDEN')
    await ops.call('staff.liftSignInThrottle', { staffId: studio.staff.finance!.id }, admin)
    expect(await attempt('finance', TEST_PASSWORD)).toBe('OK')
    const audit = await ops.call('audit.list', { action: 'auth.throttle_lifted' }, admin)
    expect(audit.items).toEqual([expect.objectContaining({ action: 'auth.throttle_lifted', targetId: studio.staff.finance!.id })])
  })

  it('records sign-ins in the audit log (failures are counted in the throttle windows)', async () => {
    studio = await newStudio(deps)
    await ops.outcome('auth.staffSignIn', { studioCode: studio.code, username: 'reception', password: 'nope-nope' })
    await signIn('reception')
    const admin = await signIn('admin')
    const { items } = await ops.call('audit.list', { limit: 10 }, admin)
    const actions = items.map((e: { action: string }) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['auth.signed_in']))
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
    expect(await ops.outcome('auth.wechatSignIn', { studioCode: studio.code, code: 'not-a-dev-code' })).toBe('WECHAT_CODE_INVALID')
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
