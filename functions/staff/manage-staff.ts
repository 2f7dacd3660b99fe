import type { z } from 'zod'
import { ulid } from 'ulid'
import type { StaffMember } from '../../types/entities'
import type { StaffRole } from '../../types/roles'
import type * as op from '../../types/staff-operations'
import { DomainError, forbidden, notFound } from '../domain/errors'
import { branchScope, staffGrantViolation } from '../domain/permissions'
import { callerOf, type Caller, type RequestContext } from '../domain/context'
import type { IdentityRepository, NewAuditEntry, PasswordHasher, StaffRecord } from '../identity/ports'

export interface StaffPorts {
  repo: IdentityRepository
  passwords: PasswordHasher
}

/** The public face of a staff record: never the hash, counters or lockout. */
export function toStaffMember(record: StaffRecord): StaffMember {
  const { id, username, displayName, roles, branchId, phone, status, createdAt, updatedAt, version } = record
  return { id, username, displayName, roles, branchId, phone, status, createdAt, updatedAt, version }
}

export interface NewStaff {
  username: string
  displayName: string
  roles: StaffRole[]
  branchId: string
  phone?: string
}

export function newStaffRecord(studioId: string, person: NewStaff, passwordHash: string, now: Date): StaffRecord {
  const at = now.toISOString()
  return {
    id: ulid(now.getTime()),
    studioId,
    username: person.username,
    displayName: person.displayName,
    roles: person.roles,
    branchId: person.branchId,
    phone: person.phone,
    status: 'active',
    createdAt: at,
    updatedAt: at,
    version: 1,
    passwordHash,
    failedSignIns: 0,
    credentialVersion: 0,
  }
}

function assertMayManage(caller: Caller, target: { branchId: string; roles: StaffRecord['roles'] }) {
  const violation = staffGrantViolation(caller, target)
  if (violation) throw forbidden(violation)
}

export async function loadManageable(deps: StaffPorts, caller: Caller, staffId: string) {
  const staff = await deps.repo.getStaff(caller.studioId, staffId)
  if (!staff) throw notFound('Staff member')
  assertMayManage(caller, staff)
  return staff
}

async function assertBranchExists(deps: StaffPorts, studioId: string, branchId: string) {
  if (!(await deps.repo.getBranch(studioId, branchId))) {
    throw new DomainError('VALIDATION_FAILED', 'No such branch', { fields: [{ path: 'branchId', message: 'is not a branch of this studio' }] })
  }
}

export const actorOf = (caller: Caller): Pick<NewAuditEntry, 'actorId' | 'actorName'> => ({ actorId: caller.id, actorName: caller.displayName })

export async function listStaff(deps: StaffPorts, input: z.output<typeof op.listStaff.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const scope = branchScope(caller)
  if (scope && input.branchId && input.branchId !== scope) throw forbidden('a manager sees the staff of their own branch only')
  const records = await deps.repo.listStaff(caller.studioId, scope ?? input.branchId)
  return { items: records.filter((s) => input.includeDisabled || s.status === 'active').map(toStaffMember) }
}

export async function getStaff(deps: StaffPorts, input: z.output<typeof op.getStaff.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const staff = await deps.repo.getStaff(caller.studioId, input.staffId)
  const scope = branchScope(caller)
  if (!staff || (scope && staff.branchId !== scope)) throw notFound('Staff member')
  return toStaffMember(staff)
}

export async function createStaff(deps: StaffPorts, input: z.output<typeof op.createStaff.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  assertMayManage(caller, input)
  await assertBranchExists(deps, caller.studioId, input.branchId)
  const record = newStaffRecord(caller.studioId, input, await deps.passwords.hash(input.password), ctx.now)
  await deps.repo.createStaff(record, {
    ...actorOf(caller),
    action: 'staff.created',
    targetId: record.id,
    detail: { username: record.username, roles: record.roles, branchId: record.branchId },
  })
  return toStaffMember(record)
}

export async function updateStaff(deps: StaffPorts, input: z.output<typeof op.updateStaff.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const current = await loadManageable(deps, caller, input.staffId)
  if (current.version !== input.version) {
    throw new DomainError('VERSION_CONFLICT', 'Someone else changed this staff member meanwhile; reload and try again')
  }
  const next = { branchId: input.branchId ?? current.branchId, roles: input.roles ?? current.roles }
  assertMayManage(caller, next)
  if (input.branchId) await assertBranchExists(deps, caller.studioId, input.branchId)
  // Nobody demotes themselves: a studio must never be left without the person who manages it.
  const ownTop = caller.roles.includes('admin') ? 'admin' : 'manager'
  if (caller.id === current.id && input.roles && !input.roles.includes(ownTop)) {
    throw new DomainError('PRECONDITION_FAILED', `You cannot take away your own ${ownTop} role`)
  }

  const audit: NewAuditEntry[] = [
    { ...actorOf(caller), action: 'staff.updated', targetId: current.id, detail: { displayName: input.displayName, phone: input.phone, branchId: input.branchId } },
  ]
  if (input.roles && input.roles.join() !== current.roles.join()) {
    audit.push({ ...actorOf(caller), action: 'staff.roles_changed', targetId: current.id, detail: { from: current.roles, to: input.roles } })
  }
  const updated = await deps.repo.updateStaff(
    caller.studioId,
    current.id,
    input.version,
    { displayName: input.displayName, phone: input.phone as string | undefined, roles: input.roles, branchId: input.branchId },
    audit,
  )
  return toStaffMember(updated)
}

export async function setStaffStatus(deps: StaffPorts, input: z.output<typeof op.setStaffStatus.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const current = await loadManageable(deps, caller, input.staffId)
  if (current.id === caller.id) throw new DomainError('PRECONDITION_FAILED', 'You cannot disable your own account')
  if (current.status === input.status) return toStaffMember(current)
  // Disabling ends every session for good: re-enabling later does not bring them back.
  const updated = await deps.repo.updateStaff(
    caller.studioId,
    current.id,
    current.version,
    { status: input.status },
    [{ ...actorOf(caller), action: input.status === 'disabled' ? 'staff.disabled' : 'staff.enabled', targetId: current.id }],
    { endSessions: input.status === 'disabled' },
  )
  return toStaffMember(updated)
}

export async function resetStaffPassword(deps: StaffPorts, input: z.output<typeof op.resetStaffPassword.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const staff = await loadManageable(deps, caller, input.staffId)
  await deps.repo.setPassword(
    caller.studioId,
    staff.id,
    await deps.passwords.hash(input.newPassword),
    { ...actorOf(caller), action: 'staff.password_reset', targetId: staff.id },
    { credentialVersion: staff.credentialVersion ?? 0 },
  )
  return { ok: true as const }
}
