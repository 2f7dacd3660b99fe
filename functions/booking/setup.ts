import type { z } from 'zod'
import { ulid } from 'ulid'
import type { getStaffSchedule, saveBranchSchedule, saveRoom, saveStaffSchedule } from '../../types/booking-operations'
import { DomainError, forbidden, notFound } from '../domain/errors'
import { branchScope } from '../domain/permissions'
import { callerOf, type Caller, type RequestContext } from '../domain/context'
import { DEFAULT_OPENING_HOURS, type BookingDeps } from './schedule'

/** A manager sets up their own branch; an admin any branch of the studio. */
async function assertBranchOf(deps: BookingDeps, caller: Caller, branchId: string) {
  const scope = branchScope(caller)
  if (scope && scope !== branchId && caller.roles.includes('manager')) throw forbidden('a manager sets up their own branch only')
  if (!(await deps.repo.getBranch(caller.studioId, branchId))) throw notFound('Branch')
}

export async function readBranchSchedule(deps: BookingDeps, branchId: string, ctx: RequestContext) {
  const caller = callerOf(ctx)
  if (!(await deps.repo.getBranch(caller.studioId, branchId))) throw notFound('Branch')
  const { schedule } = await deps.booking.branchSetup(caller.studioId, branchId)
  return schedule ?? { openingHours: DEFAULT_OPENING_HOURS, closedDates: [] }
}

export async function writeBranchSchedule(deps: BookingDeps, input: z.output<typeof saveBranchSchedule.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  await assertBranchOf(deps, caller, input.branchId)
  const { branchId, ...schedule } = input
  await deps.booking.saveBranchSchedule(caller.studioId, branchId, schedule)
  return schedule
}

export async function listBranchRooms(deps: BookingDeps, branchId: string, ctx: RequestContext) {
  const caller = callerOf(ctx)
  if (!(await deps.repo.getBranch(caller.studioId, branchId))) throw notFound('Branch')
  return { items: (await deps.booking.branchSetup(caller.studioId, branchId)).rooms }
}

export async function writeRoom(deps: BookingDeps, input: z.output<typeof saveRoom.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  await assertBranchOf(deps, caller, input.branchId)
  if (input.id && !(await deps.booking.branchSetup(caller.studioId, input.branchId)).rooms.some((r) => r.id === input.id)) throw notFound('Room')
  const room = { id: input.id ?? ulid(ctx.now.getTime()), branchId: input.branchId, name: input.name, active: input.active }
  await deps.booking.saveRoom(caller.studioId, room)
  return room
}

async function schedulableStaff(deps: BookingDeps, caller: Caller, staffId: string) {
  const staff = await deps.repo.getStaff(caller.studioId, staffId)
  const scope = branchScope(caller)
  if (!staff || (scope && staff.branchId !== scope)) throw notFound('Staff member')
  if (!staff.roles.some((r) => r === 'photographer' || r === 'makeup')) {
    throw new DomainError('PRECONDITION_FAILED', 'Only photographers and makeup artists have a booking schedule')
  }
  return staff
}

export async function readStaffSchedule(deps: BookingDeps, input: z.output<typeof getStaffSchedule.input>, ctx: RequestContext) {
  const staff = await schedulableStaff(deps, callerOf(ctx), input.staffId)
  return staff.schedule ?? { daysOff: [], leave: [], surchargeFen: 0 }
}

export async function writeStaffSchedule(deps: BookingDeps, input: z.output<typeof saveStaffSchedule.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { staffId, ...schedule } = input
  await schedulableStaff(deps, caller, staffId)
  await deps.booking.setStaffSchedule(caller.studioId, staffId, schedule)
  return schedule
}
