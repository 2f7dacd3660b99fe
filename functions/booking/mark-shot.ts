import type { z } from 'zod'
import type * as op from '../../types/shoot-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { advanceOrder } from './cancel-booking'
import { loadShootAppointment, shootOf, type ShootPorts } from './get-shoot'

type MarkShotPorts = ShootPorts & Parameters<typeof advanceOrder>[0]

/**
 * The photographer marks the shoot done (已拍摄):
 * 1. the shoot must be theirs (a manager: the branch's) and still booked;
 * 2. its order moves confirmed → shot through the stage move every other step uses, which applies the
 *    shoot's rules (assertShootMarkable: its crew from its day on, or a manager) — so a second
 *    tap finds the order shot already and changes nothing (ILLEGAL_TRANSITION).
 */
export async function markShot(deps: MarkShotPorts, input: z.output<typeof op.markShot.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const appointment = await loadShootAppointment(deps, caller, input.appointmentId)
  // A booking no longer booked is answered as such, before its order's stage is looked at.
  if (appointment.status !== 'confirmed' && appointment.status !== 'done') throw new DomainError('PRECONDITION_FAILED', `This booking is ${appointment.status}`)
  await advanceOrder(deps, { orderId: appointment.orderId, from: 'confirmed', to: 'shot' }, ctx)
  return shootOf(deps, caller, appointment, ctx.now)
}
