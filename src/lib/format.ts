/**
 * The studio's zone is Asia/Shanghai (UTC+8 all year, no daylight saving). Times are shown in it
 * whatever the phone's zone, computed by hand because mini-program JS engines differ in Intl time-zone support.
 */
const STUDIO_UTC_OFFSET_MS = 8 * 60 * 60 * 1000

const pad = (value: number) => String(value).padStart(2, '0')

export function formatStudioDateTime(iso: string): string {
  const local = new Date(Date.parse(iso) + STUDIO_UTC_OFFSET_MS)
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
}

/** The studio's calendar date of an instant, as YYYY-MM-DD. */
export const formatStudioDate = (iso: string): string => formatStudioDateTime(iso).slice(0, 10)
