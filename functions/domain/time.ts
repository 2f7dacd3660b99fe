import { TZDate } from '@date-fns/tz'

/** The calendar date (YYYY-MM-DD) at `instant` in the studio's time zone, whatever the server's zone is. */
export function studioDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)
}

/** A studio's time zone until it sets its own. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'
/** The instants a studio day starts and ends (the next day's start), as ISO strings. */
export function studioDayBounds(date: string, timeZone: string): { from: string; to: string } {
  const [y, m, d] = date.split('-').map(Number)
  const start = new TZDate(y!, m! - 1, d!, 0, 0, timeZone)
  const end = new TZDate(y!, m! - 1, d! + 1, 0, 0, timeZone)
  return { from: new Date(start.getTime()).toISOString(), to: new Date(end.getTime()).toISOString() }
}
