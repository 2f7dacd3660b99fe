/** Sign-in rules: lockout after repeated failures, and how long sessions live. */
export const MAX_FAILED_SIGN_INS = 5
export const LOCKOUT_MINUTES = 15
export const STAFF_SESSION_HOURS = 12

/**
 * Sign-in throttling: fixed windows of attempts, counted in the database before any password
 * is checked. An account takes a few attempts every few minutes wherever they come from, so a
 * stranger can slow its owner down for minutes at most but never lock it; one source address
 * takes twenty attempts a quarter of an hour across every studio's accounts. A successful sign-in
 * gives its attempt back, so only failures use the windows up.
 */
export const SIGN_IN_LIMITS = {
  account: { attempts: 5, windowSeconds: 5 * 60 },
  /** The owner's own device (it carries the device token of an earlier sign-in): a bucket of its own, gentler, never touched by strangers. */
  device: { attempts: 10, windowSeconds: 5 * 60 },
  source: { attempts: 20, windowSeconds: 15 * 60 },
} as const

export interface AttemptWindow {
  scope: 'account' | 'device' | 'source'
  /** Who the window counts: the studio code and user name as typed (known or not), or the source (an address, or the WeChat user calling through CloudBase). */
  subject: string
  limit: number
  start: Date
  end: Date
}

/** The attempts each window takes (the source address's may be raised on a local stage, whose callers all share 127.0.0.1). */
export type SignInLimits = { readonly [S in keyof typeof SIGN_IN_LIMITS]: { readonly attempts: number; readonly windowSeconds: number } }

function windowOf(scope: AttemptWindow['scope'], subject: string, now: Date, limits: SignInLimits = SIGN_IN_LIMITS): AttemptWindow {
  const { attempts, windowSeconds } = limits[scope]
  const ms = windowSeconds * 1000
  const start = Math.floor(now.getTime() / ms) * ms
  return { scope, subject, limit: attempts, start: new Date(start), end: new Date(start + ms) }
}

/** A studio code and user name as one account, however they were typed (known or not). */
export const accountOf = (studioCode: string, username: string) => `${studioCode.trim().toLowerCase()}#${username.trim().toLowerCase()}`

/** The account window of a studio code and user name, the same whether the name exists or not. */
export function accountWindow(studioCode: string, username: string, now: Date): AttemptWindow {
  return windowOf('account', accountOf(studioCode, username), now)
}

/** How long a device stays the owner's after a sign-in on it. */
export const DEVICE_DAYS = 180

/**
 * The windows one sign-in attempt counts against: the account first — or, from a device the
 * account signed in on before (`deviceId` of its device token), that device's own window, so
 * a stranger's failures never hold its owner back — then its source whatever studio the
 * attempt names (so one address guessing through many studios' accounts is held back as much
 * as one guessing through a single studio's). An attempt whose source is not known counts
 * against its account alone: callers with no known source never share one window.
 */
export function signInWindows(
  studioCode: string,
  username: string,
  source: string | undefined,
  now: Date,
  deviceId?: string,
  limits: SignInLimits = SIGN_IN_LIMITS,
): AttemptWindow[] {
  const first = deviceId ? windowOf('device', `${accountOf(studioCode, username)}#${deviceId}`, now, limits) : windowOf('account', accountOf(studioCode, username), now, limits)
  return source ? [first, windowOf('source', source, now, limits)] : [first]
}
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
