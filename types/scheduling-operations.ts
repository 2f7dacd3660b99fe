import * as z from 'zod'
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from './common'
import { AppointmentSchema, CrewAppointmentSchema, BookingPolicySchema, BranchScheduleSchema, RoomSchema, SlotSchema, StaffScheduleSchema } from './booking'
import { BranchLocationSchema, BranchSchema } from './entities'
import { defineOperation } from './operation'
import { ANY_STAFF, STUDIO_SETTINGS_EDITORS } from './roles'

/** Who sets up a branch's booking: its opening hours, rooms and staff schedules (the policy is the studio's, its admin's). */
export const SETUP_EDITORS = ['manager', 'admin'] as const
/** The front desk. */
export const DESK = ['reception', 'manager', 'admin'] as const

export const getBookingPolicy = defineOperation({
  name: 'booking.getPolicy',
  method: 'GET',
  path: '/booking/policy',
  summary: 'The studio’s booking policy',
  tag: 'booking',
  input: z.strictObject({}),
  output: BookingPolicySchema,
  access: ['customer', ...ANY_STAFF],
})

export const saveBookingPolicy = defineOperation({
  name: 'booking.savePolicy',
  method: 'PUT',
  path: '/booking/policy',
  summary: 'Set the slot grid, buffer, notice, horizon, hold time, change cutoff, refund tiers and time zone (every branch’s: the admin’s, audited)',
  tag: 'booking',
  input: BookingPolicySchema,
  output: BookingPolicySchema,
  access: STUDIO_SETTINGS_EDITORS,
})

export const getBranchSchedule = defineOperation({
  name: 'branches.getSchedule',
  method: 'GET',
  path: '/branches/{branchId}/schedule',
  summary: 'A branch’s opening hours, holidays and blackout days',
  tag: 'booking',
  input: z.strictObject({ branchId: IdSchema }),
  output: BranchScheduleSchema,
  access: ANY_STAFF,
})

export const saveBranchSchedule = defineOperation({
  name: 'branches.saveSchedule',
  method: 'PUT',
  path: '/branches/{branchId}/schedule',
  summary: 'Set a branch’s opening hours, holidays and blackout days',
  tag: 'booking',
  input: BranchScheduleSchema.extend({ branchId: IdSchema }),
  output: BranchScheduleSchema,
  access: SETUP_EDITORS,
  scope: 'branch',
})

export const saveBranchContact = defineOperation({
  name: 'branches.saveContact',
  scope: 'branch',
  method: 'PUT',
  path: '/branches/{branchId}/contact',
  summary: 'Set how customers reach a branch: its address, phone and place on the map',
  tag: 'booking',
  input: z.strictObject({
    branchId: IdSchema,
    address: z.string().trim().min(1).max(120),
    // A landline with its area code (010-12345678), a mobile, or a 400 number.
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s-]{5,20}$/, 'must be a phone number'),
    location: BranchLocationSchema.nullable(),
  }),
  output: BranchSchema,
  access: SETUP_EDITORS,
})

export const listRooms = defineOperation({
  name: 'rooms.list',
  method: 'GET',
  path: '/branches/{branchId}/rooms',
  summary: 'Rooms and sets of a branch',
  tag: 'booking',
  input: z.strictObject({ branchId: IdSchema }),
  output: z.object({ items: z.array(RoomSchema) }),
  access: ANY_STAFF,
})

export const saveRoom = defineOperation({
  name: 'rooms.save',
  method: 'PUT',
  path: '/branches/{branchId}/rooms',
  summary: 'Add a room (no id) or rename, open or close one',
  tag: 'booking',
  input: z.strictObject({ branchId: IdSchema, id: IdSchema.optional(), name: z.string().trim().min(1).max(30), active: z.boolean().default(true) }),
  output: RoomSchema,
  access: SETUP_EDITORS,
  scope: 'branch',
})

export const getStaffSchedule = defineOperation({
  name: 'staffSchedules.get',
  method: 'GET',
  path: '/staff/{staffId}/schedule',
  summary: 'A photographer’s or makeup artist’s working hours, days off and leave',
  tag: 'booking',
  input: z.strictObject({ staffId: IdSchema }),
  output: StaffScheduleSchema,
  access: SETUP_EDITORS,
  scope: 'branch',
})

export const saveStaffSchedule = defineOperation({
  name: 'staffSchedules.save',
  method: 'PUT',
  path: '/staff/{staffId}/schedule',
  summary: 'Set working hours, days off and leave',
  tag: 'booking',
  input: StaffScheduleSchema.extend({ staffId: IdSchema }),
  output: StaffScheduleSchema,
  access: SETUP_EDITORS,
  scope: 'branch',
})

export const MAX_AVAILABILITY_DAYS = 31

export const availability = defineOperation({
  name: 'bookings.availability',
  method: 'GET',
  path: '/bookings/availability',
  summary: 'Free start times for a package in a branch over up to 31 days, in the studio’s time zone',
  tag: 'booking',
  input: z
    .strictObject({ packageId: IdSchema, branchId: IdSchema, from: IsoDateSchema, to: IsoDateSchema, photographerId: IdSchema.optional() })
    .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' })
    .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_AVAILABILITY_DAYS, { path: ['to'], message: `must be within ${MAX_AVAILABILITY_DAYS} days of from` }),
  output: z.object({ timeZone: z.string(), slots: z.array(SlotSchema) }),
  access: ['customer', ...ANY_STAFF],
})

export const myAppointments = defineOperation({
  name: 'bookings.mine',
  method: 'GET',
  path: '/me/appointments',
  summary: 'The signed-in customer’s appointments',
  tag: 'booking',
  input: z.strictObject({}),
  output: z.object({ items: z.array(AppointmentSchema) }),
  access: ['customer'],
})

export const mySchedule = defineOperation({
  name: 'schedules.mine',
  method: 'GET',
  path: '/me/schedule',
  summary: 'A photographer’s or makeup artist’s day or week',
  tag: 'booking',
  input: z.strictObject({ date: IsoDateSchema.optional(), days: z.coerce.number().int().min(1).max(7).default(1) }),
  /** Each shoot with the customer's phone, to call them from the row; no money. */
  output: z.object({ from: IsoDateSchema, to: IsoDateSchema, timeZone: z.string(), items: z.array(CrewAppointmentSchema.extend({ customerPhone: z.string().optional() })) }),
  access: ['photographer', 'makeup'],
})

export const branchDay = defineOperation({
  name: 'schedules.branchDay',
  method: 'GET',
  path: '/branches/{branchId}/day',
  summary: 'Everything booked in a branch on a day, for the front desk',
  tag: 'booking',
  input: z.strictObject({ branchId: IdSchema, date: IsoDateSchema }),
  /** Each appointment with its money (a cancellation's refund) for the desk, without it for the crew. */
  output: z.object({ date: IsoDateSchema, timeZone: z.string(), items: z.array(z.union([AppointmentSchema, CrewAppointmentSchema])) }),
  access: [...DESK, 'photographer', 'makeup'],
  scope: 'branch',
})

export const reminderOutbox = defineOperation({
  name: 'reminders.outbox',
  method: 'GET',
  path: '/reminders/outbox',
  summary: 'The reminders sent to customers, newest first (locally, where WeChat is simulated, this is where they go)',
  tag: 'booking',
  input: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(50) }),
  output: z.object({
    simulated: z.boolean(),
    items: z.array(z.object({ id: IdSchema, customerId: IdSchema, appointmentId: IdSchema.optional(), orderId: IdSchema.optional(), template: z.string(), data: z.record(z.string(), z.string()), sentAt: IsoDateTimeSchema })),
  }),
  access: ['manager', 'admin'],
})

/** The API lists these before the booking operations: the studio's setup and what is free. */
export const setupOperations = [
  getBookingPolicy,
  saveBookingPolicy,
  getBranchSchedule,
  saveBranchSchedule,
  saveBranchContact,
  listRooms,
  saveRoom,
  getStaffSchedule,
  saveStaffSchedule,
  availability,
] as const

/** And these after them: who is booked when, and the reminders sent. */
export const scheduleOperations = [myAppointments, mySchedule, branchDay, reminderOutbox] as const

export const schedulingOperations = [...setupOperations, ...scheduleOperations] as const
