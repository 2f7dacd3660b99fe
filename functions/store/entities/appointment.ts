import type { AppointmentRecord, LockRef } from '../../scheduling/ports'
import { guarded, type Failure, type TransactionItem } from '../errors'
import type { Item } from '../items'
import { keys } from '../keys'
import { epochSeconds, TTL_ATTRIBUTE } from '../table'
import { lockPut } from './lock'

/** The appointment in its customer's file, indexed by branch (gsi1) and by photographer (gsi2) and makeup artist (gsi3) agenda. */
export function appointmentItem(a: AppointmentRecord): Item {
  return {
    ...keys.appointment(a.studioId, a.customerId, a.id),
    type: 'Appointment',
    gsi1pk: keys.branchBookings(a.studioId, a.branchId),
    gsi1sk: `${a.startsAt}#${a.id}`,
    ...(a.photographerId ? { gsi2pk: keys.agenda(a.studioId, a.photographerId), gsi2sk: `${a.startsAt}#${a.id}` } : {}),
    ...(a.makeupArtistId ? { gsi3pk: keys.agenda(a.studioId, a.makeupArtistId), gsi3sk: `${a.startsAt}#${a.id}` } : {}),
    ...a,
  }
}

/** Finds an appointment by its id alone. */
export const appointmentPointerItem = (a: AppointmentRecord): Item => ({ ...keys.appointmentPointer(a.studioId, a.id), type: 'AppointmentPointer', customerId: a.customerId })

/** Replaces the appointment if it is still the version and status read. */
export function appointmentReplace(table: string, current: AppointmentRecord, next: AppointmentRecord) {
  return {
    Put: {
      TableName: table,
      Item: appointmentItem(next),
      ConditionExpression: '#version = :v AND #status = :s',
      ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
      ExpressionAttributeValues: { ':v': current.version, ':s': current.status },
    },
  }
}

/** A held appointment on the sweep's list until its hold runs out (kept a day past it). */
export const dueHoldPut = (table: string, a: AppointmentRecord & { holdExpiresAt: string }) => ({
  Put: { TableName: table, Item: { ...keys.dueHold(a.holdExpiresAt, a.studioId, a.id), type: 'DueHold', [TTL_ATTRIBUTE]: epochSeconds(a.holdExpiresAt) + 86_400 } },
})

/** Off the sweep's list, if it was on it. */
export const dueHoldDeletes = (table: string, a: AppointmentRecord) =>
  a.holdExpiresAt ? [{ Delete: { TableName: table, Key: keys.dueHold(a.holdExpiresAt, a.studioId, a.id) } }] : []

/** The reminder queued for a booking that has one, kept a day past the shoot. */
export const reminderPuts = (table: string, a: AppointmentRecord) =>
  a.reminderAt ? [{ Put: { TableName: table, Item: { ...keys.dueReminder(a.reminderAt, a.studioId, a.id), type: 'DueReminder', [TTL_ATTRIBUTE]: epochSeconds(a.startsAt) + 86_400 } } }] : []

export const reminderDeletes = (table: string, a: AppointmentRecord) =>
  a.reminderAt ? [{ Delete: { TableName: table, Key: keys.dueReminder(a.reminderAt, a.studioId, a.id) } }] : []

/** The appointment once its hold becomes a booking. */
export const confirmedAppointment = (a: AppointmentRecord, now: Date): AppointmentRecord => ({
  ...a,
  status: 'confirmed',
  holdExpiresAt: undefined,
  version: a.version + 1,
  updatedAt: now.toISOString(),
})

/**
 * The writes that make a hold (or a lapsed hold) a booking: the appointment confirmed, its
 * hold taken off the sweep list, its reminder queued, and every lock taken for good —
 * re-taking any lapsed lock that is still free.
 */
export function confirmationWrites(
  table: string,
  appointment: AppointmentRecord,
  locks: LockRef[],
  now: Date,
  failures: { appointment: Failure; lock: Failure },
): TransactionItem[] {
  const { studioId, id } = appointment
  return [
    guarded(appointmentReplace(table, appointment, confirmedAppointment(appointment, now)), failures.appointment),
    ...dueHoldDeletes(table, appointment).map((write) => guarded(write)),
    ...reminderPuts(table, appointment).map((write) => guarded(write)),
    ...locks.map((lock) => guarded(lockPut(table, studioId, id, lock, now), failures.lock)),
  ]
}
