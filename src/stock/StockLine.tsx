import { View, Text } from '@tarojs/components'
import type { BranchStockLine } from '../../types/inventory'
import { useI18n } from '../i18n'
import { formatFen } from '../lib/money'

/** One stock item in a branch: what it is, how many are left (flagged when it is time to reorder) and what they are worth. */
export function StockLine({ line, onClick }: { line: BranchStockLine; onClick?: () => void }) {
  const { t } = useI18n()
  return (
    <View className={`stock-line${line.low ? ' stock-line--low' : ''}${line.active ? '' : ' stock-line--retired'}`} onClick={onClick}>
      <View className="stock-line__top">
        <Text className="stock-line__name">{line.name}</Text>
        <Text className="stock-line__on-hand">{t('stock.onHand', { count: line.onHand, unit: line.unit })}</Text>
      </View>
      <View className="stock-line__bottom">
        <Text>{[t(`stockCategory.${line.category}`), t('stock.reorderAt', { count: line.reorderLevel, unit: line.unit })].join(' · ')}</Text>
        {line.low && <Text className="stock-line__badge">{t('stock.lowBadge')}</Text>}
        {!line.active && <Text className="stock-line__badge stock-line__badge--muted">{t('stock.retired')}</Text>}
      </View>
      <Text className="stock-line__cost">{t('stock.costLine', { cost: formatFen(line.unitCostFen), value: formatFen(line.valueFen) })}</Text>
    </View>
  )
}
