import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { recordOfflinePayment } from '../../../types/order-operations'
import type { Order } from '../../../types/orders'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormField } from '../../components/FormField'
import { Input } from '../../components/ui'
import { SaveActions } from '../../components/SaveActions'
import { useSubmit } from '../../hooks/useSubmit'
import { useI18n } from '../../i18n'
import { confirmMoney } from '../../lib/confirm-money'
import { formatFen, parseYuan } from '../../lib/money'
import { newRequestId } from '../../lib/request-id'
import '../desk.scss'

type Kind = 'deposit' | 'balance' | 'extra_photos'
type Method = 'cash' | 'card' | 'transfer'
const METHODS: Method[] = ['cash', 'card', 'transfer']

function kindsOf(order: Order): Kind[] {
  if (order.stage === 'pending_deposit') return ['deposit']
  return (order.selection?.extraFen ?? 0) > 0 ? ['balance', 'extra_photos'] : ['balance']
}

/** What this kind of payment would settle, shown beside the amount — never typed in for the person. */
function dueFen(order: Order, kind: Kind): number {
  if (kind === 'deposit') return Math.min(order.depositFen, order.balanceFen)
  if (kind === 'extra_photos') return Math.min(order.selection?.extraFen ?? 0, order.balanceFen)
  return order.balanceFen
}

/**
 * Cash, card or transfer taken at the desk; it counts at once and waits for finance's audit.
 * The amount is typed from what was handed over (it is never filled in, so a second tap cannot
 * record the rest of the balance), and written only once the person confirms customer, amount and method.
 */
export function TakePayment({ order, onRecorded }: { order: Order; onRecorded: () => Promise<void> }) {
  const { t } = useI18n()
  const kinds = kindsOf(order)
  const [kind, setKind] = useState<Kind>(kinds[0]!)
  const [method, setMethod] = useState<Method>('cash')
  const [amount, setAmount] = useState('')
  const [reference, setReference] = useState('')
  const [amountProblem, setAmountProblem] = useState<string>()
  const feedback = useSubmit()
  const requestId = useRef(newRequestId())

  // A change to the order (another payment, a new add-on) starts the form again, empty.
  useEffect(() => {
    setKind(kindsOf(order)[0]!)
    setAmount('')
  }, [order.version, order.stage])

  const record = async () => {
    feedback.reset()
    const amountFen = parseYuan(amount)
    if (amountFen === undefined || amountFen <= 0) return setAmountProblem(t('field.amountFen.invalid'))
    if (amountFen > order.balanceFen) return setAmountProblem(t('payment.overBalance', { amount: formatFen(order.balanceFen) }))
    setAmountProblem(undefined)
    await feedback.submit(async () => {
      const confirmed = await confirmMoney(t, { title: t('payment.confirmTitle'), customer: order.customerName, amountFen, method, confirmText: t('payment.confirm') })
      if (!confirmed) return
      await call(recordOfflinePayment, { orderId: order.id, requestId: requestId.current, kind, method, amountFen, reference: reference.trim() || undefined })
      requestId.current = newRequestId()
      setReference('')
      setAmount('')
      Taro.showToast({ title: t('payment.recorded'), icon: 'success' })
      await onRecorded()
    })
  }

  return (
    <Card title={t('payment.take')} extra={<Text className="staff-order__card-extra">{t('payment.balanceNow', { amount: formatFen(order.balanceFen) })}</Text>}>
      <FormField label={t('payment.kind')}>
        <View className="choice-chips">
          {kinds.map((candidate) => (
            <Text key={candidate} className={`choice-chip${candidate === kind ? ' choice-chip--active' : ''}`} onClick={() => setKind(candidate)}>
              {t(`paymentKind.${candidate}`)}
            </Text>
          ))}
        </View>
      </FormField>
      <FormField label={t('payment.method')}>
        <View className="choice-chips">
          {METHODS.map((candidate) => (
            <Text key={candidate} className={`choice-chip${candidate === method ? ' choice-chip--active' : ''}`} onClick={() => setMethod(candidate)}>
              {t(`paymentMethod.${candidate}`)}
            </Text>
          ))}
        </View>
      </FormField>
      <FormField label={t('field.amountYuan')} error={amountProblem ?? feedback.fields.amountFen} hint={t('payment.dueHint', { amount: formatFen(dueFen(order, kind)) })}>
        <Input type="digit" value={amount} onChange={setAmount} maxLength={10} />
      </FormField>
      <FormField label={t('field.reference')} error={feedback.fields.reference}>
        <Input value={reference} onChange={setReference} placeholder={t(`payment.referencePlaceholder.${method}`)} maxLength={60} />
      </FormField>
      <SaveActions message={feedback.message} saving={feedback.saving} onSave={record} label={t('payment.record')} className="staff-order__form-foot" />
    </Card>
  )
}
