import type { Caller } from '../domain/context'
import { beforeCutoff } from '../domain/booking'
import { DomainError, forbidden, notFound } from '../domain/errors'
import { studioDate } from '../domain/time'
import { withinBranch } from '../domain/permissions'
import type { AppointmentRecord, SchedulingRepository } from '../scheduling/ports'

/** Managers and admins lead the branch: they may change a booking past the cutoff and work any of its shoots. */
const leads = (caller: Caller) => caller.roles.some((r) => r === 'manager' || r === 'admin')

/** The appointment, if the caller may see it: customers only their own, staff their branch's. */
export async function loadOwn(deps: { scheduling: SchedulingRepository }, caller: Caller, appointmentId: string) {
  const appointment = await deps.scheduling.getAppointment(caller.studioId, appointmentId)
  if (!appointment || (caller.kind === 'customer' && appointment.customerId !== caller.id) || !withinBranch(caller, appointment.branchId)) throw notFound('Appointment')
  return appointment
}

/** Held or confirmed, and — for customers and the desk — before the change cutoff (a manager may override). */
export function assertChangeable(appointment: AppointmentRecord, caller: Caller, cutoffHours: number, now: Date) {
  if (appointment.status !== 'held' && appointment.status !== 'confirmed') throw new DomainError('PRECONDITION_FAILED', `This booking is ${appointment.status}`)
  if (!leads(caller) && !beforeCutoff({ changeCutoffHours: cutoffHours }, Date.parse(appointment.startsAt), now.getTime())) {
    throw new DomainError('PRECONDITION_FAILED', `Bookings can be changed up to ${cutoffHours} hours before the shoot; please call the studio`)
  }
}

/**
 * The shoot's own rule for marking it shot (已拍摄), whichever page asks — the shoot's or the order's
 * stage step: the booking is confirmed, and the caller is on its crew (the photographer or makeup artist
 * booked on it) from its day on in the studio's zone — or a manager of its branch, who may also record
 * a shoot done ahead of its day, as they may change a booking past the cutoff.
 */
export function assertShootMarkable(appointment: AppointmentRecord, caller: Caller, timeZone: string, now: Date) {
  if (appointment.status !== 'confirmed' && appointment.status !== 'done') throw new DomainError('PRECONDITION_FAILED', `This booking is ${appointment.status}`)
  if (leads(caller)) return
  if (appointment.photographerId !== caller.id && appointment.makeupArtistId !== caller.id) throw forbidden('Only the crew booked on this shoot, or a manager, marks it shot')
  const date = studioDate(new Date(appointment.startsAt), timeZone)
  if (studioDate(now, timeZone) < date) throw new DomainError('PRECONDITION_FAILED', `The shoot is on ${date}; it can be marked shot from that day`)
}
