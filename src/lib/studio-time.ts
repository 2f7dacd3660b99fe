/**
 * Dates and times in the studio's own zone, whatever the phone's zone is. Calendar dates are
 * plain YYYY-MM-DD strings; arithmetic on them is done at UTC midnight, where no day is 23 or 25 hours.
 */
const DAY_MS = 86_400_000
/** Asia/Shanghai, the default studio zone, used when the phone's engine cannot convert to a named zone. */
const FALLBACK_OFFSET_MS = 8 * 60 * 60 * 1000

const pad = (value: number) => String(value).padStart(2, '0')

function utcMidnight(date: string): Date {
  return new Date(`${date}T00:00:00Z`)
}

function dateOf(moment: Date): string {
  return `${moment.getUTCFullYear()}-${pad(moment.getUTCMonth() + 1)}-${pad(moment.getUTCDate())}`
}

export function addDays(date: string, days: number): string {
  return dateOf(new Date(utcMidnight(date).getTime() + days * DAY_MS))
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return utcMidnight(date).getUTCDay() || 7
}

export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date))
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to).getTime() - utcMidnight(from).getTime()) / DAY_MS)
}

/** Mini-program engines differ in Intl support; a zone they cannot convert to is read as UTC+8. */
function partsIn(instant: number, timeZone: string): { date: string; time: string } {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(instant))
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? ''
    const date = `${part('year')}-${part('month')}-${part('day')}`
    const time = `${part('hour')}:${part('minute')}`
    if (/^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time)) return { date, time }
  } catch {
    // Falls through to the fixed offset below.
  }
  const local = new Date(instant + FALLBACK_OFFSET_MS)
  return { date: dateOf(local), time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}` }
}

/** An instant as the studio's calendar date and wall-clock time. */
export function studioMoment(iso: string, timeZone: string): { date: string; time: string } {
  return partsIn(Date.parse(iso), timeZone)
}

export function studioToday(timeZone: string, now = Date.now()): string {
  return partsIn(now, timeZone).date
}

/** "mm:ss" left until `until`, or undefined once it has passed. */
export function countdown(until: string, now: number): string | undefined {
  const left = Math.floor((Date.parse(until) - now) / 1000)
  if (left <= 0) return undefined
  return `${pad(Math.floor(left / 60))}:${pad(left % 60)}`
}

/** The instant a wall-clock time in the studio's zone names (two passes settle a daylight-saving change). */
export function studioInstant(date: string, time: string, timeZone: string): string {
  const wall = Date.parse(`${date}T${time}:00Z`)
  let instant = wall
  for (let pass = 0; pass < 2; pass++) {
    const seen = partsIn(instant, timeZone)
    instant += wall - Date.parse(`${seen.date}T${seen.time}:00Z`)
  }
  return new Date(instant).toISOString()
}
