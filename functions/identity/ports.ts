import type { AuditEntry, Branch, StaffMember, Studio } from '../../types/entities'
import type { AttemptWindow } from '../domain/credentials'
import type { StaffSchedule } from '../../types/booking'
import type { CustomerRecord } from '../customers/ports'

export type { CustomerRecord }

export interface StaffRecord extends StaffMember {
  studioId: string
  passwordHash: string
  failedSignIns: number
  lockedUntil?: string
  /** Raised when the password changes; sessions issued under an older one stop working. */
  credentialVersion: number
  /** Photographers and makeup artists: working hours, days off and leave. */
  schedule?: StaffSchedule
}

export interface SessionRecord {
  sessionId: string
  studioId: string
  subjectId: string
  kind: 'staff' | 'customer'
  credentialVersion: number
  createdAt: string
  expiresAt: string
  /** Customers only; WeChat's session_key stays here, on the server. */
  wechatSessionKey?: string
}

/** What WeChat's code2session tells us about the person behind a wx.login code. */
export interface WeChatIdentity {
  openId: string
  unionId?: string
  /** Stays on the server: it decrypts data from wx.getUserInfo and must never reach the phone. */
  sessionKey: string
}

/** Signing in with WeChat (code2session), real or simulated. */
export interface WeChatSignIn {
  readonly simulated: boolean
  code2session(code: string): Promise<WeChatIdentity>
}

export interface SessionClaims {
  sessionId: string
  studioId: string
  subjectId: string
  kind: 'staff' | 'customer'
}

/** Signed, expiring session tokens. The session item in the table decides whether one is still live. */
export interface SessionTokens {
  sign(claims: SessionClaims, expiresAt: Date): Promise<string>
  /** The claims, 'expired', or 'invalid'. */
  verify(token: string, now: Date): Promise<SessionClaims | 'expired' | 'invalid'>
}

/** A device an account signed in on: the account (studio code and user name, as accountOf makes it) and the device's own id. */
export interface SignInDevice {
  account: string
  deviceId: string
}

/** Signed device tokens, given at each successful staff sign-in; they are never sessions. */
export interface DeviceTokens {
  sign(device: SignInDevice, expiresAt: Date): Promise<string>
  /** The device, or undefined when the token is not one of ours or has expired. */
  verify(token: string, now: Date): Promise<SignInDevice | undefined>
}

export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(password: string, hash: string): Promise<boolean>
  /** A hash to verify against when the user does not exist, so timing does not tell. */
  decoy(): Promise<string>
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>

export type StaffChanges = Partial<Pick<StaffRecord, 'displayName' | 'phone' | 'roles' | 'branchId' | 'status'>>

export interface IdentityRepository {
  /** Fails with CONFLICT when the studio code is taken. */
  createStudio(studio: Studio, branches: Branch[]): Promise<void>
  findStudioByCode(code: string): Promise<Studio | undefined>
  getStudio(studioId: string): Promise<Studio | undefined>
  listBranches(studioId: string): Promise<Branch[]>
  /** Every studio of the stage (for the scheduled jobs that go through them all). */
  listStudioIds(): Promise<string[]>
  getBranch(studioId: string, branchId: string): Promise<Branch | undefined>
  /** Address, phone and place on the map; the rest of the branch stays. */
  saveBranchContact(studioId: string, branchId: string, contact: Pick<Branch, 'address' | 'phone' | 'location'>): Promise<Branch>

  findStaffByUsername(studioId: string, username: string): Promise<StaffRecord | undefined>
  getStaff(studioId: string, staffId: string): Promise<StaffRecord | undefined>
  listStaff(studioId: string, branchId?: string): Promise<StaffRecord[]>
  /** Fails with USERNAME_TAKEN when the user name exists in the studio. */
  createStaff(staff: StaffRecord, audit: NewAuditEntry): Promise<void>
  /** Fails with VERSION_CONFLICT when someone else changed the record since `expectedVersion`. */
  updateStaff(
    studioId: string,
    staffId: string,
    expectedVersion: number,
    changes: StaffChanges,
    audit: NewAuditEntry[],
    options?: { endSessions?: boolean },
  ): Promise<StaffRecord>
  /**
   * Counts one attempt in each window, in order, each with one conditional update, so however
   * many arrive at once no window passes more than its limit; RATE_LIMITED (with the seconds
   * until the full window ends) when one is full.
   */
  takeAttempt(windows: AttemptWindow[], now: Date): Promise<void>
  /** Gives a counted attempt back (it signed in). */
  releaseAttempt(windows: AttemptWindow[]): Promise<void>
  /** Empties a window (an admin lifting a throttle). */
  clearAttempts(window: AttemptWindow): Promise<void>
  /** Counts one failed sign-in atomically and returns the new count. */
  countFailedSignIn(studioId: string, staffId: string): Promise<number>
  lockStaff(studioId: string, staffId: string, until: Date, audit: NewAuditEntry): Promise<void>
  /**
   * Starts a session and clears the failure count, in one transaction — only while the
   * account is active, not locked, below the failure limit and on the credentials checked
   * (ACCOUNT_LOCKED otherwise), so parallel guesses cannot slip past a lockout.
   */
  startStaffSession(session: SessionRecord, audit: NewAuditEntry, guard: { now: Date }): Promise<void>
  /**
   * Replaces the password, lifts any lockout and ends the sessions under the old one, in one
   * transaction; `keepSessionId` carries over. Fails with VERSION_CONFLICT if the
   * credentials changed since `credentialVersion` was read.
   */
  setPassword(
    studioId: string,
    staffId: string,
    passwordHash: string,
    audit: NewAuditEntry,
    options: { credentialVersion: number; keepSessionId?: string },
  ): Promise<void>

  findCustomerByOpenId(studioId: string, openId: string): Promise<CustomerRecord | undefined>
  /** Creates the customer and links the WeChat identity; returns the existing customer when another request linked it first. */
  createCustomerWithOpenId(customer: CustomerRecord, openId: string, audit: NewAuditEntry): Promise<{ customer: CustomerRecord; created: boolean }>
  getCustomer(studioId: string, customerId: string): Promise<CustomerRecord | undefined>

  putSession(session: SessionRecord, audit?: NewAuditEntry): Promise<void>
  /** The session and its subject in one round trip. */
  getSessionWithSubject(studioId: string, sessionId: string, kind: 'staff' | 'customer', subjectId: string): Promise<{
    session?: SessionRecord
    staff?: StaffRecord
    customer?: CustomerRecord
  }>
  endSession(studioId: string, sessionId: string, audit?: NewAuditEntry): Promise<void>

  appendAudit(studioId: string, entry: NewAuditEntry): Promise<void>
  listAudit(studioId: string, options: { limit: number; cursor?: string; action?: string }): Promise<{ items: AuditEntry[]; nextCursor?: string }>
}
