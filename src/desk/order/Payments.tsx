import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { Principal } from '../../../types/entities'
import { auditPayment, refundPayment, retryRefund } from '../../../types/order-operations'
import type { Order, Payment } from '../../../types/orders'
import { canUse } from '../../lib/access'
import { asApiError, call, countWrite } from '../../api'
import { Card } from '../../components/Card'
import { FormField, FormMessage } from '../../components/FormField'
import { Button, Input } from '../../components/ui'
import { useDates } from '../../hooks/useDates'
import { useSubmit } from '../../hooks/useSubmit'
import { useI18n, type Translate } from '../../i18n'
import { errorMessage } from '../../i18n/errors'
import { formatFen, parseYuan, yuanText } from '../../lib/money'
import { newRequestId } from '../../lib/request-id'
import { confirmAudit, confirmMoney } from '../../lib/confirm-money'
import { CancelOrSubmit } from './CancelOrSubmit'
import { useAction } from './useAction'

function PaymentStatus({ payment }: { payment: Payment }) {
  const { t } = useI18n()
  if (payment.kind === 'refund') return <Text className={`pay-status pay-status--${payment.status}`}>{t(`paymentStatus.${payment.status}`)}</Text>
  if (payment.method === 'wechat') return <Text className="pay-status pay-status--audited">{t('payment.wechatReceived')}</Text>
  return <Text className={`pay-status pay-status--${payment.audited ? 'audited' : 'unaudited'}`}>{payment.audited ? t('payment.audited') : t('payment.unaudited')}</Text>
}

/** Reasons the system gives itself are in English; what finance typed stays as typed. */
function reasonText(t: Translate, reason: string): string {
  if (reason === 'cancellation') return t('refund.reasonCancellation')
  if (reason === 'could not be credited') return t('refund.reasonUncredited')
  return reason
}

/** What is still owed back on a cancelled order, capped by what is left of this payment. */
function suggestedRefund(order: Order, payment: Payment): number {
  const owed = order.stage === 'cancelled' ? (order.refundDueFen ?? 0) - order.refundedFen : payment.refundableFen
  return Math.max(0, Math.min(payment.refundableFen, owed > 0 ? owed : payment.refundableFen))
}

function RefundForm({ order, payment, onDone, onClose }: { order: Order; payment: Payment; onDone: () => Promise<void>; onClose: () => void }) {
  const { t } = useI18n()
  const [amount, setAmount] = useState(yuanText(suggestedRefund(order, payment)))
  const [reason, setReason] = useState(order.stage === 'cancelled' ? t('refund.cancellationReason') : '')
  const [problem, setProblem] = useState<{ amount?: string; reason?: string }>({})
  const feedback = useSubmit()
  const requestId = useRef(newRequestId())

  const submit = async () => {
    feedback.reset()
    const amountFen = parseYuan(amount)
    const wrong = {
      amount: amountFen === undefined || amountFen <= 0 ? t('field.amountFen.invalid') : amountFen > payment.refundableFen ? t('refund.overRefundable', { amount: formatFen(payment.refundableFen) }) : undefined,
      reason: reason.trim() ? undefined : t('field.reason.invalid'),
    }
    setProblem(wrong)
    if (wrong.amount || wrong.reason || amountFen === undefined) return
    await feedback.submit(async () => {
      const confirmed = await confirmMoney(t, {
        title: t('refund.confirmTitle'),
        customer: order.customerName,
        amountFen,
        method: payment.method,
        confirmText: t('refund.submit'),
        note: payment.method === 'wechat' ? undefined : t('refund.offlineNote', { method: t(`paymentMethod.${payment.method}`) }),
      })
      if (!confirmed) return
      try {
        await call(refundPayment, { orderId: order.id, paymentId: payment.id, requestId: requestId.current, amountFen, reason: reason.trim() })
        Taro.showToast({ title: t('refund.done'), icon: 'success' })
      } catch (failure) {
        if (asApiError(failure).code !== 'PAYMENT_PROVIDER_ERROR') throw failure
        // Recorded, but WeChat Pay did not take it: the refund shows among the payments, to be sent again from there.
        countWrite()
        Taro.showToast({ title: errorMessage(t, failure), icon: 'none' })
      }
      onClose()
      await onDone()
    })
  }

  return (
    <View className="pay-row__refund">
      <FormField label={t('refund.amount')} error={problem.amount ?? feedback.fields.amountFen} hint={t('refund.refundable', { amount: formatFen(payment.refundableFen) })}>
        <Input type="digit" value={amount} onChange={setAmount} maxLength={10} />
      </FormField>
      <FormField label={t('refund.reason')} error={problem.reason ?? feedback.fields.reason}>
        <Input value={reason} onChange={setReason} placeholder={t('refund.reasonPlaceholder')} maxLength={80} />
      </FormField>
      {payment.method !== 'wechat' && <Text className="staff-order__note">{t('refund.offlineNote', { method: t(`paymentMethod.${payment.method}`) })}</Text>}
      <FormMessage message={feedback.message} />
      <CancelOrSubmit label={t('refund.submit')} saving={feedback.saving} onSubmit={submit} onCancel={onClose} />
    </View>
  )
}

/** Every payment and refund of the order; finance audits and refunds from here. */
export function Payments({ order, payments, principal, reload }: { order: Order; payments: Payment[]; principal: Principal; reload: () => Promise<void> }) {
  const dates = useDates()
  const { t } = useI18n()
  const action = useAction(reload)
  const [refunding, setRefunding] = useState<string>()
  const mayAudit = canUse(principal, auditPayment.access)
  const mayRefund = canUse(principal, refundPayment.access)
  const mayRetry = canUse(principal, retryRefund.access)
  const sorted = [...payments].sort((a, b) => a.at.localeCompare(b.at))

  // WeChat Pay answers how the refund went: paid back, still on its way, or not taken again.
  const resend = (refund: Payment) =>
    action.run(`retry-${refund.id}`, async () => {
      const detail = await call(retryRefund, { orderId: order.id, refundId: refund.id })
      const status = detail.payments.find((p) => p.id === refund.id)?.status
      if (status === 'refund_failed') Taro.showToast({ title: t('refund.stillFailed'), icon: 'none' })
      else Taro.showToast({ title: status === 'refunded' ? t('refund.done') : t('refund.resent'), icon: 'success' })
    })

  const audit = (payment: Payment) =>
    action.run(
      `audit-${payment.id}`,
      async () => {
        const confirmed = await confirmAudit(t, { customer: order.customerName, amountFen: payment.amountFen, method: payment.method })
        if (!confirmed) return
        await call(auditPayment, { orderId: order.id, paymentId: payment.id })
        Taro.showToast({ title: t('finance.audited'), icon: 'success' })
      },
    )

  return (
    <Card title={t('payment.title')}>
      {sorted.length === 0 && <Text className="desk-note">{t('payment.none')}</Text>}
      {sorted.map((payment) => {
        const isRefund = payment.kind === 'refund'
        const refunded = !isRefund && payment.amountFen > payment.refundableFen
        const auditable = mayAudit && !payment.audited && !isRefund
        const refundable = mayRefund && !isRefund && payment.refundableFen > 0 && refunding !== payment.id
        const notSent = isRefund && payment.status === 'refund_failed' && payment.method === 'wechat'
        const retryable = notSent && mayRetry
        return (
          <View key={payment.id} className="pay-row">
            <View className="pay-row__line">
              <Text className="pay-row__what">{`${t(`paymentKind.${payment.kind}`)} · ${t(`paymentMethod.${payment.method}`)}`}</Text>
              <Text className={`pay-row__amount${payment.amountFen < 0 ? ' pay-row__amount--refund' : ''}`}>
                {`${payment.amountFen < 0 ? '−' : ''}${formatFen(Math.abs(payment.amountFen))}`}
              </Text>
            </View>
            <View className="pay-row__line">
              <Text className="pay-row__meta">
                {`${dates.dayTime(payment.at)} · ${payment.recordedBy.role === 'system' ? t('payment.bySystem') : payment.recordedBy.name}`}
              </Text>
              <PaymentStatus payment={payment} />
            </View>
            {payment.reference && <Text className="pay-row__meta">{t('payment.reference', { reference: payment.reference })}</Text>}
            {payment.reason && <Text className="pay-row__meta">{t('payment.reason', { reason: reasonText(t, payment.reason) })}</Text>}
            {payment.audited && payment.auditedBy && payment.method !== 'wechat' && !isRefund && (
              <Text className="pay-row__meta">{t('payment.auditedBy', { name: payment.auditedBy.name, time: payment.auditedAt ? dates.dayTime(payment.auditedAt) : '' })}</Text>
            )}
            {refunded && <Text className="pay-row__meta">{t('payment.partlyRefunded', { amount: formatFen(payment.amountFen - payment.refundableFen) })}</Text>}
            {notSent && <Text className="pay-row__warning">{mayRetry ? t('refund.failedNote') : t('refund.failedNoteOthers')}</Text>}
            {(auditable || refundable || retryable) && (
              <View className="pay-row__actions">
                {auditable && (
                  <Button
                    size="small"
                    type="primary"
                    loading={action.busy === `audit-${payment.id}`}
                    disabled={action.busy !== undefined}
                    onClick={() => void audit(payment)}
                  >
                    {t('finance.audit')}
                  </Button>
                )}
                {refundable && (
                  <Button size="small" fill="outline" type="primary" onClick={() => setRefunding(payment.id)}>
                    {t('refund.start')}
                  </Button>
                )}
                {retryable && (
                  <Button size="small" type="primary" loading={action.busy === `retry-${payment.id}`} disabled={action.busy !== undefined} onClick={() => void resend(payment)}>
                    {t('refund.retry')}
                  </Button>
                )}
              </View>
            )}
            {refunding === payment.id && <RefundForm order={order} payment={payment} onDone={reload} onClose={() => setRefunding(undefined)} />}
          </View>
        )
      })}
      <FormMessage message={action.message} />
    </Card>
  )
}
