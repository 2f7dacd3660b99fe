import { ulid } from 'ulid'
import { DomainError } from '../domain/errors'
import type { ReminderSender } from '../integrations/wechat-subscribe'
import { locksOf } from './bookings'
import type { BookingDeps } from './schedule'
import { orderContextOf, stageChange, SYSTEM, type OrderDeps } from '../orders/model'

/**
 * Releases holds whose time ran out: the appointment expires, its order is cancelled and
 * its locks are freed. TTL removes lapsed locks too, but on its own time; bookings never
 * wait for either, since a lapsed hold's lock may be taken over at once.
 */
export async function releaseExpiredHolds(deps: BookingDeps & OrderDeps, now: Date, batch = 100): Promise<{ released: number }> {
  let released = 0
  for (const due of await deps.booking.lapsedHolds(now, batch)) {
    const appointment = await deps.booking.getAppointment(due.studioId, due.appointmentId)
    if (!appointment || appointment.status !== 'held') continue
    try {
      const context = await orderContextOf(deps, due.studioId)
      // Money taken at the desk short of the deposit goes back in full.
      const paid = (await deps.orders.get(due.studioId, appointment.orderId))?.paidFen ?? 0
      const change = stageChange({ stage: 'pending_deposit' }, 'cancelled', SYSTEM, now, context, { note: 'hold expired', set: { refundDueFen: paid }, expectPaidFen: paid })
      await deps.booking.endBooking(appointment, locksOf(appointment), { status: 'expired' }, now, change)
      released++
    } catch (error) {
      // Confirmed or cancelled at this very moment: nothing left to release.
      // Confirmed, paid or cancelled at this very moment, or its time changing hands: the next run looks again.
      if (!(error instanceof DomainError && ['VERSION_CONFLICT', 'ILLEGAL_TRANSITION', 'CONFLICT'].includes(error.code))) throw error
    }
  }
  return { released }
}

/**
 * Sends the day-before reminders that are due, to customers who opted in. A reminder is
 * taken off the list before it is sent, so a second run (or two at once) sends nothing twice.
 */
export async function sendShootReminders(deps: BookingDeps, sender: ReminderSender, now: Date, batch = 100): Promise<{ sent: number }> {
  let sent = 0
  for (const due of await deps.booking.dueReminders(now, batch)) {
    if (!(await deps.booking.claimReminder(due.studioId, due.appointmentId, due.remindAt))) continue
    const appointment = await deps.booking.getAppointment(due.studioId, due.appointmentId)
    if (!appointment || appointment.status !== 'confirmed' || !appointment.remindCustomer) continue
    const customer = await deps.customers.getCustomer(due.studioId, appointment.customerId)
    if (!customer?.openId) continue
    const data = { package: appointment.packageName, startsAt: appointment.startsAt, customer: customer.name }
    await sender.send({ openId: customer.openId, data })
    await deps.booking.recordSent({
      id: ulid(now.getTime()),
      studioId: due.studioId,
      customerId: customer.id,
      appointmentId: appointment.id,
      channel: 'wechat-subscribe',
      template: 'shoot-reminder',
      data,
      sentAt: now.toISOString(),
    })
    sent++
  }
  return { sent }
}
