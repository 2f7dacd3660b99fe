import { ulid } from 'ulid'
import type { CustomerRepository } from '../customers/ports'
import type { ReminderSender, SchedulingRepository } from './ports'

/**
 * Sends the day-before reminders that are due, to customers who opted in. A reminder is
 * taken off the list before it is sent, so a second run (or two at once) sends nothing twice.
 */
export async function sendShootReminders(deps: { scheduling: SchedulingRepository; customers: CustomerRepository }, sender: ReminderSender, now: Date, batch = 100): Promise<{ sent: number }> {
  let sent = 0
  for (const due of await deps.scheduling.dueReminders(now, batch)) {
    if (!(await deps.scheduling.claimReminder(due.studioId, due.appointmentId, due.remindAt))) continue
    const appointment = await deps.scheduling.getAppointment(due.studioId, due.appointmentId)
    if (!appointment || appointment.status !== 'confirmed' || !appointment.remindCustomer) continue
    const customer = await deps.customers.getCustomer(due.studioId, appointment.customerId)
    if (!customer?.openId) continue
    const data = { package: appointment.packageName, startsAt: appointment.startsAt, customer: customer.name }
    await sender.send({ openId: customer.openId, template: 'shoot-reminder', data })
    await deps.scheduling.recordSent({
      id: ulid(now.getTime()),
      studioId: due.studioId,
      branchId: appointment.branchId,
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
