import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { auditPayment, refundsDue, unauditedPayments, unmatchedPayments } from '../../../types/order-operations'
import type { OutputOf } from '../../../types/operation'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormMessage } from '../../components/FormField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { useDates } from '../../hooks/useDates'
import { usePageTitle } from '../../hooks/usePageTitle'
import { usePagedQuery } from '../../hooks/usePagedQuery'
import { useQuery } from '../../hooks/useQuery'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useSubmit } from '../../hooks/useSubmit'
import { confirmAudit } from '../../lib/confirm-money'
import { useI18n } from '../../i18n'
import { formatFen } from '../../lib/money'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import '../desk.scss'
import { UnmatchedPayments } from './UnmatchedPayments'
import './index.scss'

const PAGE_SIZE = 30

type UnauditedPayment = OutputOf<typeof unauditedPayments>['items'][number]

/** Finance's desk: offline payments to check against the till, the card terminal or the bank, and refunds owed on cancelled orders. */
export default function FinancePage() {
  const dates = useDates()
  const { t } = useI18n()
  usePageTitle('finance.title')
  const { session, allowed } = useStaffPage(unauditedPayments.access)
  const unaudited = usePagedQuery((cursor) => call(unauditedPayments, { limit: PAGE_SIZE, cursor }), [], allowed)
  const refunds = useQuery(() => call(refundsDue, {}), [], allowed)
  const unmatched = useQuery(() => call(unmatchedPayments, {}), [], allowed)
  const auditing = useSubmit()
  const [failed, setFailed] = useState<string>()

  usePullDownRefresh(unaudited, refunds, unmatched)
  useShownAgain(() => {
    if (allowed) void (unaudited.reload(), refunds.reload(), unmatched.reload())
  })

  if (!session) return null
  if (!allowed) return <Forbidden />

  const audit = (payment: UnauditedPayment) =>
    auditing.run(payment.id, async () => {
      setFailed(payment.id)
      const confirmed = await confirmAudit(t, { customer: payment.customerName, amountFen: payment.amountFen, method: payment.method })
      if (!confirmed) return
      await call(auditPayment, { orderId: payment.orderId, paymentId: payment.id })
      Taro.showToast({ title: t('finance.audited'), icon: 'success' })
      await unaudited.reload()
    })
  const openOrder = (orderId: string) => Taro.navigateTo({ url: `${routes.deskOrder}?id=${orderId}` })
  // The total of what is listed; with more to load it says so.
  const totalFen = unaudited.items?.reduce((sum, payment) => sum + payment.amountFen, 0)

  return (
    <View className="screen finance">
      <View className="finance__total">
        <Text className="finance__total-label">{t('finance.unauditedTotal')}</Text>
        <Text className="finance__total-amount">{totalFen === undefined ? '—' : formatFen(totalFen)}</Text>
        <Text className="finance__total-count">
          {unaudited.items ? t(unaudited.hasMore ? 'finance.unauditedCountMore' : 'finance.unauditedCount', { count: unaudited.items.length }) : ''}
        </Text>
      </View>

      <Card title={t('finance.unauditedTitle')}>
        {unaudited.error !== undefined && <ErrorState error={unaudited.error} onRetry={unaudited.reload} />}
        {unaudited.loading && !unaudited.items && <LoadingState />}
        {unaudited.items?.length === 0 && <Text className="desk-note">{t('finance.nothingToAudit')}</Text>}
        {unaudited.items?.map((payment) => (
          <View key={payment.id} className="finance__row">
            <View className="finance__row-main" onClick={() => openOrder(payment.orderId)}>
              <View className="finance__line">
                <Text className="finance__name">{payment.customerName}</Text>
                <Text className="finance__amount">{formatFen(payment.amountFen)}</Text>
              </View>
              <Text className="finance__meta">{`${t(`paymentKind.${payment.kind}`)} · ${t(`paymentMethod.${payment.method}`)}${payment.reference ? ` · ${payment.reference}` : ''}`}</Text>
              <Text className="finance__meta">{t('finance.recordedBy', { name: payment.recordedBy.name, time: dates.dayTime(payment.at) })}</Text>
            </View>
            <View className="finance__action">
              <Button size="small" type="primary" loading={auditing.busy === payment.id} disabled={auditing.saving && auditing.busy !== payment.id} onClick={() => void audit(payment)}>
                {t('finance.audit')}
              </Button>
            </View>
            {failed === payment.id && <FormMessage message={auditing.message} />}
          </View>
        ))}
        {!unaudited.loading && unaudited.hasMore && (
          <Button block fill="none" onClick={unaudited.loadMore}>
            {t('common.loadMore')}
          </Button>
        )}
      </Card>

      <Card title={t('finance.refundsTitle')}>
        {refunds.error !== undefined && <ErrorState error={refunds.error} onRetry={refunds.reload} />}
        {refunds.loading && !refunds.data && <LoadingState />}
        {refunds.data?.items.length === 0 && <Text className="desk-note">{t('finance.noRefundsDue')}</Text>}
        {refunds.data?.items.map((order) => {
          // A refund counts as refunded when sent; listed with nothing left to send, one WeChat Pay did not take waits to be sent again.
          const left = order.refundDueFen - order.refundedFen
          return (
            <View key={order.id} className="finance__row finance__row--link" onClick={() => openOrder(order.id)}>
              <View className="finance__row-main">
                <View className="finance__line">
                  <Text className="finance__name">{order.customerName}</Text>
                  {left > 0 ? (
                    <Text className="finance__amount finance__amount--due">{formatFen(left)}</Text>
                  ) : (
                    <Text className="finance__failed">{t('finance.refundFailed')}</Text>
                  )}
                </View>
                <Text className="finance__meta">{order.packageName}</Text>
                <Text className="finance__meta">
                  {left <= 0
                    ? t('finance.refundFailedHint')
                    : order.refundedFen > 0
                      ? t('finance.refundPartly', { due: formatFen(order.refundDueFen), refunded: formatFen(order.refundedFen) })
                      : t('finance.refundOwed', { due: formatFen(order.refundDueFen) })}
                </Text>
              </View>
              <Text className="finance__chevron">›</Text>
            </View>
          )
        })}
      </Card>
      <UnmatchedPayments items={unmatched.data?.items} />
    </View>
  )
}
