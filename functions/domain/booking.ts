import type { BookingPolicy } from '../../types/booking'
import { DEFAULT_TIME_ZONE } from './time'

/** What a studio starts with; the manager edits it. Refunds as DOMAIN.md: ≥7 days full, 3–7 days half, under 3 none. */
export const DEFAULT_BOOKING_POLICY: BookingPolicy = {
  timeZone: DEFAULT_TIME_ZONE,
  gridMinutes: 30,
  bufferMinutes: 30,
  minNoticeMinutes: 24 * 60,
  horizonDays: 180,
  holdMinutes: 15,
  changeCutoffHours: 48,
  refundTiers: [
    { minDaysBefore: 7, percent: 100 },
    { minDaysBefore: 3, percent: 50 },
    { minDaysBefore: 0, percent: 0 },
  ],
}

/**
 * Resources are locked in cells of this many minutes: one lock item per resource per cell,
 * written in the same transaction as the booking, so no two bookings can hold a cell.
 */
export const LOCK_CELL_MINUTES = 30
const CELL = LOCK_CELL_MINUTES * 60_000

/** A transaction holds at most 100 items; a booking also writes its appointment, order and index items. */
export const MAX_LOCKS_PER_BOOKING = 93

/** The cells a session occupies on each of its resources: from its start to its end plus the buffer after it. */
export function lockCells(startsAt: number, endsAt: number, bufferMinutes: number): number[] {
  const first = Math.floor(startsAt / CELL) * CELL
  const last = Math.ceil((endsAt + bufferMinutes * 60_000) / CELL) * CELL
  const cells: number[] = []
  for (let t = first; t < last; t += CELL) cells.push(t)
  return cells
}

/** The same span, as the interval availability must treat as taken. */
export function occupiedSpan(startsAt: number, endsAt: number, bufferMinutes: number) {
  const cells = lockCells(startsAt, endsAt, bufferMinutes)
  return { start: cells[0]!, end: cells.at(-1)! + CELL }
}

/** Share of the deposit refunded when cancelling `daysBefore` whole days ahead: the best tier that applies. */
export function refundPercent(policy: Pick<BookingPolicy, 'refundTiers'>, startsAt: number, now: number): number {
  const daysBefore = (startsAt - now) / 86_400_000
  const tiers = policy.refundTiers.filter((t) => daysBefore >= t.minDaysBefore).sort((a, b) => b.minDaysBefore - a.minDaysBefore)
  return tiers[0]?.percent ?? 0
}

/**
 * The start a cancellation's refund is judged from: the earliest the booking has ever held. Moving a
 * booking far out and then cancelling it never earns a better tier than cancelling it where it was.
 */
export const refundStartOf = (appointment: { startsAt: string; earliestStartsAt?: string }): string => appointment.earliestStartsAt ?? appointment.startsAt

/** The earliest start a booking has held once it is moved to `startsAt`. */
export function earliestStartAfterMove(appointment: { startsAt: string; earliestStartsAt?: string }, startsAt: string): string {
  const before = refundStartOf(appointment)
  return Date.parse(startsAt) < Date.parse(before) ? startsAt : before
}

/** Whether a booking may still be moved or cancelled by the customer or the desk. */
export function beforeCutoff(policy: Pick<BookingPolicy, 'changeCutoffHours'>, startsAt: number, now: number): boolean {
  return now <= startsAt - policy.changeCutoffHours * 3_600_000
}
