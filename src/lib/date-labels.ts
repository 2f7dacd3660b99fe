import type { MessageKey, Translate } from '../i18n'
import { isoWeekday, studioMoment } from './studio-time'

/**
 * Dates as people say them, the same on customer and staff pages: "12月2日 周三", "Wed, Dec 2",
 * and with the time in the studio's zone, "12月2日 周三 14:00".
 */
const weekdayKeys: MessageKey[] = ['weekday.1', 'weekday.2', 'weekday.3', 'weekday.4', 'weekday.5', 'weekday.6', 'weekday.7']
const monthKeys: MessageKey[] = ['month.1', 'month.2', 'month.3', 'month.4', 'month.5', 'month.6', 'month.7', 'month.8', 'month.9', 'month.10', 'month.11', 'month.12']

/** ISO weekday 1–7 as its short name: 周一, Mon. */
export function weekdayName(t: Translate, weekday: number): string {
  return t(weekdayKeys[weekday - 1] ?? 'weekday.1')
}

export function monthName(t: Translate, month: number): string {
  return t(monthKeys[month - 1] ?? 'month.1')
}

/** A calendar date (YYYY-MM-DD): "12月2日 周三", "Wed, Dec 2". */
export function dayLabel(t: Translate, date: string): string {
  const [, month = 1, day = 1] = date.split('-').map(Number)
  return t('booking.dayLabel', { month, day, monthName: monthName(t, month), weekday: weekdayName(t, isoWeekday(date)) })
}

/** A month heading: "2026年5月", "May 2026". */
export function monthLabel(t: Translate, date: string): string {
  const [year = 0, month = 1] = date.split('-').map(Number)
  return t('booking.monthLabel', { year, month, monthName: monthName(t, month) })
}

/** An instant as its day and wall-clock time in the studio's zone: "12月2日 周三 14:00", "Wed, Dec 2 14:00". */
export function dayTimeLabel(t: Translate, iso: string, timeZone: string): string {
  const moment = studioMoment(iso, timeZone)
  return `${dayLabel(t, moment.date)} ${moment.time}`
}
