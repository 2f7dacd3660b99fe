import { View, Text } from '@tarojs/components'
import { formatFen } from '../lib/money'
import './desk.scss'

/** A line of a money summary; a deduction is shown with a minus sign. */
export function MoneyLine({ label, fen, minus, variant }: { label: string; fen: number; minus?: boolean; variant?: 'total' | 'strong' }) {
  return (
    <View className={`money-line${variant ? ` money-line--${variant}` : ''}`}>
      <Text className="money-line__label">{label}</Text>
      <Text className="money-line__amount">{`${minus || fen < 0 ? '−' : ''}${formatFen(Math.abs(fen))}`}</Text>
    </View>
  )
}
