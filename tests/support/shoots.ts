import type { bookableStudio } from './booking'
import { at } from './booking'
import { TEST_PASSWORD } from './constants'

type BookableStudio = Awaited<ReturnType<typeof bookableStudio>>

export interface ShootOptions {
  day: string
  time?: string
  name: string
  phone: string
  orderNotes?: string
  appointmentNotes?: string
}

/** A staff member's token signed in at `now`, for calls made with that clock. */
export async function signInAt(s: BookableStudio, username: string, now: Date): Promise<string> {
  return (await s.ops.call('auth.staffSignIn', { studioCode: s.studio.code, username, password: TEST_PASSWORD }, undefined, { now })).token
}

/**
 * A shoot the desk booked days ahead for a walk-in customer, with the studio's first photographer,
 * confirmed by the manager, with notes on the order and on the booking. Booked "three days before"
 * through the operations with that clock, so its day may be today.
 */
export async function bookedShoot(s: BookableStudio, options: ShootOptions) {
  const now = new Date(Date.parse(at(options.day, '08:00')) - 3 * 86_400_000)
  const reception = await signInAt(s, 'reception', now)
  const manager = await signInAt(s, 'manager', now)
  const customer = await s.ops.call('customers.create', { name: options.name, phone: options.phone }, reception, { now })
  const appointment = await s.ops.call(
    'bookings.book',
    {
      packageId: s.pkg.id,
      branchId: s.branchId,
      startsAt: at(options.day, options.time ?? '10:00'),
      customerId: customer.id,
      photographerId: s.photographers[0]!.id,
      notes: options.appointmentNotes,
    },
    reception,
    { now },
  )
  await s.ops.call('bookings.confirm', { appointmentId: appointment.id }, manager, { now })
  if (options.orderNotes) {
    const { order } = await s.ops.call('orders.get', { orderId: appointment.orderId }, reception, { now })
    await s.ops.call('orders.update', { orderId: order.id, version: order.version, notes: options.orderNotes }, reception, { now })
  }
  return { appointmentId: appointment.id as string, orderId: appointment.orderId as string, customerId: customer.id as string }
}
