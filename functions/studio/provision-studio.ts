import { ulid } from 'ulid'
import type { Branch, StaffMember, Studio } from '../../types/entities'
import { DEFAULT_TIME_ZONE } from '../domain/time'
import { newStaffRecord, toStaffMember, type NewStaff, type StaffPorts } from '../staff/manage-staff'

export interface StudioPlan {
  code: string
  name: string
  timeZone?: string
  branches: Omit<Branch, 'id'>[]
  /** The first administrator, who then creates everyone else in the app. */
  admin: { username: string; displayName: string; password: string }
}

/** Opens a new studio (tenant): its code, branches and first administrator. */
export async function provisionStudio(deps: StaffPorts, plan: StudioPlan, now = new Date()) {
  const studio: Studio = { id: ulid(), code: plan.code, name: plan.name, timeZone: plan.timeZone ?? DEFAULT_TIME_ZONE }
  const branches: Branch[] = plan.branches.map((b) => ({ ...b, id: ulid() }))
  await deps.repo.createStudio(studio, branches)
  const admin = await addStaff(deps, studio.id, { ...plan.admin, roles: ['admin'], branchId: branches[0]!.id }, now)
  return { studio, branches, admin }
}

/** Adds a staff account directly, outside any caller's session (provisioning, seeding, import). */
export async function addStaff(
  deps: StaffPorts,
  studioId: string,
  person: NewStaff & { password: string },
  now = new Date(),
): Promise<StaffMember> {
  const record = newStaffRecord(studioId, person, await deps.passwords.hash(person.password), now)
  await deps.repo.createStaff(record, { action: 'staff.created', targetId: record.id, actorName: 'system', detail: { username: record.username, roles: record.roles } })
  return toStaffMember(record)
}
