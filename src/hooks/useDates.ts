import { useI18n } from '../i18n'
import { dayLabel, dayTimeLabel } from '../lib/date-labels'
import { studioMoment } from '../lib/studio-time'
import { useStudioTimeZone } from './useStudioTimeZone'

/** The date labels of src/lib/date-labels in the user's language and the studio's zone. */
export function useDates() {
  const { t } = useI18n()
  const timeZone = useStudioTimeZone()
  return {
    /** "12月2日 周三" of a YYYY-MM-DD date. */
    day: (date: string) => dayLabel(t, date),
    /** "12月2日 周三 14:00" of an instant. */
    dayTime: (iso: string) => dayTimeLabel(t, iso, timeZone),
    /** "12月2日 周三" of the studio day an instant falls on. */
    dayOf: (iso: string) => dayLabel(t, studioMoment(iso, timeZone).date),
    /** "14:00" of an instant. */
    time: (iso: string) => studioMoment(iso, timeZone).time,
  }
}
