import type { Caller } from '../domain/context'
import { beforeCutoff } from '../domain/booking'
import { DomainError, notFound } from '../domain/errors'
import { withinBranch } from '../domain/permissions'
import type { AppointmentRecord, SchedulingRepository } from '../scheduling/ports'

const mayOverrideCutoff = (caller: Caller) => caller.roles.some((r) => r === 'manager' || r === 'admin')

/** The appointment, if the caller may see it: customers only their own, staff their branch's. */
export async function loadOwn(deps: { scheduling: SchedulingRepository }, caller: Caller, appointmentId: string) {
  const appointment = await deps.scheduling.getAppointment(caller.studioId, appointmentId)
  if (!appointment || (caller.kind === 'customer' && appointment.customerId !== caller.id) || !withinBranch(caller, appointment.branchId)) throw notFound('Appointment')
  return appointment
}

/** Held or confirmed, and — for customers and the desk — before the change cutoff (a manager may override). */
export function assertChangeable(appointment: AppointmentRecord, caller: Caller, cutoffHours: number, now: Date) {
  if (appointment.status !== 'held' && appointment.status !== 'confirmed') throw new DomainError('PRECONDITION_FAILED', `This booking is ${appointment.status}`)
  if (!mayOverrideCutoff(caller) && !beforeCutoff({ changeCutoffHours: cutoffHours }, Date.parse(appointment.startsAt), now.getTime())) {
    throw new DomainError('PRECONDITION_FAILED', `Bookings can be changed up to ${cutoffHours} hours before the shoot; please call the studio`)
  }
}
