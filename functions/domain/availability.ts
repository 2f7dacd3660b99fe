import { TZDate } from '@date-fns/tz'

/** A stretch of a day in local wall-clock time, "HH:mm" to "HH:mm", end excluded. */
export interface DayWindow {
  from: string
  to: string
}
/** Opening or working hours by ISO weekday (1 = Monday … 7 = Sunday). */
export type WeeklyHours = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, DayWindow[]>>

export interface Interval {
  start: number
  end: number
}

export type ResourceKind = 'photographer' | 'makeup' | 'room'

export interface BookableResource {
  id: string
  kind: ResourceKind
  /** Staff only: when they work; rooms follow the branch's opening hours. */
  workingHours?: WeeklyHours
  /** Local dates (YYYY-MM-DD) the resource is off for the whole day. */
  daysOff?: string[]
  /** Leave and other absences, as instants. */
  unavailable?: Interval[]
  /** Confirmed bookings and live holds, as instants. */
  busy: Interval[]
}

export interface BookingPolicy {
  timeZone: string
  gridMinutes: number
  bufferMinutes: number
  minNoticeMinutes: number
  horizonDays: number
}

export interface AvailabilityQuery {
  /** Local dates, inclusive. */
  from: string
  to: string
  durationMinutes: number
  needs: ResourceKind[]
  /** When the customer chose a photographer, only they count. */
  photographerId?: string
  openingHours: WeeklyHours
  /** Holidays and blackout days of the branch. */
  closedDates: string[]
  resources: BookableResource[]
  policy: BookingPolicy
  now: number
  /** Reception may book walk-ins at short notice; never over another booking. */
  ignoreNotice?: boolean
  /**
   * The span a session at [start, end) would occupy on its resources, when bookings lock
   * whole cells; `busy` intervals are then such spans too and are compared as they are.
   * Without it, the buffer is kept on both sides of the session.
   */
  occupy?: (start: number, end: number) => Interval
}

export interface Slot {
  startsAt: number
  endsAt: number
  date: string
  time: string
  /** For each resource kind needed, the resources free for the whole slot. */
  free: Partial<Record<ResourceKind, string[]>>
}

const MINUTE = 60_000
const DAY = 86_400_000

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return h! * 60 + m!
}

const instants = new Map<string, number | undefined>()

/** The instant of a wall-clock time on a local date, or undefined when that time does not exist there (a DST gap). */
export function localInstant(date: string, minutes: number, timeZone: string): number | undefined {
  // Zone rules do not change while the process runs, so each answer is worked out once.
  const key = `${date}|${minutes}|${timeZone}`
  if (!instants.has(key)) {
    if (instants.size > 100_000) instants.clear()
    instants.set(key, computeLocalInstant(date, minutes, timeZone))
  }
  return instants.get(key)
}

function computeLocalInstant(date: string, minutes: number, timeZone: string): number | undefined {
  const [y, mo, d] = date.split('-').map(Number)
  const instant = new TZDate(y!, mo! - 1, d!, Math.floor(minutes / 60), minutes % 60, timeZone)
  const back = new TZDate(instant.getTime(), timeZone)
  const sameWallClock = back.getFullYear() === y && back.getMonth() === mo! - 1 && back.getDate() === d && back.getHours() * 60 + back.getMinutes() === minutes
  return sameWallClock ? instant.getTime() : undefined
}

/** ISO weekday of a local date. */
export function weekday(date: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return (day === 0 ? 7 : day) as 1 | 2 | 3 | 4 | 5 | 6 | 7
}

export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) dates.push(new Date(t).toISOString().slice(0, 10))
  return dates
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end

/** Whether [start, end) lies inside one of the day's windows. */
function within(windows: DayWindow[] | undefined, date: string, slot: Interval, timeZone: string): boolean {
  return (windows ?? []).some((w) => {
    const open = localInstant(date, toMinutes(w.from), timeZone)
    const close = localInstant(date, toMinutes(w.to), timeZone)
    return open !== undefined && close !== undefined && open <= slot.start && slot.end <= close
  })
}

function isFree(resource: BookableResource, date: string, slot: Interval, q: AvailabilityQuery): boolean {
  const { policy } = q
  if (resource.daysOff?.includes(date)) return false
  if (resource.workingHours && !within(resource.workingHours[weekday(date)], date, slot, policy.timeZone)) return false
  if (resource.unavailable?.some((u) => overlaps(u, slot))) return false
  // The buffer keeps a gap between sessions on the same resource, on either side.
  const occupied = q.occupy
    ? q.occupy(slot.start, slot.end)
    : { start: slot.start - policy.bufferMinutes * MINUTE, end: slot.end + policy.bufferMinutes * MINUTE }
  return !resource.busy.some((b) => overlaps(b, occupied))
}

/**
 * The start times a package can be booked at: on the grid from each opening, inside
 * opening hours, not on closed days, after the minimum notice and before the horizon,
 * with every resource kind the package needs free (working, not on leave, not booked or
 * held, with the buffer) for the whole session. All in the studio's time zone.
 */
export function availableSlots(q: AvailabilityQuery): Slot[] {
  const { policy } = q
  const earliest = q.ignoreNotice ? q.now : q.now + policy.minNoticeMinutes * MINUTE
  const latest = q.now + policy.horizonDays * DAY
  const slots: Slot[] = []
  for (const date of datesBetween(q.from, q.to)) {
    if (q.closedDates.includes(date)) continue
    for (const window of q.openingHours[weekday(date)] ?? []) {
      const openMinutes = toMinutes(window.from)
      for (let m = openMinutes; m + q.durationMinutes <= toMinutes(window.to); m += policy.gridMinutes) {
        const start = localInstant(date, m, policy.timeZone)
        if (start === undefined || start < earliest || start > latest) continue
        const slot = { start, end: start + q.durationMinutes * MINUTE }
        if (!within([window], date, slot, policy.timeZone)) continue
        const free: Slot['free'] = {}
        let ok = true
        for (const kind of q.needs) {
          const ids = q.resources
            .filter((r) => r.kind === kind && (kind !== 'photographer' || !q.photographerId || r.id === q.photographerId))
            .filter((r) => isFree(r, date, slot, q))
            .map((r) => r.id)
          if (ids.length === 0) {
            ok = false
            break
          }
          free[kind] = ids
        }
        if (ok) slots.push({ startsAt: slot.start, endsAt: slot.end, date, time: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`, free })
      }
    }
  }
  return slots
}

/** The least-booked of the free photographers that day (ties: the first listed), for "any photographer". */
export function leastBooked(candidates: string[], bookingsThatDay: Record<string, number>): string | undefined {
  return [...candidates].sort((a, b) => (bookingsThatDay[a] ?? 0) - (bookingsThatDay[b] ?? 0))[0]
}
