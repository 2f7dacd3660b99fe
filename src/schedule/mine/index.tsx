import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Photograph } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { mySchedule } from '../../../types/booking-operations'
import { call } from '../../api'
import { dayLabel } from '../../lib/booking-labels'
import { Card } from '../../components/Card'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { addDays, studioMoment } from '../../lib/studio-time'
import { AppointmentRow } from '../AppointmentRow'
import { DateSwitcher } from '../DateSwitcher'
import { useRoomNames } from '../useRooms'
import '../schedule.scss'

/** A photographer's or makeup artist's own shoots: `days=1` is my day, `days=7` my week. */
export default function MySchedulePage() {
  const { t } = useI18n()
  const days = useRouter().params.days === '7' ? 7 : 1
  usePageTitle(days === 7 ? 'tile.myWeek' : 'tile.myDay')
  const { session, allowed } = useStaffPage(mySchedule.access)
  // Undefined until the person moves: the server then starts from today in the studio's zone.
  const [date, setDate] = useState<string>()
  const schedule = useQuery(() => call(mySchedule, { date, days }), [date, days], allowed)
  const roomNames = useRoomNames(schedule.data?.items.map((item) => item.branchId) ?? [], allowed)

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (schedule.error !== undefined) return <ErrorState error={schedule.error} onRetry={schedule.reload} />
  if (!schedule.data) return <LoadingState />
  const { from, timeZone, items } = schedule.data
  const shown = items.filter((item) => item.status !== 'cancelled' && item.status !== 'expired').sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  const dates = Array.from({ length: days }, (_, index) => addDays(from, index))

  return (
    <View className="screen">
      {/* The day asked for, not the one last answered, so quick taps add up while an answer is on its way. */}
      <DateSwitcher date={date ?? from} step={days} onChange={setDate} onToday={() => setDate(undefined)} />
      {schedule.loading && <LoadingState />}
      {!schedule.loading && days === 1 && shown.length === 0 && <EmptyState icon={<Photograph size={28} />} title={t('schedule.freeDay')} />}
      {!schedule.loading &&
        dates.map((day) => {
          const dayItems = shown.filter((item) => studioMoment(item.startsAt, timeZone).date === day)
          if (days === 1 && dayItems.length === 0) return null
          return (
            <Card key={day} title={days === 7 ? dayLabel(t, day) : t('schedule.shootCount', { count: dayItems.length })}>
              {dayItems.length === 0 && <Text className="schedule-note">{t('schedule.nothingBooked')}</Text>}
              {dayItems.map((item) => (
                <AppointmentRow
                  key={item.id}
                  item={item}
                  timeZone={timeZone}
                  details={item.roomId && roomNames.get(item.roomId) ? [roomNames.get(item.roomId) ?? ''] : []}
                />
              ))}
            </Card>
          )
        })}
    </View>
  )
}
