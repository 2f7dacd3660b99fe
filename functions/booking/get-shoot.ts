import type { z } from 'zod'
import type * as op from '../../types/shoot-operations'
import type { CustomerRepository } from '../customers/ports'
import { callerOf, type Caller, type RequestContext } from '../domain/context'
import { notFound } from '../domain/errors'
import { studioDate } from '../domain/time'
import type { IdentityRepository } from '../identity/ports'
import { studioTimeZone } from '../identity/studio-time-zone'
import type { OrderRepository } from '../orders/ports'
import type { AppointmentRecord, SchedulingRepository } from '../scheduling/ports'
import { loadOwn } from './appointments'
import { appointmentSeenBy } from '../scheduling/schedules'

export interface ShootPorts {
  scheduling: SchedulingRepository
  orders: OrderRepository
  customers: CustomerRepository
  repo: IdentityRepository
}

const leads = (caller: Caller) => caller.roles.some((role) => role === 'manager' || role === 'admin')

/** The appointment, if it is the caller's to work: a photographer or makeup artist sees only shoots they are booked on, a manager the branch's. */
export async function loadShootAppointment(deps: ShootPorts, caller: Caller, appointmentId: string): Promise<AppointmentRecord> {
  const appointment = await loadOwn(deps, caller, appointmentId)
  if (!leads(caller) && appointment.photographerId !== caller.id && appointment.makeupArtistId !== caller.id) throw notFound('Appointment')
  return appointment
}

/** The shoot as its page shows it, read after any change. */
export async function shootOf(deps: ShootPorts, caller: Caller, appointment: AppointmentRecord, now: Date): Promise<z.input<typeof op.ShootSchema>> {
  const [order, customer, timeZone] = await Promise.all([
    deps.orders.get(caller.studioId, appointment.orderId),
    deps.customers.getCustomer(caller.studioId, appointment.customerId),
    studioTimeZone(deps, caller.studioId),
  ])
  if (!order) throw notFound('Order')
  const date = studioDate(new Date(appointment.startsAt), timeZone)
  return {
    appointment: appointmentSeenBy(caller, appointment),
    customerPhone: customer?.phone,
    order: { id: order.id, stage: order.stage, notes: order.notes },
    timeZone,
    date,
    dayReached: studioDate(now, timeZone) >= date,
  }
}

/**
 * One shoot for the staff working it:
 * 1. the appointment, in the caller's branch and (for a photographer or makeup artist) their own;
 * 2. the customer's phone and the order's stage and notes, with the shoot's day in the studio's zone.
 */
export async function getShoot(deps: ShootPorts, input: z.output<typeof op.getShoot.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  return shootOf(deps, caller, await loadShootAppointment(deps, caller, input.appointmentId), ctx.now)
}

