import { View, Text } from '@tarojs/components'
import { dayLabel } from '../lib/date-labels'
import { useI18n } from '../i18n'
import { addDays } from '../lib/studio-time'
import './DateSwitcher.scss'

interface Props {
  /** The first day shown. */
  date: string
  /** How many days one step moves: 1 for a day, 7 for a week. */
  step: number
  onChange: (date: string) => void
  onToday: () => void
}

export function DateSwitcher({ date, step, onChange, onToday }: Props) {
  const { t } = useI18n()
  const label = step === 1 ? dayLabel(t, date) : `${dayLabel(t, date)} – ${dayLabel(t, addDays(date, step - 1))}`
  return (
    <View className="date-switcher">
      <Text className="date-switcher__move" onClick={() => onChange(addDays(date, -step))}>
        ‹
      </Text>
      <Text className="date-switcher__label">{label}</Text>
      <Text className="date-switcher__move" onClick={() => onChange(addDays(date, step))}>
        ›
      </Text>
      <Text className="date-switcher__today" onClick={onToday}>
        {t('schedule.today')}
      </Text>
    </View>
  )
}
