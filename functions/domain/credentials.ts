/** Sign-in rules: lockout after repeated failures, and how long sessions live. */
export const MAX_FAILED_SIGN_INS = 5
export const LOCKOUT_MINUTES = 15
export const STAFF_SESSION_HOURS = 12
export const CUSTOMER_SESSION_DAYS = 30

export interface SignInState {
  failedSignIns: number
  lockedUntil?: string
}

export function lockedUntil(state: SignInState, now: Date): Date | undefined {
  if (!state.lockedUntil) return undefined
  const until = new Date(state.lockedUntil)
  return until > now ? until : undefined
}

/** After one more failure: the new count and, when it reaches the limit, the end of the lockout. */
export function afterFailedSignIn(failedSignIns: number, now: Date): { failedSignIns: number; lockedUntil?: Date } {
  if (failedSignIns >= MAX_FAILED_SIGN_INS) {
    return { failedSignIns, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) }
  }
  return { failedSignIns }
}

export function sessionExpiry(kind: 'staff' | 'customer', now: Date): Date {
  const ms = kind === 'staff' ? STAFF_SESSION_HOURS * 3_600_000 : CUSTOMER_SESSION_DAYS * 86_400_000
  return new Date(now.getTime() + ms)
}

export function isSessionLive(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() > now.getTime()
}
