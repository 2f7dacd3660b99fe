import type { z } from 'zod'
import type * as op from '../../types/booking-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { actorOf, orderContextOf, stageChange, SYSTEM, type OrderContextPorts } from '../orders/model'
import type { Bookkeeping, OrderRecord } from '../orders/ports'
import type { DepositConfirmation } from '../payments/ports'
import { locksOf } from '../scheduling/placement'
import type { SchedulingRepository } from '../scheduling/ports'
import { loadOwn } from './appointments'
import type { BookingRepository } from './ports'

interface ConfirmPorts extends OrderContextPorts {
  scheduling: SchedulingRepository
}

/** A manager's waiver: the hold becomes a booking without a deposit, noted on the order's timeline. */
export async function confirmBooking(deps: ConfirmPorts & { booking: BookingRepository; books: Bookkeeping }, input: z.output<typeof op.confirmBooking.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const appointment = await loadOwn(deps, caller, input.appointmentId)
  if (appointment.status !== 'held') throw new DomainError('PRECONDITION_FAILED', `This booking is ${appointment.status}, not waiting for its deposit`)
  const context = await orderContextOf(deps, caller.studioId)
  const change = stageChange({ stage: 'pending_deposit', shootAt: appointment.startsAt }, 'confirmed', actorOf(caller), ctx.now, context, { note: 'confirmed without a deposit' })
  const order = await deps.orders.get(caller.studioId, appointment.orderId)
  return deps.booking.confirmBooking(appointment, locksOf(appointment), ctx.now, change, order ? await deps.books.stageReached(order, change) : undefined)
}

/**
 * What a deposit landing on an order does: an order awaiting it is confirmed, with its held
 * appointment — or a hold that ran out, if its time is still free — made permanent in the
 * same transaction as the payment. A booking the customer cancelled is not taken back
 * ('refuse': the money goes back).
 */
export async function depositConfirmation(deps: ConfirmPorts, order: OrderRecord, now: Date): Promise<DepositConfirmation | 'refuse' | undefined> {
  const lapsedHold = order.stage === 'cancelled' && order.appointmentId
  if (order.stage !== 'pending_deposit' && !lapsedHold) return order.stage === 'cancelled' ? 'refuse' : undefined
  const context = await orderContextOf(deps, order.studioId)
  const appointment = order.appointmentId ? await deps.scheduling.getAppointment(order.studioId, order.appointmentId) : undefined
  if (order.appointmentId) {
    if (!appointment || !(appointment.status === 'held' || (lapsedHold && appointment.status === 'expired'))) return 'refuse'
  }
  const change = stageChange(order, 'confirmed', SYSTEM, now, context, { note: 'deposit paid by WeChat Pay' })
  return { change, booking: appointment ? { appointment, locks: locksOf(appointment) } : undefined }
}
