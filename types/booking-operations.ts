import * as z from 'zod'
import { IdSchema, IsoDateTimeSchema } from './common'
import { AppointmentSchema } from './booking'
import { defineOperation } from './operation'
import { DESK, SETUP_EDITORS } from './scheduling-operations'

export const book = defineOperation({
  name: 'bookings.book',
  method: 'POST',
  path: '/bookings',
  summary: 'Book a shoot: a new order awaiting its deposit, every resource held until the hold expires — or the shoot of a paid order',
  tag: 'booking',
  input: z.strictObject({
    packageId: IdSchema,
    branchId: IdSchema,
    startsAt: IsoDateTimeSchema,
    photographerId: IdSchema.optional(),
    /** Reception books for a customer; a customer books for themselves. */
    customerId: IdSchema.optional(),
    /** The shoot of an order opened at the desk whose deposit is paid: booked straight away, with no hold. */
    orderId: IdSchema.optional(),
    notes: z.string().trim().max(500).optional(),
    /** The customer tapped to allow a WeChat reminder the day before. */
    remindCustomer: z.boolean().default(false),
  }),
  output: AppointmentSchema,
  access: ['customer', ...DESK],
  scope: 'branch',
})

export const confirmBooking = defineOperation({
  name: 'bookings.confirm',
  method: 'POST',
  path: '/bookings/{appointmentId}/confirm',
  summary: 'A manager confirms a booking without its deposit (a waiver, on the order’s timeline); deposits are taken as payments',
  tag: 'booking',
  input: z.strictObject({ appointmentId: IdSchema }),
  output: AppointmentSchema,
  access: SETUP_EDITORS,
  scope: 'branch',
})

export const rescheduleBooking = defineOperation({
  name: 'bookings.reschedule',
  method: 'POST',
  path: '/bookings/{appointmentId}/reschedule',
  summary: 'Move a booking to another free time, up to the studio’s cutoff',
  tag: 'booking',
  input: z.strictObject({ appointmentId: IdSchema, startsAt: IsoDateTimeSchema, photographerId: IdSchema.optional() }),
  output: AppointmentSchema,
  access: ['customer', ...DESK],
  scope: 'branch',
})

export const cancelBooking = defineOperation({
  name: 'bookings.cancel',
  method: 'POST',
  path: '/bookings/{appointmentId}/cancel',
  summary: 'Cancel a booking, up to the cutoff; records the deposit refund the policy allows',
  tag: 'booking',
  input: z.strictObject({ appointmentId: IdSchema, reason: z.string().trim().max(200).optional() }),
  output: AppointmentSchema,
  access: ['customer', ...DESK],
  scope: 'branch',
})

export const bookingOperations = [
  book,
  confirmBooking,
  rescheduleBooking,
  cancelBooking,
] as const

// The app imports the scheduling operations from here too.
export * from './scheduling-operations'
