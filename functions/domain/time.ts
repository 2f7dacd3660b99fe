/** The calendar date (YYYY-MM-DD) at `instant` in the studio's time zone, whatever the server's zone is. */
export function studioDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)
}

/** A studio's time zone until it sets its own. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'
