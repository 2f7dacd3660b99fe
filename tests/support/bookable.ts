import { OPEN_EVERY_DAY, shanghaiDay } from './booking'
import { http, ok, signIn } from './http'
import { samplePackage } from '../../scripts/lib/sample-package'
import { newStudio } from './studio'

/**
 * A studio taking bookings, set up by its manager through the HTTP API as the app would: the first
 * branch open 09:00–18:00 every day with one room, and a two-hour package needing a photographer,
 * a makeup artist and the room — with one photographer and one makeup artist, each time can be booked once.
 * Changes are allowed up to 12 hours before a shoot.
 */
export async function bookableStudioOverHttp(name: string, packageName: string) {
  const studio = await newStudio(undefined, name)
  const admin = await signIn(studio.code, 'admin')
  // Customers start in the branch the API lists first, which need not be the first one made; the
  // staff of the test studio's first branch are moved there (staff act within their own branch).
  const branchId = ok(await http('GET', '/branches', { token: admin }), 'branches').items[0].id as string
  for (const username of ['photographer', 'makeup', 'retoucher', 'finance', 'manager', 'reception']) {
    const member = studio.staff[username]!
    if (member.branchId === branchId) continue
    ok(await http('PATCH', `/staff/${member.id}`, { token: admin, body: { version: member.version, branchId } }), `moving ${username}`)
  }
  const manager = await signIn(studio.code, 'manager')
  // Bookings a day or two ahead stay changeable, so a customer can still cancel the one they just made (the policy is the admin's).
  const policy = ok(await http('GET', '/booking/policy', { token: admin }), 'policy')
  ok(await http('PUT', '/booking/policy', { token: admin, body: { ...policy, changeCutoffHours: 12 } }), 'policy change')
  ok(await http('PUT', `/branches/${branchId}/schedule`, { token: manager, body: { openingHours: OPEN_EVERY_DAY, closedDates: [] } }), 'opening hours')
  const room = ok(await http('PUT', `/branches/${branchId}/rooms`, { token: manager, body: { name: '一号棚' } }), 'room')
  const pkg = ok(
    await http('POST', '/catalog/packages', {
      token: manager,
      body: samplePackage([branchId], { name: packageName }),
    }),
    'package',
  )
  return { studio, branchId, admin, manager, room, pkg }
}

/** The free start times the API offers for a package over the next four weeks. */
export async function freeSlots(token: string, packageId: string, branchId: string) {
  const query = new URLSearchParams({ packageId, branchId, from: shanghaiDay(0), to: shanghaiDay(27) })
  return ok(await http('GET', `/bookings/availability?${query}`, { token }), 'availability').slots as { date: string; time: string; startsAt: string }[]
}
