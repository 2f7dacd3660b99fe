import type { BookingPolicy, Room } from '../../types/booking'
import { availableSlots, type BookableResource, type Slot, type WeeklyHours } from '../domain/availability'
import { occupiedSpan } from '../domain/booking'
import { studioDate } from '../domain/time'
import type { StaffRecord } from '../identity/ports'
import { policyOf, type PolicyPorts } from './policy'
import type { AppointmentRecord } from './ports'

/** Opening hours until a manager sets them: every day 09:30–18:30. */
export const DEFAULT_OPENING_HOURS: WeeklyHours = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ from: '09:30', to: '18:30' }]]))

/** Whether an appointment still takes its resources at `now`: confirmed, or held and not lapsed. */
export const occupies = (a: AppointmentRecord, now: Date) =>
  a.status === 'confirmed' || a.status === 'done' || (a.status === 'held' && Boolean(a.holdExpiresAt) && Date.parse(a.holdExpiresAt!) > now.getTime())

export interface BranchPicture {
  policy: BookingPolicy
  openingHours: WeeklyHours
  closedDates: string[]
  staff: StaffRecord[]
  rooms: Room[]
  resources: BookableResource[]
  appointments: AppointmentRecord[]
}

/**
 * Everything availability needs for a branch and a span of dates, read in two queries
 * whatever the number of days or resources: what the branch offers (hours, rooms, staff)
 * and its appointments; plus the policy, one item.
 */
export async function branchPicture(
  deps: PolicyPorts,
  studioId: string,
  branchId: string,
  from: string,
  to: string,
  now: Date,
  options: { ignoreAppointmentId?: string; policy?: BookingPolicy } = {},
): Promise<BranchPicture> {
  const day = 86_400_000
  // The policy comes along when the caller read it already; otherwise it is read beside the rest.
  const [policy, setup, appointments] = await Promise.all([
    options.policy ?? policyOf(deps, studioId),
    deps.scheduling.branchResources(studioId, branchId),
    deps.scheduling.branchAppointments(studioId, branchId, new Date(Date.parse(from) - 2 * day).toISOString(), new Date(Date.parse(to) + 2 * day).toISOString()),
  ])
  const live = appointments.filter((a) => occupies(a, now) && a.id !== options.ignoreAppointmentId)
  const busyOf = (id: string) =>
    live
      .filter((a) => a.photographerId === id || a.makeupArtistId === id || a.roomId === id)
      .map((a) => occupiedSpan(Date.parse(a.startsAt), Date.parse(a.endsAt), a.lockedBufferMinutes ?? policy.bufferMinutes))
  const active = setup.staff.filter((s) => s.status === 'active')
  const person = (s: StaffRecord, kind: 'photographer' | 'makeup'): BookableResource => ({
    id: s.id,
    kind,
    workingHours: s.schedule?.workingHours as WeeklyHours | undefined,
    daysOff: s.schedule?.daysOff ?? [],
    unavailable: (s.schedule?.leave ?? []).map((l) => ({ start: Date.parse(l.startsAt), end: Date.parse(l.endsAt) })),
    busy: busyOf(s.id),
  })
  const resources: BookableResource[] = [
    ...active.filter((s) => s.roles.includes('photographer')).map((s) => person(s, 'photographer')),
    ...active.filter((s) => s.roles.includes('makeup')).map((s) => person(s, 'makeup')),
    ...setup.rooms.filter((r) => r.active).map((r) => ({ id: r.id, kind: 'room' as const, busy: busyOf(r.id) })),
  ]
  return {
    policy,
    openingHours: (setup.schedule?.openingHours as WeeklyHours | undefined) ?? DEFAULT_OPENING_HOURS,
    closedDates: (setup.schedule?.closedDates ?? []).map((c) => c.date),
    staff: active,
    rooms: setup.rooms,
    resources,
    appointments: live,
  }
}

export function slotsFor(
  picture: BranchPicture,
  request: { from: string; to: string; durationMinutes: number; needs: ('photographer' | 'makeup' | 'room')[]; photographerId?: string; now: Date; ignoreNotice?: boolean },
): Slot[] {
  const { policy } = picture
  return availableSlots({
    from: request.from,
    to: request.to,
    durationMinutes: request.durationMinutes,
    needs: request.needs,
    photographerId: request.photographerId,
    openingHours: picture.openingHours,
    closedDates: picture.closedDates,
    resources: picture.resources,
    policy,
    now: request.now.getTime(),
    ignoreNotice: request.ignoreNotice,
    occupy: (start, end) => occupiedSpan(start, end, policy.bufferMinutes),
  })
}

/** The local date of an instant and the next `days` dates, in the studio's zone. */
export function dateSpan(instant: Date, timeZone: string, days: number): { from: string; to: string } {
  const from = studioDate(instant, timeZone)
  const to = new Date(Date.parse(`${from}T00:00:00Z`) + (days - 1) * 86_400_000).toISOString().slice(0, 10)
  return { from, to }
}

/** Local minutes since midnight of an instant, in the studio's zone (for grid checks). */
export function localMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(instant))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return get('hour') * 60 + get('minute')
}

