import { Picker, View, Text } from '@tarojs/components'
import type { WeeklyHoursInput } from '../../types/booking'
import { weekdayName } from '../lib/date-labels'
import { Switch } from '../components/ui'
import { useI18n } from '../i18n'
import './WeeklyHoursEditor.scss'

type Weekday = keyof WeeklyHoursInput
const weekdays: Weekday[] = ['1', '2', '3', '4', '5', '6', '7']
/** The schema allows four opening windows a day (a lunch break splits one in two). */
const MAX_WINDOWS = 4
const DEFAULT_WINDOW = { from: '09:00', to: '18:00' }

function TimeField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <Picker mode="time" value={value} onChange={(event) => onChange(String(event.detail.value))}>
      <Text className="weekly-hours__time">{value}</Text>
    </Picker>
  )
}

/** Opening (or working) hours per weekday: a day without windows is closed. */
export function WeeklyHoursEditor({ value, onChange }: { value: WeeklyHoursInput; onChange: (value: WeeklyHoursInput) => void }) {
  const { t } = useI18n()
  const setDay = (day: Weekday, windows: { from: string; to: string }[]) => {
    const next = { ...value }
    if (windows.length === 0) delete next[day]
    else next[day] = windows
    onChange(next)
  }

  return (
    <View className="weekly-hours">
      {weekdays.map((day) => {
        const windows = value[day] ?? []
        return (
          <View key={day} className="weekly-hours__day">
            <View className="weekly-hours__head">
              <Text className="weekly-hours__name">{t('hours.weekday', { weekday: weekdayName(t, Number(day)) })}</Text>
              {windows.length === 0 && <Text className="weekly-hours__closed">{t('hours.closed')}</Text>}
              <Switch checked={windows.length > 0} onChange={(open) => setDay(day, open ? [DEFAULT_WINDOW] : [])} />
            </View>
            {windows.map((window, index) => (
              <View key={index} className="weekly-hours__window">
                <TimeField value={window.from} onChange={(from) => setDay(day, windows.map((w, i) => (i === index ? { ...w, from } : w)))} />
                <Text className="weekly-hours__dash">{t('hours.to')}</Text>
                <TimeField value={window.to} onChange={(to) => setDay(day, windows.map((w, i) => (i === index ? { ...w, to } : w)))} />
                {windows.length > 1 && (
                  <Text className="weekly-hours__link" onClick={() => setDay(day, windows.filter((_, i) => i !== index))}>
                    {t('hours.removeWindow')}
                  </Text>
                )}
              </View>
            ))}
            {windows.length > 0 && windows.length < MAX_WINDOWS && (
              <Text className="weekly-hours__link" onClick={() => setDay(day, [...windows, { from: '14:00', to: '18:00' }])}>
                {t('hours.addWindow')}
              </Text>
            )}
          </View>
        )
      })}
    </View>
  )
}
