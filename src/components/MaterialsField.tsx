import { View, Text } from '@tarojs/components'
import type { Material, StockItem } from '../../types/inventory'
import { useI18n } from '../i18n'
import { parseWhole } from '../lib/money'
import { FormField } from './FormField'
import { Input } from './ui'
import './MaterialsField.scss'

/** Quantities typed per stock item id; blank means the item is not used. */
export type MaterialDraft = Record<string, string>

export const materialDraftOf = (materials: readonly Material[]): MaterialDraft => Object.fromEntries(materials.map((m) => [m.stockItemId, String(m.quantity)]))

/** The typed quantities as a bill of materials; anything typed that is not a count is sent as -1 so the API names it. */
export const materialsOf = (draft: MaterialDraft): Material[] =>
  Object.entries(draft).flatMap(([stockItemId, typed]) => (typed.trim() === '' ? [] : [{ stockItemId, quantity: parseWhole(typed) ?? -1 }]))

/** What a product (one of it) or a package uses from the stock room — its bill of materials: a quantity beside each active stock item. */
export function MaterialsField({
  items,
  draft,
  onChange,
  error,
  label,
}: {
  items: StockItem[]
  draft: MaterialDraft
  onChange: (draft: MaterialDraft) => void
  error?: string
  label?: string
}) {
  const { t } = useI18n()
  const shown = items.filter((item) => item.active || draft[item.id])
  return (
    <FormField label={label ?? t('materials.title')} error={error} hint={shown.length ? t('materials.hint') : t('materials.noStockItems')}>
      {shown.map((item) => (
        <View key={item.id} className="materials-field__row">
          <Text className="materials-field__name">{item.name}</Text>
          <View className="materials-field__quantity">
            <Input type="number" value={draft[item.id] ?? ''} onChange={(value) => onChange({ ...draft, [item.id]: value })} placeholder="0" maxLength={3} />
          </View>
          <Text className="materials-field__unit">{item.unit}</Text>
        </View>
      ))}
    </FormField>
  )
}
