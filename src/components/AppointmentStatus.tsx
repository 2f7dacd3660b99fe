import { Text } from '@tarojs/components'
import type { Appointment } from '../../types/booking'
import { useI18n } from '../i18n'
import './AppointmentStatus.scss'

export function AppointmentStatus({ status }: { status: Appointment['status'] }) {
  const { t } = useI18n()
  return <Text className={`appointment-status appointment-status--${status}`}>{t(`appointment.status.${status}`)}</Text>
}
