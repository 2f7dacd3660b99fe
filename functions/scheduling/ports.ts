import type { Appointment, BookingPolicy, BranchSchedule, Room, StaffSchedule } from '../../types/booking'
import type { NoticeKind } from '../../types/notices'
import type { NewAuditEntry, StaffRecord } from '../identity/ports'

export interface AppointmentRecord extends Appointment {
  studioId: string
  /** When the day-before reminder is due, for customers who asked for one. */
  reminderAt?: string
  /** The buffer its locks were taken with, so they can be found again if the policy changes. */
  lockedBufferMinutes: number
  /** The deposit as priced when booked: a later price change never alters it. */
  depositFen: number
}

/** A resource's half-hour cell an appointment holds. */
export interface LockRef {
  resourceId: string
  cell: number
}

/** The subscription-message templates: the day-before reminder of a shoot, and what the customer is told about their order. */
export type MessageTemplate = 'shoot-reminder' | NoticeKind

/** A message sent to a customer (or, where WeChat is simulated, recorded instead): about a booking or an order. */
export interface OutboxMessage {
  id: string
  studioId: string
  /** The branch of the shoot or order it is about (messages recorded before branches were kept have none). */
  branchId?: string
  customerId: string
  appointmentId?: string
  orderId?: string
  channel: 'wechat-subscribe'
  template: MessageTemplate
  data: Record<string, string>
  sentAt: string
}

/** The booking policy as stored: the studio's time zone lives on the studio. */
export type StoredBookingPolicy = Omit<BookingPolicy, 'timeZone'>

/** The studio's booking setup and its appointments, read and written outside the booking transactions. */
export interface SchedulingRepository {
  getPolicy(studioId: string): Promise<StoredBookingPolicy | undefined>
  /** Saves the policy and the studio's time zone with its audit entry, all or nothing. */
  savePolicy(studioId: string, policy: StoredBookingPolicy, timeZone: string, audit: NewAuditEntry): Promise<void>
  /** Opening hours and rooms of a branch, in one query. */
  branchSetup(studioId: string, branchId: string): Promise<{ schedule?: BranchSchedule; rooms: Room[] }>
  /** Everything a branch can offer — opening hours, rooms and its staff — in one index query. */
  branchResources(studioId: string, branchId: string): Promise<{ schedule?: BranchSchedule; rooms: Room[]; staff: StaffRecord[] }>
  saveBranchSchedule(studioId: string, branchId: string, schedule: BranchSchedule): Promise<void>
  saveRoom(studioId: string, room: Room): Promise<void>
  setStaffSchedule(studioId: string, staffId: string, schedule: StaffSchedule): Promise<void>

  /** Appointments of a branch starting in [from, to), held or confirmed or otherwise, in one query. */
  branchAppointments(studioId: string, branchId: string, from: string, to: string): Promise<AppointmentRecord[]>
  /** A staff member's appointments in [from, to): as photographer and as makeup artist. */
  agenda(studioId: string, staffId: string, from: string, to: string): Promise<AppointmentRecord[]>
  customerAppointments(studioId: string, customerId: string): Promise<AppointmentRecord[]>
  getAppointment(studioId: string, appointmentId: string): Promise<AppointmentRecord | undefined>

  /** Holds whose time has run out, across studios, oldest first. */
  lapsedHolds(now: Date, limit: number): Promise<{ studioId: string; appointmentId: string }[]>
  /** Reminders due by `now`, across studios. */
  dueReminders(now: Date, limit: number): Promise<{ studioId: string; appointmentId: string; remindAt: string }[]>
  /** Takes a reminder off the list; false when another run already took it, so nothing is sent twice. */
  claimReminder(studioId: string, appointmentId: string, remindAt: string): Promise<boolean>
  recordSent(message: OutboxMessage): Promise<void>
  /** The newest messages first; of one branch only when `branchId` is given. */
  outbox(studioId: string, limit: number, branchId?: string): Promise<OutboxMessage[]>
}

/** Messages to customers through WeChat's subscription messages (订阅消息), real or simulated: the day-before reminder and the order's notices. */
export interface ReminderSender {
  readonly simulated: boolean
  send(message: { openId: string; template: MessageTemplate; data: Record<string, string> }): Promise<void>
  /** The WeChat template id of each message, which the app asks the customer's consent for; none where not configured. */
  templateId(template: MessageTemplate): string | undefined
}
