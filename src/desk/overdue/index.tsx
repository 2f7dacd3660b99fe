import { View, Text } from '@tarojs/components'
import { overdueOrders } from '../../../types/order-operations'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { call } from '../../api'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useI18n } from '../../i18n'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { daysBetween } from '../../lib/studio-time'
import { OrderRow } from '../OrderRow'
import '../desk.scss'
import '../queue/index.scss'

/** The manager's list of orders stuck past their stage's expected date, stage by stage, with how late each is. */
export default function OverduePage() {
  const { t } = useI18n()
  usePageTitle('overdue.title')
  const { session, allowed } = useStaffPage(overdueOrders.access)
  const overdue = useQuery(() => call(overdueOrders, {}), [], allowed)

  usePullDownRefresh(overdue)
  useShownAgain(() => {
    if (allowed) void overdue.reload()
  })

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (overdue.error !== undefined && !overdue.data) return <ErrorState error={overdue.error} onRetry={overdue.reload} />
  if (!overdue.data) return <LoadingState />
  const { asOf, stages } = overdue.data
  const count = stages.reduce((sum, section) => sum + section.items.length, 0)

  return (
    <View className="screen queue">
      {count === 0 ? (
        <EmptyState icon={<Text className="status-view__glyph">✓</Text>} title={t('overdue.none')} description={t('overdue.noneHint', { date: asOf })} />
      ) : (
        <Text className="queue__summary">{t('overdue.summary', { count, date: asOf })}</Text>
      )}
      {stages.map((section) => (
        <View key={section.stage} className="queue__section">
          <View className="queue__heading">
            <Text className="queue__title">{t(`orderStage.${section.stage}`)}</Text>
            <Text className="queue__count">{section.items.length}</Text>
          </View>
          {section.items.map((order) => (
            <OrderRow key={order.id} order={order} daysLate={order.expectedBy ? daysBetween(order.expectedBy, asOf) : undefined} />
          ))}
        </View>
      ))}
    </View>
  )
}
