import { Text, View } from '@tarojs/components'
import { useI18n } from '../i18n'
import { change } from './format'

/** One figure of a report: its value now and how it moved against the previous period. */
export function Figure({ label, value, current, previous, testId }: { label: string; value: string; current?: number; previous?: number; testId?: string }) {
  const { t } = useI18n()
  const moved = current !== undefined && previous !== undefined ? change(current, previous) : undefined
  return (
    <View className="report-figure" data-figure={testId}>
      <Text className="report-figure__label">{label}</Text>
      <Text className="report-figure__value">{value}</Text>
      {moved && <Text className={`report-figure__change report-figure__change--${moved.tone}`}>{`${t('reports.previous')} ${moved.text}`}</Text>}
    </View>
  )
}

export function FigureGrid({ children }: { children: React.ReactNode }) {
  return <View className="report-figures">{children}</View>
}

/** A ranked list drawn as horizontal bars, longest first. */
export function RankedBars({ rows, format }: { rows: { key: string; label: string; value: number; note?: string }[]; format: (value: number) => string }) {
  const sorted = [...rows].sort((a, b) => b.value - a.value)
  const top = Math.max(1, ...sorted.map((r) => r.value))
  return (
    <View className="report-bars">
      {sorted.map((row) => (
        <View key={row.key} className="report-bar" data-bar={row.key}>
          <View className="report-bar__head">
            <Text className="report-bar__label">{row.label}</Text>
            <Text className="report-bar__value">{format(row.value)}</Text>
          </View>
          <View className="report-bar__track">
            <View className="report-bar__fill" style={{ width: `${Math.max(2, (row.value / top) * 100)}%` }} />
          </View>
          {row.note && <Text className="report-bar__note">{row.note}</Text>}
        </View>
      ))}
    </View>
  )
}
