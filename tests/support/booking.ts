import type { AppDeps } from '../../functions/api/implementations'
import { operationsOf } from './dispatch'
import { TEST_PASSWORD } from './constants'
import { samplePackage } from '../../scripts/lib/sample-package'
import { newStudio } from './studio'
import { addStaff } from '../../functions/studio/provision-studio'
import { studioDate } from '../../functions/domain/time'

/** A local date `days` from today in Shanghai, and an instant on it. */
export function shanghaiDay(days = 0): string {
  return studioDate(new Date(Date.now() + days * 86_400_000), 'Asia/Shanghai')
}
export const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString()

/** Opening hours of 09:00–18:00 on every day of the week. */
export const OPEN_EVERY_DAY = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((day) => [day, [{ from: '09:00', to: '18:00' }]]))

/**
 * A studio ready to take bookings: its first branch open 09:00–18:00 every day, two rooms,
 * two photographers and one makeup artist, and a two-hour package needing a photographer,
 * a makeup artist and a room.
 */
export async function bookableStudio(deps: AppDeps, options: { photographers?: number; rooms?: number } = {}) {
  const studio = await newStudio(deps)
  const ops = operationsOf(deps)
  const sign = async (username: string) => (await ops.call('auth.staffSignIn', { studioCode: studio.code, username, password: TEST_PASSWORD })).token as string
  const branchId = studio.branches[0]!.id
  const photographers = [studio.staff.photographer!]
  for (let i = 1; i < (options.photographers ?? 2); i++) {
    photographers.push(await addStaff(deps, studio.studio.id, { username: `photographer${i}`, displayName: `Photographer ${i}`, password: TEST_PASSWORD, roles: ['photographer'], branchId }))
  }
  const manager = await sign('manager')
  await ops.call('branches.saveSchedule', { branchId, openingHours: OPEN_EVERY_DAY, closedDates: [] }, manager)
  const rooms = []
  for (let i = 0; i < (options.rooms ?? 2); i++) rooms.push(await ops.call('rooms.save', { branchId, name: `Studio ${i + 1}` }, manager))
  const pkg = await ops.call(
    'catalog.createPackage',
    samplePackage([branchId], { deposit: { kind: 'percent' as const, percent: 50 } }),
    manager,
  )
  return { studio, ops, sign, manager, branchId, photographers, rooms, pkg }
}
