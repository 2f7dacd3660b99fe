import { DomainError } from '../domain/errors'
import { orderContextOf, stageChange, SYSTEM, type OrderContextPorts } from '../orders/model'
import { locksOf } from '../scheduling/placement'
import type { SchedulingRepository } from '../scheduling/ports'
import type { Bookkeeping } from '../orders/ports'
import { appointmentFigures, withFigures } from './booking-figures'
import type { BookingRepository } from './ports'

interface ExpirePorts extends OrderContextPorts {
  scheduling: SchedulingRepository
  booking: BookingRepository
  books: Bookkeeping
}

/**
 * Releases holds whose time ran out: the appointment expires, its order is cancelled and
 * its locks are freed. TTL removes lapsed locks too, but on its own time; bookings never
 * wait for either, since a lapsed hold's lock may be taken over at once.
 */
export async function releaseExpiredHolds(deps: ExpirePorts, now: Date, batch = 100): Promise<{ released: number }> {
  let released = 0
  for (const due of await deps.scheduling.lapsedHolds(now, batch)) {
    const appointment = await deps.scheduling.getAppointment(due.studioId, due.appointmentId)
    if (!appointment || appointment.status !== 'held') continue
    try {
      const context = await orderContextOf(deps, due.studioId)
      // Money taken at the desk short of the deposit goes back in full.
      const held = await deps.orders.get(due.studioId, appointment.orderId)
      const paid = held?.paidFen ?? 0
      const change = stageChange({ stage: 'pending_deposit' }, 'cancelled', SYSTEM, now, context, { note: 'hold expired', set: { refundDueFen: (held?.refundedFen ?? 0) + paid }, expectPaidFen: paid })
      const books = withFigures(held ? await deps.books.stageReached(held, change) : {}, appointmentFigures(appointment, context.timeZone, now, { sign: -1 }))
      await deps.booking.endBooking(appointment, locksOf(appointment), { status: 'expired' }, now, change, books)
      released++
    } catch (error) {
      // Confirmed, paid or cancelled at this very moment, or its time changing hands: the next run looks again.
      if (!(error instanceof DomainError && ['VERSION_CONFLICT', 'ILLEGAL_TRANSITION', 'CONFLICT'].includes(error.code))) throw error
    }
  }
  return { released }
}

