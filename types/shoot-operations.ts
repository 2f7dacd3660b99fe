import * as z from 'zod'
import { AppointmentSchema, CrewAppointmentSchema } from './booking'
import { IdSchema, IsoDateSchema } from './common'
import { defineOperation } from './operation'
import { OrderStageSchema } from './orders'

/**
 * A shoot as the photographer and makeup artist work it: the appointment, how to reach the
 * customer, what the order asks for, and whether its day has come (it is marked shot from then on).
 */
export const ShootSchema = z.object({
  /** With its money (a cancellation's refund) for a manager; without it for the photographer and makeup artist. */
  appointment: z.union([AppointmentSchema, CrewAppointmentSchema]),
  customerPhone: z.string().optional(),
  order: z.object({ id: IdSchema, stage: OrderStageSchema, notes: z.string().optional() }),
  timeZone: z.string(),
  /** The shoot's day in the studio's time zone. */
  date: IsoDateSchema,
  /** Whether that day has come: before it, the shoot cannot be marked shot. */
  dayReached: z.boolean(),
})
export type Shoot = z.infer<typeof ShootSchema>

const ShootRef = z.strictObject({ appointmentId: IdSchema })

export const getShoot = defineOperation({
  name: 'shoots.get',
  method: 'GET',
  path: '/shoots/{appointmentId}',
  summary: 'One shoot for the photographer or makeup artist working it: customer and phone, package, room, the other staff member and the notes',
  tag: 'booking',
  input: ShootRef,
  output: ShootSchema,
  access: ['photographer', 'makeup', 'manager', 'admin'],
  scope: 'branch',
})

export const markShot = defineOperation({
  name: 'shoots.markShot',
  method: 'POST',
  path: '/shoots/{appointmentId}/shot',
  summary: 'The photographer marks the shoot done (已拍摄): its order moves confirmed → shot, from the shoot’s day on',
  tag: 'booking',
  input: ShootRef,
  output: ShootSchema,
  access: ['photographer', 'manager', 'admin'],
  scope: 'branch',
})

export const shootOperations = [getShoot, markShot] as const
