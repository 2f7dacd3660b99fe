import { bookingMoved, type FigureWrite } from '../domain/report-events'
import { studioDate } from '../domain/time'
import type { BookEntries } from '../orders/ports'
import type { AppointmentRecord } from '../scheduling/ports'

/** The photographer and makeup artist an appointment holds. */
const crewOf = (a: AppointmentRecord) => [
  ...(a.photographerId ? [{ id: a.photographerId, name: a.photographerName ?? '' }] : []),
  ...(a.makeupArtistId ? [{ id: a.makeupArtistId, name: a.makeupArtistName ?? '' }] : []),
]

/**
 * A booking's report figures: made or cancelled on the day it happens, and the minutes it holds
 * its crew on the day of the shoot (`sign` −1 gives them back).
 */
export function appointmentFigures(appointment: AppointmentRecord, timeZone: string, at: Date, what: { made?: boolean; cancelled?: boolean; sign: 1 | -1 }): FigureWrite[] {
  const minutes = Math.round((Date.parse(appointment.endsAt) - Date.parse(appointment.startsAt)) / 60_000)
  return bookingMoved(appointment.studioId, appointment.branchId, studioDate(at, timeZone), {
    ...what,
    shootDay: studioDate(new Date(appointment.startsAt), timeZone),
    minutes,
    crew: crewOf(appointment),
  })
}

/** The books of a stage move with a booking's own figures added. */
export const withFigures = (books: BookEntries, figures: FigureWrite[]): BookEntries => ({ ...books, figures: [...(books.figures ?? []), ...figures] })
