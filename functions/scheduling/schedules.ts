import type { z } from 'zod'
import type * as op from '../../types/scheduling-operations'
import type { Appointment, CrewAppointment } from '../../types/booking'
import { seesMoney } from '../../types/vocabulary'
import { callerOf, type Caller, type RequestContext } from '../domain/context'
import { isAdmin } from '../domain/permissions'
import { studioDate } from '../domain/time'
import type { CustomerRepository } from '../customers/ports'
import type { IdentityRepository } from '../identity/ports'
import { studioTimeZone } from '../identity/studio-time-zone'
import { dateSpan } from './branch-picture'
import { assertBranch } from './placement'
import type { AppointmentRecord, ReminderSender, SchedulingRepository } from './ports'

interface SchedulePorts {
  scheduling: SchedulingRepository
  repo: IdentityRepository
}

const live = (a: AppointmentRecord) => a.status === 'held' || a.status === 'confirmed' || a.status === 'done'

/**
 * The appointment as the caller may see it: whole for the desk, without a cancellation's refund for the
 * crew. The crew's schema is built when a request first needs it, not when the function loads.
 */
export function appointmentSeenBy(caller: Caller, appointment: AppointmentRecord): Appointment | CrewAppointment {
  if (seesMoney(caller.roles)) return appointment
  const { CrewAppointmentSchema } = require('../../types/booking') as typeof import('../../types/booking')
  return CrewAppointmentSchema.parse(appointment)
}

const inDates = (a: AppointmentRecord, from: string, to: string, timeZone: string) => {
  const date = studioDate(new Date(a.startsAt), timeZone)
  return date >= from && date <= to
}

/** The signed-in customer's appointments. */
export async function myAppointments(deps: { scheduling: SchedulingRepository }, _input: z.output<typeof op.myAppointments.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  return { items: await deps.scheduling.customerAppointments(caller.studioId, caller.id) }
}

/** A photographer's or makeup artist's own days: one index query, then each customer's phone (a day holds a handful of shoots). */
export async function mySchedule(deps: SchedulePorts & { customers: CustomerRepository }, input: z.output<typeof op.mySchedule.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const timeZone = await studioTimeZone(deps, caller.studioId)
  const { from, to } = input.date ? dateSpan(new Date(`${input.date}T12:00:00Z`), 'UTC', input.days) : dateSpan(ctx.now, timeZone, input.days)
  const agenda = await deps.scheduling.agenda(caller.studioId, caller.id, new Date(Date.parse(from) - 86_400_000).toISOString(), new Date(Date.parse(to) + 86_400_000).toISOString())
  const items = agenda.filter((a) => live(a) && inDates(a, from, to, timeZone))
  const customerIds = [...new Set(items.map((a) => a.customerId))]
  const customers = await Promise.all(customerIds.map((id) => deps.customers.getCustomer(caller.studioId, id)))
  const phones = new Map(customerIds.map((id, index) => [id, customers[index]?.phone]))
  return { from, to, timeZone, items: items.map((a) => ({ ...appointmentSeenBy(caller, a), customerPhone: phones.get(a.customerId) })) }
}

/** The front desk's day of a branch: one index query. */
export async function branchDay(deps: SchedulePorts, input: z.output<typeof op.branchDay.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  await assertBranch(deps, caller.studioId, input.branchId)
  const timeZone = await studioTimeZone(deps, caller.studioId)
  const items = await deps.scheduling.branchAppointments(
    caller.studioId,
    input.branchId,
    new Date(Date.parse(input.date) - 86_400_000).toISOString(),
    new Date(Date.parse(input.date) + 2 * 86_400_000).toISOString(),
  )
  return { date: input.date, timeZone, items: items.filter((a) => live(a) && inDates(a, input.date, input.date, timeZone)).map((a) => appointmentSeenBy(caller, a)) }
}

/**
 * The reminders sent (locally: what would have been sent): the studio's to an admin, the caller's
 * own branch's to a manager (none to a manager without a branch).
 */
export async function reminderOutbox(deps: { scheduling: SchedulingRepository; reminders: ReminderSender }, input: z.output<typeof op.reminderOutbox.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const items = isAdmin(caller)
    ? await deps.scheduling.outbox(caller.studioId, input.limit)
    : caller.branchId
      ? await deps.scheduling.outbox(caller.studioId, input.limit, caller.branchId)
      : []
  return { simulated: deps.reminders.simulated, items }
}
