import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { listProducts } from '../../../types/catalog-operations'
import type { Principal } from '../../../types/entities'
import { getOrderSettings, updateOrder } from '../../../types/order-operations'
import type { Order } from '../../../types/orders'
import { asApiError, call } from '../../api'
import { Card } from '../../components/Card'
import { FormField, FormMessage } from '../../components/FormField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Input, TextArea } from '../../components/ui'
import { useSubmit } from '../../hooks/useSubmit'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { formatFen, parseYuan, yuanText } from '../../lib/money'
import { AddOnEditor, addOnInput, draftAmount, draftsOf, type AddOnDraft } from '../AddOnEditor'
import { MoneyLine } from '../MoneyLine'
import { CancelOrSubmit } from './CancelOrSubmit'
import { discountLimitFen, mayExceedDiscountLimit } from '../discount'

interface Draft {
  addOns: AddOnDraft[]
  discount: string
  discountReason: string
  notes: string
}

const draftOf = (order: Order): Draft => ({
  addOns: draftsOf(order.addOns),
  discount: order.discountFen > 0 ? yuanText(order.discountFen) : '',
  discountReason: order.discountReason ?? '',
  notes: order.notes ?? '',
})

/**
 * Add-ons, discount and notes of an order, saved against the version read: if someone else
 * changed the order meanwhile, nothing is overwritten — the person sees theirs and starts again.
 */
function EditForm({ order, principal, onSaved, onConflict, onClose }: { order: Order; principal: Principal; onSaved: () => Promise<void>; onConflict: () => Promise<void>; onClose: () => void }) {
  const { t } = useI18n()
  const products = useQuery(() => call(listProducts, {}), [])
  const settings = useQuery(() => call(getOrderSettings, {}), [])
  const [draft, setDraft] = useState(() => draftOf(order))
  const [problems, setProblems] = useState<Record<string, string>>({})
  const feedback = useSubmit()

  if (products.error !== undefined || settings.error !== undefined) {
    return <ErrorState error={products.error ?? settings.error} onRetry={() => void (products.reload(), settings.reload())} />
  }
  if (!products.data || !settings.data) return <LoadingState />

  const fixed = order.addOns.filter((addOn) => addOn.kind === 'extra_photos' || addOn.id === 'surcharge')
  const fixedFen = fixed.reduce((sum, addOn) => sum + addOn.amountFen, 0)
  const discountFen = draft.discount.trim() === '' ? 0 : parseYuan(draft.discount)
  const grossFen = order.package.priceFen + fixedFen + draft.addOns.reduce((sum, addOn) => sum + draftAmount(addOn), 0)
  const totalFen = Math.max(0, grossFen - (discountFen ?? 0))
  const limitFen = discountLimitFen(order.package.priceFen, settings.data.discountLimitPercent)
  const limitHint = mayExceedDiscountLimit(principal.roles)
    ? t('discount.limitManager', { percent: settings.data.discountLimitPercent, amount: formatFen(limitFen) })
    : t('discount.limit', { percent: settings.data.discountLimitPercent, amount: formatFen(limitFen) })

  const save = async () => {
    feedback.reset()
    const wrong: Record<string, string> = {}
    if (discountFen === undefined || discountFen > grossFen) wrong.discountFen = t('field.discountFen.invalid')
    else if (discountFen > 0 && !draft.discountReason.trim()) wrong.discountReason = t('field.discountReason.required')
    if (totalFen < order.paidFen) wrong.total = t('editOrder.belowPaid', { amount: formatFen(order.paidFen) })
    setProblems(wrong)
    if (Object.keys(wrong).length > 0 || discountFen === undefined) return
    await feedback.submit(async () => {
      try {
        await call(updateOrder, {
          orderId: order.id,
          version: order.version,
          addOns: draft.addOns.map(addOnInput),
          discountFen,
          discountReason: draft.discountReason.trim(),
          notes: draft.notes.trim(),
        })
      } catch (failure) {
        const error = asApiError(failure)
        if (error.code === 'DISCOUNT_NEEDS_MANAGER') {
          setProblems({ discountFen: t('discount.needsManager', { percent: settings.data!.discountLimitPercent, amount: formatFen(limitFen) }) })
        }
        if (error.code === 'OVERPAYMENT') setProblems({ total: t('editOrder.belowPaid', { amount: formatFen(order.paidFen) }) })
        // Someone else's change is loaded and the form starts again from it, with a word about why.
        if (error.code === 'VERSION_CONFLICT') return await onConflict()
        throw failure
      }
      Taro.showToast({ title: t('common.saved'), icon: 'success' })
      onClose()
      await onSaved()
    })
  }

  return (
    <View className="staff-order__edit">
      <Text className="staff-order__subtitle">{t('addOns.title')}</Text>
      {fixed.map((addOn) => (
        <MoneyLine key={addOn.id} label={addOn.kind === 'extra_photos' ? t('addOns.extraPhotos', { count: addOn.quantity }) : addOn.name} fen={addOn.amountFen} />
      ))}
      <AddOnEditor value={draft.addOns} onChange={(addOns) => setDraft({ ...draft, addOns })} products={products.data.items} error={feedback.fields.addOns} />
      <FormField label={t('field.discountYuan')} error={problems.discountFen ?? feedback.fields.discountFen} hint={limitHint}>
        <Input type="digit" value={draft.discount} onChange={(discount) => setDraft({ ...draft, discount })} placeholder="0.00" maxLength={10} />
      </FormField>
      <FormField label={t('field.discountReason')} error={problems.discountReason ?? feedback.fields.discountReason}>
        <Input value={draft.discountReason} onChange={(discountReason) => setDraft({ ...draft, discountReason })} placeholder={t('discount.reasonPlaceholder')} maxLength={100} />
      </FormField>
      <FormField label={t('field.notes')} error={feedback.fields.notes}>
        <TextArea value={draft.notes} onChange={(notes) => setDraft({ ...draft, notes })} placeholder={t('newOrder.notesPlaceholder')} maxLength={500} autoSize />
      </FormField>
      <MoneyLine label={t('editOrder.newTotal')} fen={totalFen} variant="total" />
      {problems.total && <Text className="form-field__error">{problems.total}</Text>}
      <View className="staff-order__form-foot">
        <FormMessage message={feedback.message} />
        <CancelOrSubmit label={t('common.save')} saving={feedback.saving} onSubmit={save} onCancel={onClose} />
      </View>
    </View>
  )
}

export function EditOrder({ order, principal, onSaved }: { order: Order; principal: Principal; onSaved: () => Promise<void> }) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const [conflict, setConflict] = useState(false)
  const close = () => {
    setOpen(false)
    setConflict(false)
  }
  return (
    <Card title={t('editOrder.title')}>
      {conflict && <FormMessage message={t('error.VERSION_CONFLICT')} />}
      {open ? (
        <EditForm
          key={order.version}
          order={order}
          principal={principal}
          onSaved={onSaved}
          onConflict={async () => {
            setConflict(true)
            await onSaved()
          }}
          onClose={close}
        />
      ) : (
        <View>
          <Text className="desk-note">{t('editOrder.hint')}</Text>
          <Button block fill="outline" type="primary" onClick={() => (setOpen(true), setConflict(false))}>
            {t('editOrder.open')}
          </Button>
        </View>
      )}
    </Card>
  )
}
