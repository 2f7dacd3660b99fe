import { createHmac, timingSafeEqual } from 'node:crypto'
import type { SessionClaims, SessionTokens } from '../identity/ports'

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
 * Session tokens as HS256 JWTs (RFC 7519), signed and checked with Node's own HMAC: the only
 * algorithm accepted is HS256, the signature is compared in constant time before the claims
 * are read, and a token is expired from its `exp` second on.
 */
export class JwtSessionTokens implements SessionTokens {
  private readonly key: Buffer
  constructor(secret: string, private readonly issuer = 'studio-erp') {
    this.key = Buffer.from(secret, 'utf8')
  }

  private signature(signingInput: string): Buffer {
    return createHmac('sha256', this.key).update(signingInput).digest()
  }

  async sign(claims: SessionClaims, expiresAt: Date): Promise<string> {
    const payload = {
      sid: claims.sessionId,
      std: claims.studioId,
      knd: claims.kind,
      sub: claims.subjectId,
      iss: this.issuer,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(expiresAt.getTime() / 1000),
    }
    const signingInput = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`
    return `${signingInput}.${this.signature(signingInput).toString('base64url')}`
  }

  async verify(token: string, now: Date): Promise<SessionClaims | 'expired' | 'invalid'> {
    const parts = token.split('.')
    if (parts.length !== 3) return 'invalid'
    const [header, body, signature] = parts as [string, string, string]
    const given = Buffer.from(signature, 'base64url')
    const expected = this.signature(`${header}.${body}`)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid'
    const protectedHeader = decodedObject(header)
    const payload = decodedObject(body)
    if (protectedHeader?.alg !== 'HS256' || 'crit' in protectedHeader || !payload) return 'invalid'
    const { sid, std, knd, sub, iss, exp } = payload
    if (iss !== this.issuer || typeof exp !== 'number') return 'invalid'
    if (typeof sid !== 'string' || typeof std !== 'string' || typeof sub !== 'string' || (knd !== 'staff' && knd !== 'customer')) {
      return 'invalid'
    }
    if (exp <= Math.floor(now.getTime() / 1000)) return 'expired'
    return { sessionId: sid, studioId: std, subjectId: sub, kind: knd }
  }
}
