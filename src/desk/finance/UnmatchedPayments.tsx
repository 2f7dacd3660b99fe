import { View, Text } from '@tarojs/components'
import type { UnmatchedPayment } from '../../../types/unmatched-payments'
import { Card } from '../../components/Card'
import { useI18n } from '../../i18n'
import { useDates } from '../../hooks/useDates'
import { formatFen } from '../../lib/money'

/**
 * Money WeChat Pay took that no order could take (another amount than the charge, an order
 * that does not exist): its amount, why, and how its refund stands. Shown only when there is some.
 */
export function UnmatchedPayments({ items }: { items: UnmatchedPayment[] | undefined }) {
  const dates = useDates()
  const { t } = useI18n()
  if (!items?.length) return null
  return (
    <Card title={t('unmatched.title')}>
      {items.map((payment) => (
        <View key={payment.id} className="finance__row finance__row--unmatched">
          <View className="finance__row-main">
            <View className="finance__line">
              <Text className="finance__name">{formatFen(payment.amountFen)}</Text>
              <Text className={payment.status === 'refund_failed' ? 'finance__failed' : 'finance__meta'}>{t(`unmatched.status.${payment.status}`)}</Text>
            </View>
            <Text className="finance__meta">{t(`unmatched.reason.${payment.reason}`, { expected: formatFen(payment.expectedFen ?? 0) })}</Text>
            <Text className="finance__meta">{t('unmatched.received', { time: dates.dayTime(payment.receivedAt), trade: payment.transactionId ?? payment.outTradeNo })}</Text>
          </View>
        </View>
      ))}
    </Card>
  )
}
