import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useRef } from 'react'
import { customerHistory } from '../../../types/crm-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { formatStudioDateTime } from '../../format'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { formatFen } from '../../money'
import { routes } from '../../routes'
import { Forbidden } from '../../staff/Forbidden'
import { useStaffPage } from '../../staff/useStaffPage'
import { FollowUps } from './FollowUps'
import './index.scss'

function Detail({ label, value }: { label: string; value?: string }) {
  const { t } = useI18n()
  return (
    <View className="customer__detail">
      <Text className="customer__label">{label}</Text>
      <Text className={`customer__value${value ? '' : ' customer__value--empty'}`}>{value || t('customer.notFilled')}</Text>
    </View>
  )
}

/** One part of the customer's history; the later capabilities (orders, appointments, payments) fill them. */
function HistoryCard<T extends { id: string }>({ title, items, empty, render }: { title: string; items: T[]; empty: string; render: (item: T) => string }) {
  return (
    <Card title={title}>
      {items.length === 0 ? (
        <Text className="customer__none">{empty}</Text>
      ) : (
        items.map((item) => (
          <Text key={item.id} className="customer__history-item">
            {render(item)}
          </Text>
        ))
      )}
    </Card>
  )
}

export default function CustomerPage() {
  const { t } = useI18n()
  usePageTitle('customer.title')
  const customerId = useRouter().params.id ?? ''
  const { session, allowed } = useStaffPage(customerHistory.access)
  const history = useQuery(() => call(customerHistory, { customerId }), [customerId], allowed)

  // Back from the edit form, the file shows the saved changes.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && allowed) void history.reload()
    shown.current = true
  })

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (history.error !== undefined && !history.data) return <ErrorState error={history.error} onRetry={history.reload} />
  if (!history.data) return <LoadingState />
  const { customer, followUps, orders, appointments, payments } = history.data

  return (
    <View className="screen customer">
      <View className="customer__hero">
        <View className="customer__avatar">
          <Text>{customer.name.slice(0, 1)}</Text>
        </View>
        <View className="customer__identity">
          <Text className="customer__name">{customer.name}</Text>
          <Text className="customer__phone" onClick={() => customer.phone && Taro.makePhoneCall({ phoneNumber: customer.phone })}>
            {customer.phone ?? t('customer.noPhone')}
          </Text>
        </View>
        <Button size="small" fill="outline" onClick={() => Taro.navigateTo({ url: `${routes.customerForm}?id=${customer.id}` })}>
          {t('common.edit')}
        </Button>
      </View>

      <Card title={t('customer.profile')}>
        <Detail label={t('field.partnerName')} value={customer.partnerName} />
        <Detail label={t('field.weddingDate')} value={customer.weddingDate} />
        <Detail label={t('field.birthday')} value={customer.birthday} />
        <Detail label={t('field.source')} value={customer.source && t(`source.${customer.source}`)} />
        <Detail label={t('customer.wechat')} value={customer.hasWeChat ? t('customer.wechatLinked') : t('customer.wechatNotLinked')} />
        <View className="customer__detail">
          <Text className="customer__label">{t('field.tags')}</Text>
          {customer.tags.length > 0 ? (
            <View className="customer__tags">
              {customer.tags.map((tag) => (
                <Text key={tag} className="tag-chip">
                  {tag}
                </Text>
              ))}
            </View>
          ) : (
            <Text className="customer__value customer__value--empty">{t('customer.notFilled')}</Text>
          )}
        </View>
        {customer.notes && <Text className="customer__notes">{customer.notes}</Text>}
      </Card>

      <FollowUps customerId={customer.id} followUps={followUps} onChange={history.reload} />

      <HistoryCard title={t('customer.orders')} items={orders} empty={t('customer.noOrders')} render={(order) => `${order.summary} · ${order.stage}`} />
      <HistoryCard
        title={t('customer.appointments')}
        items={appointments}
        empty={t('customer.noAppointments')}
        render={(appointment) => `${formatStudioDateTime(appointment.startsAt)} · ${appointment.kind}`}
      />
      <HistoryCard
        title={t('customer.payments')}
        items={payments}
        empty={t('customer.noPayments')}
        render={(payment) => `${formatStudioDateTime(payment.at)} · ${formatFen(payment.amountFen)}`}
      />
    </View>
  )
}
