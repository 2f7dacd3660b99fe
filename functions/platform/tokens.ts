import { SignJWT, jwtVerify, errors } from 'jose'
import type { DeviceTokens, SessionClaims, SessionTokens, SignInDevice } from '../identity/ports'

/** Session tokens as HS256 JWTs. */
export class JwtSessionTokens implements SessionTokens {
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

const DEVICE_AUDIENCE = 'staff-sign-in-device'

/** Device tokens as HS256 JWTs with an audience of their own, so a device token is never taken for a session or the other way round. */
export class JwtDeviceTokens implements DeviceTokens {
  private readonly key: Uint8Array
  constructor(secret: string, private readonly issuer = 'studio-erp') {
    this.key = new TextEncoder().encode(secret)
  }

  sign(device: SignInDevice, expiresAt: Date): Promise<string> {
    return new SignJWT({ acc: device.account })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(device.deviceId)
      .setIssuer(this.issuer)
      .setAudience(DEVICE_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key)
  }

  async verify(token: string, now: Date): Promise<SignInDevice | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: this.issuer, audience: DEVICE_AUDIENCE, algorithms: ['HS256'], currentDate: now })
      return typeof payload.acc === 'string' && typeof payload.sub === 'string' ? { account: payload.acc, deviceId: payload.sub } : undefined
    } catch {
      return undefined
    }
  }
}
