import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Phone, Photograph } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { mySchedule } from '../../../types/booking-operations'
import { call } from '../../api'
import { dayLabel } from '../../lib/date-labels'
import { Card } from '../../components/Card'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useShownAgain } from '../../hooks/useShownAgain'
import type { CrewAppointment } from '../../../types/booking'
import { callPhone } from '../../lib/phone'
import { routes } from '../../lib/routes'
import { useI18n, type Translate } from '../../i18n'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { addDays, studioMoment } from '../../lib/studio-time'
import { AppointmentRow } from '../AppointmentRow'
import { DateSwitcher } from '../DateSwitcher'
import { useRoomNames } from '../useRooms'
import '../schedule.scss'

/** Who else works the shoot: the makeup artist for the photographer, and the other way round. */
function otherStaff(t: Translate, item: CrewAppointment, me: string): string | undefined {
  if (item.photographerId === me) return item.makeupArtistName ? t('schedule.withMakeup', { name: item.makeupArtistName }) : undefined
  return item.photographerName ? t('schedule.withPhotographer', { name: item.photographerName }) : undefined
}

/**
 * A photographer's or makeup artist's own shoots: `days=1` is my day, `days=7` my week. The title
 * says which day is shown; in a week, days with nothing booked fold into one line; the customer's phone
 * calls them; a shoot opens its own page (notes, and for the photographer the "shot" step).
 */
export default function MySchedulePage() {
  const { t } = useI18n()
  const days = useRouter().params.days === '7' ? 7 : 1
  const { session, allowed } = useStaffPage(mySchedule.access)
  // Undefined until the person moves: the server then starts from today in the studio's zone.
  const [date, setDate] = useState<string>()
  const schedule = useQuery(() => call(mySchedule, { date, days }), [date, days], allowed)
  const roomNames = useRoomNames(schedule.data?.items.map((item) => item.branchId) ?? [], allowed)
  const from = date ?? schedule.data?.from
  usePageTitle(
    !from ? (days === 7 ? 'tile.myWeek' : 'tile.myDay') : days === 7 ? 'schedule.weekTitle' : 'schedule.dayTitle',
    from ? { day: dayLabel(t, from), last: dayLabel(t, addDays(from, days - 1)) } : undefined,
  )
  useShownAgain(() => {
    if (allowed) void schedule.reload()
  })
  usePullDownRefresh(schedule)

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (schedule.error !== undefined) return <ErrorState error={schedule.error} onRetry={schedule.reload} />
  if (!schedule.data) return <LoadingState />
  const { timeZone, items } = schedule.data
  const me = session.principal.id
  const shown = items.filter((item) => item.status !== 'cancelled' && item.status !== 'expired').sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  const dates = Array.from({ length: days }, (_, index) => addDays(schedule.data!.from, index))
  const open = (item: CrewAppointment) => Taro.navigateTo({ url: `${routes.shoot}?id=${item.id}` })

  return (
    <View className="screen">
      {/* The day asked for, not the one last answered, so quick taps add up while an answer is on its way. */}
      <DateSwitcher date={from!} step={days} onChange={setDate} onToday={() => setDate(undefined)} />
      {schedule.loading && <LoadingState />}
      {!schedule.loading && days === 1 && shown.length === 0 && <EmptyState icon={<Photograph size={28} />} title={t('schedule.freeDay')} />}
      {!schedule.loading &&
        dates.map((day) => {
          const dayItems = shown.filter((item) => studioMoment(item.startsAt, timeZone).date === day)
          if (days === 1 && dayItems.length === 0) return null
          // An empty day of the week is one quiet line, not a card.
          if (dayItems.length === 0)
            return (
              <View key={day} className="schedule-empty-day">
                <Text className="schedule-empty-day__date">{dayLabel(t, day)}</Text>
                <Text className="schedule-empty-day__note">{t('schedule.nothingBooked')}</Text>
              </View>
            )
          return (
            <Card key={day} title={days === 7 ? dayLabel(t, day) : t('schedule.shootCount', { count: dayItems.length })}>
              {dayItems.map((item) => {
                const room = item.roomName ?? (item.roomId ? roomNames.get(item.roomId) : undefined)
                const details = [room, otherStaff(t, item, me)].filter((fact): fact is string => !!fact)
                return (
                  <View key={item.id} className="schedule-shoot" onClick={() => open(item)}>
                    <AppointmentRow item={item} timeZone={timeZone} details={details}>
                      {item.customerPhone && (
                        <View
                          className="schedule-shoot__phone"
                          onClick={(event) => {
                            // The number calls; the rest of the row opens the shoot.
                            event.stopPropagation()
                            callPhone(item.customerPhone!)
                          }}
                        >
                          <Phone size={14} />
                          <Text>{item.customerPhone}</Text>
                        </View>
                      )}
                    </AppointmentRow>
                  </View>
                )
              })}
            </Card>
          )
        })}
    </View>
  )
}
