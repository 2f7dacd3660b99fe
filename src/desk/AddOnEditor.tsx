import { Picker, View, Text } from '@tarojs/components'
import { useState } from 'react'
import type { Product } from '../../types/catalog'
import type { AddOn } from '../../types/orders'
import { Button, Input } from '../components/ui'
import { useI18n } from '../i18n'
import { formatFen, parseYuan } from '../lib/money'
import './AddOnEditor.scss'

/** An add-on being chosen at the desk: a catalogue product with a quantity, or a named service with its price. */
export type AddOnDraft =
  | { key: string; kind: 'product'; productId: string; name: string; unitFen: number; quantity: number }
  | { key: string; kind: 'service'; name: string; amountFen: number }

let nextKey = 0
const keyOf = () => `addon-${++nextKey}`

export const draftAmount = (draft: AddOnDraft) => (draft.kind === 'product' ? draft.unitFen * draft.quantity : draft.amountFen)

/** What orders.create and orders.update take. */
export const addOnInput = (draft: AddOnDraft) =>
  draft.kind === 'product' ? { kind: 'product' as const, productId: draft.productId, quantity: draft.quantity } : { kind: 'service' as const, name: draft.name, amountFen: draft.amountFen }

/** The add-ons of an order the desk can change (the extra photos and a photographer's surcharge stay as they are). */
export function draftsOf(addOns: AddOn[]): AddOnDraft[] {
  return addOns.flatMap((addOn): AddOnDraft[] => {
    if (addOn.kind === 'product' && addOn.productId) {
      return [{ key: keyOf(), kind: 'product', productId: addOn.productId, name: addOn.name, unitFen: addOn.unitFen, quantity: addOn.quantity }]
    }
    if (addOn.kind === 'service' && addOn.id !== 'surcharge') return [{ key: keyOf(), kind: 'service', name: addOn.name, amountFen: addOn.amountFen }]
    return []
  })
}

const MAX_ADD_ONS = 20
const MAX_QUANTITY = 100

interface Props {
  value: AddOnDraft[]
  onChange: (value: AddOnDraft[]) => void
  products: Product[]
  /** The server's complaint about the add-ons, if any. */
  error?: string
}

export function AddOnEditor({ value, onChange, products, error }: Props) {
  const { t } = useI18n()
  const [serviceOpen, setServiceOpen] = useState(false)
  const [serviceName, setServiceName] = useState('')
  const [serviceAmount, setServiceAmount] = useState('')
  const [serviceError, setServiceError] = useState<string>()
  const onSale = products.filter((product) => product.active)
  const full = value.length >= MAX_ADD_ONS

  const setQuantity = (key: string, quantity: number) =>
    onChange(value.map((draft) => (draft.key === key && draft.kind === 'product' ? { ...draft, quantity: Math.min(MAX_QUANTITY, Math.max(1, quantity)) } : draft)))
  const remove = (key: string) => onChange(value.filter((draft) => draft.key !== key))

  // A line sold at another price keeps it; one more of that product is a line at today's price (as the server prices it).
  const addProduct = (product: Product) => {
    const existing = value.find((draft) => draft.kind === 'product' && draft.productId === product.id && draft.unitFen === product.priceFen)
    if (existing && existing.kind === 'product') return setQuantity(existing.key, existing.quantity + 1)
    onChange([...value, { key: keyOf(), kind: 'product', productId: product.id, name: product.name, unitFen: product.priceFen, quantity: 1 }])
  }
  const addOneMore = (draft: Extract<AddOnDraft, { kind: 'product' }>) => {
    const product = onSale.find((p) => p.id === draft.productId)
    if (product && product.priceFen !== draft.unitFen) return addProduct(product)
    setQuantity(draft.key, draft.quantity + 1)
  }

  const addService = () => {
    const name = serviceName.trim()
    const amountFen = parseYuan(serviceAmount)
    if (!name || name.length > 40) return setServiceError(t('addOns.serviceNameInvalid'))
    if (amountFen === undefined || amountFen <= 0) return setServiceError(t('addOns.serviceAmountInvalid'))
    onChange([...value, { key: keyOf(), kind: 'service', name, amountFen }])
    setServiceName('')
    setServiceAmount('')
    setServiceError(undefined)
    setServiceOpen(false)
  }

  return (
    <View className="add-ons">
      {value.length === 0 && <Text className="add-ons__none">{t('addOns.none')}</Text>}
      {value.map((draft) => (
        <View key={draft.key} className="add-ons__item">
          <View className="add-ons__body">
            <Text className="add-ons__name">{draft.name}</Text>
            <Text className="add-ons__meta">
              {draft.kind === 'product' ? t('addOns.unitPrice', { amount: formatFen(draft.unitFen) }) : t('addOns.service')}
            </Text>
          </View>
          {draft.kind === 'product' && (
            <View className="add-ons__stepper">
              <Text className="add-ons__step" onClick={() => setQuantity(draft.key, draft.quantity - 1)}>
                −
              </Text>
              <Text className="add-ons__quantity">{draft.quantity}</Text>
              <Text className="add-ons__step" onClick={() => addOneMore(draft)}>
                +
              </Text>
            </View>
          )}
          <View className="add-ons__end">
            <Text className="add-ons__amount">{formatFen(draftAmount(draft))}</Text>
            <Text className="add-ons__remove" onClick={() => remove(draft.key)}>
              {t('addOns.remove')}
            </Text>
          </View>
        </View>
      ))}
      {error && <Text className="form-field__error">{error}</Text>}

      {serviceOpen ? (
        <View className="add-ons__service">
          <Input value={serviceName} onChange={setServiceName} placeholder={t('addOns.serviceNamePlaceholder')} maxLength={40} />
          <View className="add-ons__service-line">
            <Input type="digit" value={serviceAmount} onChange={setServiceAmount} placeholder={t('addOns.serviceAmountPlaceholder')} maxLength={10} />
            <Button size="small" type="primary" onClick={addService}>
              {t('addOns.add')}
            </Button>
            <Button size="small" fill="none" onClick={() => (setServiceOpen(false), setServiceError(undefined))}>
              {t('common.cancel')}
            </Button>
          </View>
          {serviceError && <Text className="form-field__error">{serviceError}</Text>}
        </View>
      ) : (
        !full && (
          <View className="add-ons__adders">
            {onSale.length > 0 && (
              <Picker mode="selector" range={onSale.map((product) => `${product.name} ${formatFen(product.priceFen)}`)} onChange={(event) => addProduct(onSale[Number(event.detail.value)]!)}>
                <Text className="add-ons__adder">{t('addOns.addProduct')}</Text>
              </Picker>
            )}
            <Text className="add-ons__adder" onClick={() => setServiceOpen(true)}>
              {t('addOns.addService')}
            </Text>
          </View>
        )
      )}
    </View>
  )
}
