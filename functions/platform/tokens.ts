import { createHmac, timingSafeEqual } from 'node:crypto'
import type { DeviceTokens, SessionClaims, SessionTokens, SignInDevice } from '../identity/ports'

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')

/** The JSON object a base64url segment holds, or undefined when it holds anything else. */
function decodedObject(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/**
 * HS256 JWTs (RFC 7519) signed and checked with Node's own HMAC: the only algorithm accepted is
 * HS256, the signature is compared in constant time before the claims are read, the issuer (and
 * the audience, when one is given) must match, and a token is expired from its `exp` second on.
 */
class Hs256 {
  private readonly key: Buffer
  constructor(
    secret: string,
    private readonly issuer: string,
    private readonly audience?: string,
  ) {
    this.key = Buffer.from(secret, 'utf8')
  }

  private signature(signingInput: string): Buffer {
    return createHmac('sha256', this.key).update(signingInput).digest()
  }

  sign(claims: Record<string, unknown>, expiresAt: Date): string {
    const payload = {
      ...claims,
      iss: this.issuer,
      ...(this.audience ? { aud: this.audience } : {}),
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(expiresAt.getTime() / 1000),
    }
    const signingInput = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`
    return `${signingInput}.${this.signature(signingInput).toString('base64url')}`
  }

  verify(token: string, now: Date): Record<string, unknown> | 'expired' | 'invalid' {
    const parts = token.split('.')
    if (parts.length !== 3) return 'invalid'
    const [header, body, signature] = parts as [string, string, string]
    const given = Buffer.from(signature, 'base64url')
    const expected = this.signature(`${header}.${body}`)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid'
    const protectedHeader = decodedObject(header)
    const payload = decodedObject(body)
    if (protectedHeader?.alg !== 'HS256' || 'crit' in protectedHeader || !payload) return 'invalid'
    if (payload.iss !== this.issuer || typeof payload.exp !== 'number') return 'invalid'
    if (this.audience ? payload.aud !== this.audience : 'aud' in payload) return 'invalid'
    if (payload.exp <= Math.floor(now.getTime() / 1000)) return 'expired'
    return payload
  }
}

/** Session tokens as HS256 JWTs. */
export class JwtSessionTokens implements SessionTokens {
  private readonly jwt: Hs256
  constructor(secret: string, issuer = 'studio-erp') {
    this.jwt = new Hs256(secret, issuer)
  }

  async sign(claims: SessionClaims, expiresAt: Date): Promise<string> {
    return this.jwt.sign({ sid: claims.sessionId, std: claims.studioId, knd: claims.kind, sub: claims.subjectId }, expiresAt)
  }

  async verify(token: string, now: Date): Promise<SessionClaims | 'expired' | 'invalid'> {
    const payload = this.jwt.verify(token, now)
    if (typeof payload === 'string') return payload
    const { sid, std, knd, sub } = payload
    if (typeof sid !== 'string' || typeof std !== 'string' || typeof sub !== 'string' || (knd !== 'staff' && knd !== 'customer')) {
      return 'invalid'
    }
    return { sessionId: sid, studioId: std, subjectId: sub, kind: knd }
  }
}

const DEVICE_AUDIENCE = 'staff-sign-in-device'

/** Device tokens as HS256 JWTs with an audience of their own, so a device token is never taken for a session or the other way round. */
export class JwtDeviceTokens implements DeviceTokens {
  private readonly jwt: Hs256
  constructor(secret: string, issuer = 'studio-erp') {
    this.jwt = new Hs256(secret, issuer, DEVICE_AUDIENCE)
  }

  async sign(device: SignInDevice, expiresAt: Date): Promise<string> {
    return this.jwt.sign({ acc: device.account, sub: device.deviceId }, expiresAt)
  }

  async verify(token: string, now: Date): Promise<SignInDevice | undefined> {
    const payload = this.jwt.verify(token, now)
    if (typeof payload === 'string') return undefined
    return typeof payload.acc === 'string' && typeof payload.sub === 'string' ? { account: payload.acc, deviceId: payload.sub } : undefined
  }
}
