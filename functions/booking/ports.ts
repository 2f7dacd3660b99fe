import type { Appointment, BookingPolicy, BranchSchedule, Room, StaffSchedule } from '../../types/booking'
import type { StaffRecord } from '../identity/ports'
import type { OrderRecord, StageChange } from '../orders/ports'

export interface AppointmentRecord extends Appointment {
  studioId: string
  /** When the day-before reminder is due, for customers who asked for one. */
  reminderAt?: string
  /** The buffer its locks were taken with, so they can be found again if the policy changes. */
  lockedBufferMinutes: number
  /** The deposit as priced when booked: a later price change never alters it. */
  depositFen: number
}

export type { OrderRecord } from '../orders/ports'

export interface LockRef {
  resourceId: string
  cell: number
}

export interface OutboxMessage {
  id: string
  studioId: string
  customerId: string
  appointmentId: string
  channel: 'wechat-subscribe'
  template: 'shoot-reminder'
  data: Record<string, string>
  sentAt: string
}

export interface BookingRepository {
  getPolicy(studioId: string): Promise<BookingPolicy | undefined>
  savePolicy(studioId: string, policy: BookingPolicy): Promise<void>
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

  /**
   * Writes the appointment, its order and a lock on every cell of every resource in one
   * transaction. A cell held by anyone else (other than a lapsed hold) fails it with SLOT_TAKEN.
   */
  createBooking(
    appointment: AppointmentRecord,
    order: { create: OrderRecord } | { attach: { orderId: string; shootAt: string; expectedBy?: string } },
    locks: LockRef[],
    now: Date,
  ): Promise<void>
  /** Makes the hold permanent, re-taking any lapsed lock still free; PRECONDITION_FAILED if the slot was lost. */
  confirmBooking(appointment: AppointmentRecord, locks: LockRef[], now: Date, orderChange: StageChange): Promise<AppointmentRecord>
  /** Moves the locks and the appointment in one transaction; SLOT_TAKEN if the new time is not free. */
  rescheduleBooking(
    current: AppointmentRecord,
    next: AppointmentRecord,
    oldLocks: LockRef[],
    newLocks: LockRef[],
    now: Date,
    order: { shootAt: string; expectedBy?: string },
  ): Promise<AppointmentRecord>
  /** Cancels (or expires) the appointment and its order and frees its locks; refuses if its status changed meanwhile. */
  endBooking(
    appointment: AppointmentRecord,
    locks: LockRef[],
    ending: { status: 'cancelled' | 'expired'; cancellation?: AppointmentRecord['cancellation'] },
    now: Date,
    orderChange: StageChange,
  ): Promise<AppointmentRecord>

  /** Holds whose time has run out, across studios, oldest first. */
  lapsedHolds(now: Date, limit: number): Promise<{ studioId: string; appointmentId: string }[]>
  /** Reminders due by `now`, across studios. */
  dueReminders(now: Date, limit: number): Promise<{ studioId: string; appointmentId: string; remindAt: string }[]>
  /** Takes a reminder off the list; false when another run already took it, so nothing is sent twice. */
  claimReminder(studioId: string, appointmentId: string, remindAt: string): Promise<boolean>
  recordSent(message: OutboxMessage): Promise<void>
  outbox(studioId: string, limit: number): Promise<OutboxMessage[]>
}
