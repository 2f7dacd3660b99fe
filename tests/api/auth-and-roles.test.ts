import { TEST_PASSWORD } from '../support/constants'
import { http, signIn, signInCustomer } from '../support/http'
import { newStudio } from '../support/studio'

let a: Awaited<ReturnType<typeof newStudio>>
let b: Awaited<ReturnType<typeof newStudio>>

beforeAll(async () => {
  ;[a, b] = await Promise.all([newStudio(undefined, 'Studio A'), newStudio(undefined, 'Studio B')])
})

describe('signing in over HTTP', () => {
  it('answers the right password with a session and the person', async () => {
    const answer = await http('POST', '/auth/staff/sign-in', { body: { studioCode: a.code, username: 'reception', password: TEST_PASSWORD } })
    expect(answer.status).toBe(200)
    expect(answer.body.principal).toMatchObject({ kind: 'staff', roles: ['reception'], studioName: 'Studio A' })
    expect(answer.body.token).toEqual(expect.any(String))
  })

  it('answers a wrong password with 401 INVALID_CREDENTIALS', async () => {
    const answer = await http('POST', '/auth/staff/sign-in', { body: { studioCode: a.code, username: 'reception', password: 'wrong-password' } })
    expect(answer.status).toBe(401)
    expect(answer.body.error.code).toBe('INVALID_CREDENTIALS')
  })

  it('throttles after five failures with 429 and a Retry-After, refusing the right password exactly like a wrong one', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      statuses.push((await http('POST', '/auth/staff/sign-in', { body: { studioCode: a.code, username: 'makeup', password: `guess-${i}` } })).status)
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401])
    const [right, wrong] = await Promise.all(
      [TEST_PASSWORD, 'guess-6'].map((password) => http('POST', '/auth/staff/sign-in', { body: { studioCode: a.code, username: 'makeup', password } })),
    )
    for (const refused of [right!, wrong!]) {
      expect(refused.status).toBe(429)
      expect(refused.body.error.code).toBe('RATE_LIMITED')
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(5 * 60)
    }
    // The same answer but for when to come back, counted from the moment each was answered: the two may fall either side of a second.
    const waitOf = (refused: typeof right) => Number(refused!.headers.get('retry-after'))
    expect({ ...right!.body.error, requestId: undefined, details: undefined }).toEqual({ ...wrong!.body.error, requestId: undefined, details: undefined })
    expect(Math.abs(right!.body.error.details.retryAfterSeconds - wrong!.body.error.details.retryAfterSeconds)).toBeLessThanOrEqual(1)
    expect(Math.abs(waitOf(right) - waitOf(wrong))).toBeLessThanOrEqual(1)
    expect(right!.body.error.details.retryAfterSeconds).toBe(waitOf(right))
  })

  it('never says whether a user name exists: an unknown one is refused and throttled the same way', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await http('POST', '/auth/staff/sign-in', { body: { studioCode: a.code, username: 'made-up-name', password: `guess-${i}` } })).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
  })

  it('signs out: the token stops working', async () => {
    const token = await signIn(a.code, 'retoucher')
    expect((await http('POST', '/auth/sign-out', { token, body: {} })).status).toBe(200)
    const after = await http('GET', '/auth/me', { token })
    expect(after.status).toBe(401)
    expect(after.body.error.code).toBe('UNAUTHENTICATED')
  })
})

describe('roles and studios', () => {
  it('refuses a photographer a manager operation with 403', async () => {
    const token = await signIn(a.code, 'photographer')
    const answer = await http('GET', '/staff', { token })
    expect(answer.status).toBe(403)
    expect(answer.body.error.code).toBe('FORBIDDEN')
  })

  it('never shows studio A’s manager or admin the staff of studio B', async () => {
    const manager = await signIn(a.code, 'manager')
    const admin = await signIn(a.code, 'admin')
    const byBranch = await http('GET', `/staff?branchId=${b.branches[0]!.id}`, { token: manager })
    expect(byBranch.status).toBe(403)
    const list = await http('GET', '/staff', { token: admin })
    const ids = list.body.items.map((s: { id: string }) => s.id)
    expect(ids).toContain(a.staff.reception!.id)
    expect(ids).not.toContain(b.staff.reception!.id)
    const direct = await http('GET', `/staff/${b.staff.reception!.id}`, { token: admin })
    expect(direct.status).toBe(404)
    const edit = await http('PATCH', `/staff/${b.staff.reception!.id}`, { token: admin, body: { version: 1, displayName: 'hijacked' } })
    expect(edit.status).toBe(404)
  })

  it('refuses a customer another customer’s profile', async () => {
    const amy = await signInCustomer(a.code, 'amy')
    const bob = await signInCustomer(a.code, 'bob')
    const answer = await http('GET', `/customers/${amy.id}`, { token: bob.token })
    expect(answer.status).toBe(403)
    const own = await http('GET', '/me/profile', { token: bob.token })
    expect(own.body.id).toBe(bob.id)
  })

  it('keeps a customer of studio A out of studio B even with B’s ids', async () => {
    const amy = await signInCustomer(a.code, 'amy-2')
    const staffOfB = await http('GET', `/staff/${b.staff.admin!.id}`, { token: amy.token })
    expect(staffOfB.status).toBe(403)
  })
})
