import type { z } from 'zod'
import { ulid } from 'ulid'
import type * as op from '../../types/scheduling-operations'
import { DomainError, forbidden, notFound } from '../domain/errors'
import { branchScope } from '../domain/permissions'
import { callerOf, type Caller, type RequestContext } from '../domain/context'
import type { IdentityRepository } from '../identity/ports'
import { DEFAULT_OPENING_HOURS } from './branch-picture'
import type { SchedulingRepository } from './ports'

interface SetupPorts {
  scheduling: SchedulingRepository
  repo: IdentityRepository
}

/** A manager sets up their own branch; an admin any branch of the studio. */
async function assertBranchOf(deps: SetupPorts, caller: Caller, branchId: string) {
  const scope = branchScope(caller)
  if (scope && scope !== branchId && caller.roles.includes('manager')) throw forbidden('a manager sets up their own branch only')
  if (!(await deps.repo.getBranch(caller.studioId, branchId))) throw notFound('Branch')
}

export async function getBranchSchedule(deps: SetupPorts, input: z.output<typeof op.getBranchSchedule.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  if (!(await deps.repo.getBranch(caller.studioId, input.branchId))) throw notFound('Branch')
  const { schedule } = await deps.scheduling.branchSetup(caller.studioId, input.branchId)
  return schedule ?? { openingHours: DEFAULT_OPENING_HOURS, closedDates: [] }
}

export async function saveBranchSchedule(deps: SetupPorts, input: z.output<typeof op.saveBranchSchedule.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  await assertBranchOf(deps, caller, input.branchId)
  const { branchId, ...schedule } = input
  await deps.scheduling.saveBranchSchedule(caller.studioId, branchId, schedule)
  return schedule
}

/**
 * How customers reach a branch: a manager sets their own branch's address, phone and place on the map
 * (an admin any branch's); customers see them on their bookings and orders.
 */
export async function saveBranchContact(deps: SetupPorts, input: z.output<typeof op.saveBranchContact.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  await assertBranchOf(deps, caller, input.branchId)
  const { branchId, location, ...contact } = input
  return deps.repo.saveBranchContact(caller.studioId, branchId, { ...contact, location: location ?? undefined })
}

export async function listRooms(deps: SetupPorts, input: z.output<typeof op.listRooms.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  if (!(await deps.repo.getBranch(caller.studioId, input.branchId))) throw notFound('Branch')
  return { items: (await deps.scheduling.branchSetup(caller.studioId, input.branchId)).rooms }
}

export async function saveRoom(deps: SetupPorts, input: z.output<typeof op.saveRoom.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  await assertBranchOf(deps, caller, input.branchId)
  if (input.id && !(await deps.scheduling.branchSetup(caller.studioId, input.branchId)).rooms.some((r) => r.id === input.id)) throw notFound('Room')
  const room = { id: input.id ?? ulid(ctx.now.getTime()), branchId: input.branchId, name: input.name, active: input.active }
  await deps.scheduling.saveRoom(caller.studioId, room)
  return room
}

async function schedulableStaff(deps: SetupPorts, caller: Caller, staffId: string) {
  const staff = await deps.repo.getStaff(caller.studioId, staffId)
  const scope = branchScope(caller)
  if (!staff || (scope && staff.branchId !== scope)) throw notFound('Staff member')
  if (!staff.roles.some((r) => r === 'photographer' || r === 'makeup')) {
    throw new DomainError('PRECONDITION_FAILED', 'Only photographers and makeup artists have a booking schedule')
  }
  return staff
}

export async function getStaffSchedule(deps: SetupPorts, input: z.output<typeof op.getStaffSchedule.input>, ctx: RequestContext) {
  const staff = await schedulableStaff(deps, callerOf(ctx), input.staffId)
  return staff.schedule ?? { daysOff: [], leave: [], surchargeFen: 0 }
}

export async function saveStaffSchedule(deps: SetupPorts, input: z.output<typeof op.saveStaffSchedule.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { staffId, ...schedule } = input
  await schedulableStaff(deps, caller, staffId)
  await deps.scheduling.setStaffSchedule(caller.studioId, staffId, schedule)
  return schedule
}
