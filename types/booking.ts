import * as z from 'zod'
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from './common'
import { FenSchema } from './money'

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:mm')

export const DayWindowSchema = z
  .strictObject({ from: Time, to: Time })
  .refine((w) => w.from < w.to, { message: 'must end after it starts', path: ['to'] })

const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const
/** Hours by ISO weekday, "1" = Monday … "7" = Sunday; a missing day is closed. */
export const WeeklyHoursSchema = z.partialRecord(z.enum(weekdays), z.array(DayWindowSchema).max(4))
export type WeeklyHoursInput = z.infer<typeof WeeklyHoursSchema>

export const RefundTierSchema = z.strictObject({
  minDaysBefore: z.number().int().min(0).max(365),
  percent: z.number().int().min(0).max(100),
})
export type RefundTier = z.infer<typeof RefundTierSchema>

export const BookingPolicySchema = z.strictObject({
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz })
      return true
    } catch {
      return false
    }
  }, 'must be an IANA time zone such as Asia/Shanghai'),
  gridMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]),
  bufferMinutes: z.number().int().min(0).max(240),
  minNoticeMinutes: z.number().int().min(0).max(14 * 24 * 60),
  horizonDays: z.number().int().min(1).max(366),
  holdMinutes: z.number().int().min(5).max(24 * 60),
  changeCutoffHours: z.number().int().min(0).max(30 * 24),
  /** Deposit refunded on cancellation, by how many days before the shoot; the highest tier that applies wins. */
  refundTiers: z
    .array(RefundTierSchema)
    .min(1)
    .max(10)
    .refine((t) => new Set(t.map((x) => x.minDaysBefore)).size === t.length, 'must not repeat a tier'),
})
export type BookingPolicy = z.infer<typeof BookingPolicySchema>

export const ClosedDateSchema = z.strictObject({ date: IsoDateSchema, reason: z.string().trim().max(40).default('') })

export const BranchScheduleSchema = z.strictObject({
  openingHours: WeeklyHoursSchema,
  closedDates: z.array(ClosedDateSchema).max(366),
})
export type BranchSchedule = z.infer<typeof BranchScheduleSchema>

export const RoomSchema = z.object({ id: IdSchema, branchId: IdSchema, name: z.string(), active: z.boolean() })
export type Room = z.infer<typeof RoomSchema>

export const LeaveSchema = z
  .strictObject({ startsAt: IsoDateTimeSchema, endsAt: IsoDateTimeSchema, reason: z.string().trim().max(40).default('') })
  .refine((l) => Date.parse(l.startsAt) < Date.parse(l.endsAt), { message: 'must end after it starts', path: ['endsAt'] })

export const StaffScheduleSchema = z.strictObject({
  /** When absent, the staff member works the branch's opening hours. */
  workingHours: WeeklyHoursSchema.optional(),
  daysOff: z.array(IsoDateSchema).max(366),
  leave: z.array(LeaveSchema).max(100),
  /** A senior photographer may cost more when a customer picks them. */
  surchargeFen: FenSchema.default(0),
})
export type StaffSchedule = z.infer<typeof StaffScheduleSchema>

export const appointmentStatuses = ['held', 'confirmed', 'cancelled', 'expired', 'done'] as const
export const AppointmentStatusSchema = z.enum(appointmentStatuses)

/** When and by whom a booking was cancelled, and what of the deposit the policy gives back. */
export const CancellationSchema = z.object({ at: IsoDateTimeSchema, by: z.string(), refundPercent: z.number().int(), refundDueFen: FenSchema, reason: z.string().optional() })

export const AppointmentSchema = z.object({
  id: IdSchema,
  orderId: IdSchema,
  customerId: IdSchema,
  customerName: z.string(),
  branchId: IdSchema,
  packageId: IdSchema,
  packageName: z.string(),
  startsAt: IsoDateTimeSchema,
  endsAt: IsoDateTimeSchema,
  photographerId: IdSchema.optional(),
  makeupArtistId: IdSchema.optional(),
  roomId: IdSchema.optional(),
  /** Names as they were when booked, so schedules read without another lookup. */
  photographerName: z.string().optional(),
  makeupArtistName: z.string().optional(),
  roomName: z.string().optional(),
  status: AppointmentStatusSchema,
  /** Once the booking was moved, the earliest start it has held: its cancellation refund is judged from it. */
  earliestStartsAt: IsoDateTimeSchema.optional(),
  holdExpiresAt: IsoDateTimeSchema.optional(),
  notes: z.string().optional(),
  remindCustomer: z.boolean(),
  version: z.number().int(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  cancellation: CancellationSchema.optional(),
})
export type Appointment = z.infer<typeof AppointmentSchema>

/**
 * An appointment as the photographer and makeup artist working it see it: when, who, what and its
 * state — no money (a cancelled shoot's refund is the desk's and finance's business).
 */
export const CrewAppointmentSchema = AppointmentSchema.extend({
  cancellation: CancellationSchema.omit({ refundPercent: true, refundDueFen: true }).optional(),
})
export type CrewAppointment = z.infer<typeof CrewAppointmentSchema>

export const SlotSchema = z.object({
  startsAt: IsoDateTimeSchema,
  endsAt: IsoDateTimeSchema,
  date: IsoDateSchema,
  time: z.string(),
  photographers: z.array(z.object({ id: IdSchema, name: z.string(), surchargeFen: FenSchema })),
})
export type Slot = z.infer<typeof SlotSchema>
