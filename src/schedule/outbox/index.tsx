import { View, Text } from '@tarojs/components'
import { getBookingPolicy, reminderOutbox } from '../../../types/booking-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { isMessageKey, useI18n, type MessageKey } from '../../i18n'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import '../schedule.scss'
import { dayTimeLabel } from '../../lib/date-labels'

/** The messages sent to customers (day-before reminders, order notices); where WeChat is simulated, this is where they go. */
export default function ReminderOutboxPage() {
  const { t } = useI18n()
  usePageTitle('outbox.title')
  const { session, allowed } = useStaffPage(reminderOutbox.access)
  const policy = useQuery(() => call(getBookingPolicy, {}), [], allowed)
  const outbox = useQuery(() => call(reminderOutbox, { limit: 50 }), [], allowed)
  usePullDownRefresh(outbox)
  if (!session) return null
  if (!allowed) return <Forbidden />
  const timeZone = policy.data?.timeZone ?? 'Asia/Shanghai'
  const failure = outbox.error ?? policy.error
  return (
    <View className="screen">
      {failure !== undefined && <ErrorState error={failure} onRetry={() => void (outbox.reload(), policy.reload())} />}
      {failure === undefined && !outbox.data && <LoadingState />}
      {outbox.data && (
        <Card title={t('outbox.title')}>
          {outbox.data.simulated && <Text className="schedule-note">{t('outbox.simulated')}</Text>}
          {outbox.data.items.length === 0 && <EmptyState title={t('outbox.empty')} />}
          {outbox.data.items.map((message) => {
            const sent = dayTimeLabel(t, message.sentAt, timeZone)
            const shoot = message.data.startsAt ? dayTimeLabel(t, message.data.startsAt, timeZone) : ''
            return (
              <View key={message.id} className="schedule-note">
                <Text>
                  {message.template === 'shoot-reminder'
                    ? t('outbox.item', {
                        customer: message.data.customer ?? '',
                        package: message.data.package ?? '',
                        shoot,
                        sent,
                      })
                    : t('outbox.notice', {
                        customer: message.data.customer ?? '',
                        package: message.data.package ?? '',
                        notice: isMessageKey(`notices.kind.${message.template}`) ? t(`notices.kind.${message.template}` as MessageKey) : message.template,
                        sent,
                      })}
                </Text>
              </View>
            )
          })}
        </Card>
      )}
    </View>
  )
}
