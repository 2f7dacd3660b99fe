import { afterFailedSignIn, isSessionLive, lockedUntil, sessionExpiry, MAX_FAILED_SIGN_INS } from '../../functions/domain/credentials'
import { hashPassword, verifyPassword } from '../../functions/platform/passwords'
import { JwtSessionTokens } from '../../functions/platform/tokens'

const now = new Date('2026-11-28T02:00:00Z')
const minutes = (n: number) => new Date(now.getTime() + n * 60_000)

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('月光下的婚纱照-2026')
    expect(hash).toMatch(/^scrypt\$/)
    expect(hash).not.toContain('月光')
    await expect(verifyPassword('月光下的婚纱照-2026', hash)).resolves.toBe(true)
    await expect(verifyPassword('月光下的婚纱照-2025', hash)).resolves.toBe(false)
  })

  it('salts each hash, so two people with one password do not share a hash', async () => {
    expect(await hashPassword('same-password')).not.toEqual(await hashPassword('same-password'))
  })

  it('refuses a hash it does not understand', async () => {
    await expect(verifyPassword('x', 'md5$abc')).resolves.toBe(false)
  })
})

describe('lockout', () => {
  it(`locks for 15 minutes at the ${MAX_FAILED_SIGN_INS}th failure, not before`, () => {
    expect(afterFailedSignIn(MAX_FAILED_SIGN_INS - 1, now).lockedUntil).toBeUndefined()
    expect(afterFailedSignIn(MAX_FAILED_SIGN_INS, now).lockedUntil).toEqual(minutes(15))
  })

  it('counts a lock as over once its time has passed', () => {
    const state = { failedSignIns: 0, lockedUntil: minutes(15).toISOString() }
    expect(lockedUntil(state, minutes(14))).toEqual(minutes(15))
    expect(lockedUntil(state, minutes(15))).toBeUndefined()
    expect(lockedUntil({ failedSignIns: 3 }, now)).toBeUndefined()
  })
})

describe('sessions', () => {
  const tokens = new JwtSessionTokens('unit-test-secret-unit-test-secret-123')
  const claims = { sessionId: 'S1', studioId: 'ST1', subjectId: 'U1', kind: 'staff' as const }

  it('gives staff 12-hour and customers 30-day sessions', () => {
    expect(sessionExpiry('staff', now)).toEqual(minutes(12 * 60))
    expect(sessionExpiry('customer', now)).toEqual(minutes(30 * 24 * 60))
  })

  it('accepts a token before its expiry and calls it expired after', async () => {
    const token = await tokens.sign(claims, sessionExpiry('staff', now))
    await expect(tokens.verify(token, minutes(60))).resolves.toEqual(claims)
    await expect(tokens.verify(token, minutes(12 * 60 + 1))).resolves.toBe('expired')
    expect(isSessionLive(sessionExpiry('staff', now), minutes(12 * 60 + 1))).toBe(false)
  })

  it('refuses a token signed with another secret or tampered with', async () => {
    const token = await tokens.sign(claims, minutes(60))
    const other = new JwtSessionTokens('another-secret-another-secret-12345')
    await expect(other.verify(token, now)).resolves.toBe('invalid')
    const [header, payload, signature] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: 'ADMIN' })).toString('base64url')
    await expect(tokens.verify(`${header}.${forged}.${signature}`, now)).resolves.toBe('invalid')
  })

  it('refuses an unsigned token, another issuer\'s and one that is not a token at all', async () => {
    const token = await tokens.sign(claims, minutes(60))
    const [, payload] = token.split('.')
    const unsigned = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')
    await expect(tokens.verify(`${unsigned}.${payload}.`, now)).resolves.toBe('invalid')
    const otherIssuer = new JwtSessionTokens('unit-test-secret-unit-test-secret-123', 'another-app')
    await expect(otherIssuer.verify(token, now)).resolves.toBe('invalid')
    await expect(tokens.verify('not-a-token', now)).resolves.toBe('invalid')
    await expect(tokens.verify(`${token}.extra`, now)).resolves.toBe('invalid')
  })

  it('calls a token expired from the second its expiry names', async () => {
    const token = await tokens.sign(claims, minutes(60))
    await expect(tokens.verify(token, new Date(minutes(60).getTime() - 1000))).resolves.toEqual(claims)
    await expect(tokens.verify(token, minutes(60))).resolves.toBe('expired')
  })
})
