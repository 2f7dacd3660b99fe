import { View, Text } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'
import type { Slot } from '../../types/booking'
import { availability } from '../../types/booking-operations'
import { call } from '../api'
import { dayLabel, monthLabel, weekdayName } from '../lib/date-labels'
import { ErrorState } from '../components/StatusView'
import { Loading } from '../components/ui'
import { useQuery } from '../hooks/useQuery'
import { useI18n } from '../i18n'
import { addDays, mondayOf, studioMoment, studioToday } from '../lib/studio-time'
import './SlotCalendar.scss'

/** Four weeks at a time: one availability query (the API allows 31 days) fills the whole grid. */
const WINDOW_DAYS = 28

interface Props {
  packageId: string
  branchId: string
  timeZone: string
  horizonDays: number
  /** The start time chosen, kept when the grid reloads or pages. */
  value?: string
  onChange: (slot: Slot | undefined) => void
  /** Bumped by the page to ask for fresh availability (after a slot was taken). */
  refresh: number
}

/** A month-like grid of the coming weeks, days with free times marked, and the free times of the chosen day. */
export function SlotCalendar({ packageId, branchId, timeZone, horizonDays, value, onChange, refresh }: Props) {
  const { t } = useI18n()
  const today = studioToday(timeZone)
  const lastDay = addDays(today, horizonDays)
  const [windowStart, setWindowStart] = useState(() => mondayOf(value ? studioMoment(value, timeZone).date : today))
  const [selectedDate, setSelectedDate] = useState<string>()
  const windowEnd = addDays(windowStart, WINDOW_DAYS - 1)
  const from = windowStart < today ? today : windowStart
  const to = windowEnd > lastDay ? lastDay : windowEnd
  const slots = useQuery(() => call(availability, { packageId, branchId, from, to }), [packageId, branchId, from, to, refresh], from <= to)

  const byDate = useMemo(() => {
    const grouped = new Map<string, Slot[]>()
    for (const slot of slots.data?.slots ?? []) grouped.set(slot.date, [...(grouped.get(slot.date) ?? []), slot])
    return grouped
  }, [slots.data])

  // A time chosen outside the grid (a suggested free time) opens its day, bringing its weeks into view if need be.
  useEffect(() => {
    if (!value) return
    const { date } = studioMoment(value, timeZone)
    setSelectedDate(date)
    if (date < windowStart || date > windowEnd) {
      setWindowStart(mondayOf(date))
      return
    }
    const chosen = slots.data?.slots.find((slot) => slot.startsAt === value)
    if (chosen) onChange(chosen)
  }, [value])

  // Fresh availability: the chosen time is re-read (its photographers may have changed) or dropped when taken;
  // without a choice, the first day with free times is opened.
  useEffect(() => {
    if (!slots.data) return
    const chosen = value ? slots.data.slots.find((slot) => slot.startsAt === value) : undefined
    if (value && chosen) onChange(chosen)
    if (value && !chosen && byDate.size > 0) onChange(undefined)
    const keep = selectedDate && selectedDate >= from && selectedDate <= to
    if (!keep) setSelectedDate(slots.data.slots[0]?.date)
  }, [slots.data])

  const days = Array.from({ length: WINDOW_DAYS }, (_, index) => addDays(windowStart, index))
  const dayTimes = selectedDate ? (byDate.get(selectedDate) ?? []) : []
  const canGoBack = windowStart > today
  const canGoOn = windowEnd < lastDay
  const move = (weeks: number) => {
    setSelectedDate(undefined)
    setWindowStart(addDays(windowStart, weeks * 7))
  }
  const heading = monthLabel(t, windowStart) === monthLabel(t, windowEnd) ? monthLabel(t, windowStart) : `${monthLabel(t, windowStart)} – ${monthLabel(t, windowEnd)}`

  return (
    <View className="slot-calendar">
      <View className="slot-calendar__head">
        <Text className={`slot-calendar__move${canGoBack ? '' : ' slot-calendar__move--off'}`} onClick={() => canGoBack && move(-4)}>
          ‹
        </Text>
        <Text className="slot-calendar__month">{heading}</Text>
        <Text className={`slot-calendar__move${canGoOn ? '' : ' slot-calendar__move--off'}`} onClick={() => canGoOn && move(4)}>
          ›
        </Text>
      </View>
      <View className="slot-calendar__grid">
        {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
          <Text key={weekday} className="slot-calendar__weekday">
            {weekdayName(t, weekday)}
          </Text>
        ))}
        {days.map((date) => {
          const bookable = date >= from && date <= to
          const free = (byDate.get(date)?.length ?? 0) > 0
          const state = !bookable ? 'off' : free ? 'free' : slots.data ? 'full' : 'off'
          const selected = date === selectedDate
          return (
            <View
              key={date}
              className={`slot-calendar__day slot-calendar__day--${state}${selected ? ' slot-calendar__day--selected' : ''}`}
              onClick={() => bookable && setSelectedDate(date)}
            >
              <Text className="slot-calendar__date">{Number(date.slice(8))}</Text>
              {free && <View className="slot-calendar__dot" />}
            </View>
          )
        })}
      </View>

      {slots.loading && (
        <View className="slot-calendar__status">
          <Loading>{t('common.loading')}</Loading>
        </View>
      )}
      {slots.error !== undefined && <ErrorState error={slots.error} onRetry={slots.reload} />}
      {!slots.loading && slots.data && byDate.size === 0 && <Text className="slot-calendar__note">{t('booking.noFreeDays')}</Text>}
      {!slots.loading && selectedDate && (
        <View className="slot-calendar__times">
          <Text className="slot-calendar__times-title">{dayLabel(t, selectedDate)}</Text>
          {dayTimes.length === 0 && <Text className="slot-calendar__note">{t('booking.noFreeTimes')}</Text>}
          <View className="slot-calendar__chips">
            {dayTimes.map((slot) => (
              <Text
                key={slot.startsAt}
                className={`slot-calendar__time${slot.startsAt === value ? ' slot-calendar__time--selected' : ''}`}
                onClick={() => onChange(slot)}
              >
                {slot.time}
              </Text>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}
