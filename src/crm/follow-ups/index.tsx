import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Clock } from '@nutui/icons-react-taro'
import { dueFollowUps } from '../../../types/crm-operations'
import type { FollowUp } from '../../../types/customers'
import { call } from '../../api'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useI18n } from '../../i18n'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import './index.scss'

function DueItem({ followUp, overdue }: { followUp: FollowUp; overdue: boolean }) {
  const { t } = useI18n()
  return (
    <View className="due__item" onClick={() => Taro.navigateTo({ url: `${routes.customer}?id=${followUp.customerId}` })}>
      <View className="due__line">
        <Text className="due__name">{followUp.customerName}</Text>
        <Text className={`due__date${overdue ? ' due__date--overdue' : ''}`}>
          {overdue ? t('followUps.overdueSince', { date: followUp.dueDate }) : t('followUps.today')}
        </Text>
      </View>
      <Text className="due__note">{followUp.note}</Text>
    </View>
  )
}

export default function DueFollowUpsPage() {
  const { t } = useI18n()
  usePageTitle('followUps.dueTitle')
  const { session, allowed } = useStaffPage(dueFollowUps.access)
  const due = useQuery(() => call(dueFollowUps, {}), [], allowed)

  usePullDownRefresh(due)
  // Back from a customer whose outcome was just recorded, that follow-up leaves the list.
  useShownAgain(() => {
    if (allowed) void due.reload()
  })

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (due.error !== undefined) return <ErrorState error={due.error} onRetry={due.reload} />
  if (!due.data) return <LoadingState />

  const { today, items } = due.data
  const overdue = items.filter((followUp) => followUp.dueDate < today)
  const dueToday = items.filter((followUp) => followUp.dueDate >= today)

  return (
    <View className="screen due">
      {items.length === 0 && <EmptyState icon={<Clock size={28} />} title={t('followUps.noneDue')} description={t('followUps.noneDueHint')} />}
      {overdue.length > 0 && <Text className="due__heading due__heading--overdue">{t('followUps.overdue', { count: overdue.length })}</Text>}
      {overdue.map((followUp) => (
        <DueItem key={followUp.id} followUp={followUp} overdue />
      ))}
      {dueToday.length > 0 && <Text className="due__heading">{t('followUps.dueToday', { count: dueToday.length })}</Text>}
      {dueToday.map((followUp) => (
        <DueItem key={followUp.id} followUp={followUp} overdue={false} />
      ))}
    </View>
  )
}
