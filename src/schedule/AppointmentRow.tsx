import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { CrewAppointment } from '../../types/booking'
import { AppointmentStatus } from '../components/AppointmentStatus'
import { useI18n } from '../i18n'
import { studioMoment } from '../lib/studio-time'
import './AppointmentRow.scss'

interface Props {
  item: CrewAppointment
  timeZone: string
  /** Where the shoot is and who does it, as far as this person may know. */
  details: string[]
  children?: ReactNode
}

/** One booking on a staff schedule: when, who, what, where, and anything the customer asked for. */
export function AppointmentRow({ item, timeZone, details, children }: Props) {
  const { t } = useI18n()
  const starts = studioMoment(item.startsAt, timeZone)
  const ends = studioMoment(item.endsAt, timeZone)
  return (
    <View className={`appointment-row appointment-row--${item.status}`}>
      <View className="appointment-row__time">
        <Text className="appointment-row__start">{starts.time}</Text>
        <Text className="appointment-row__end">{ends.time}</Text>
      </View>
      <View className="appointment-row__body">
        <View className="appointment-row__line">
          <Text className="appointment-row__customer">{item.customerName}</Text>
          <AppointmentStatus status={item.status} />
        </View>
        <Text className="appointment-row__package">{item.packageName}</Text>
        {details.length > 0 && <Text className="appointment-row__meta">{details.join(' · ')}</Text>}
        {item.notes && <Text className="appointment-row__notes">{t('schedule.notes', { notes: item.notes })}</Text>}
        {item.remindCustomer && <Text className="appointment-row__meta">{t('schedule.reminded')}</Text>}
        {children}
      </View>
    </View>
  )
}
