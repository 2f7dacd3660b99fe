import { SignJWT, jwtVerify, errors } from 'jose'

export interface SessionClaims {
  sessionId: string
  studioId: string
  subjectId: string
  kind: 'staff' | 'customer'
}

/** Signed, expiring session tokens. The session item in the table decides whether one is still live. */
export class SessionTokens {
  private readonly key: Uint8Array
  constructor(secret: string, private readonly issuer = 'studio-erp') {
    this.key = new TextEncoder().encode(secret)
  }

  sign(claims: SessionClaims, expiresAt: Date): Promise<string> {
    return new SignJWT({ sid: claims.sessionId, std: claims.studioId, knd: claims.kind })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.subjectId)
      .setIssuer(this.issuer)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key)
  }

  /** The claims, 'expired', or 'invalid'. */
  async verify(token: string, now: Date): Promise<SessionClaims | 'expired' | 'invalid'> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: this.issuer,
        algorithms: ['HS256'],
        currentDate: now,
      })
      const { sid, std, knd, sub } = payload
      if (typeof sid !== 'string' || typeof std !== 'string' || typeof sub !== 'string' || (knd !== 'staff' && knd !== 'customer')) {
        return 'invalid'
      }
      return { sessionId: sid, studioId: std, subjectId: sub, kind: knd }
    } catch (error) {
      return error instanceof errors.JWTExpired ? 'expired' : 'invalid'
    }
  }
}
