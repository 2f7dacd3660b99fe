import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { Appointment } from '../../../types/booking'
import { customerHistory } from '../../../types/crm-operations'
import { createOrder } from '../../../types/order-operations'
import type { OrderStage, Payment } from '../../../types/orders'
import { canUse } from '../../lib/access'
import { call } from '../../api'
import { AppointmentStatus } from '../../components/AppointmentStatus'
import { Card } from '../../components/Card'
import { OrderStageBadge } from '../../components/OrderStageBadge'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { useDates } from '../../hooks/useDates'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useI18n } from '../../i18n'
import { formatFen } from '../../lib/money'
import { formatSignedFen, paymentKindLabel, paymentMethodLabel } from '../../lib/order-labels'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { Initial } from '../../components/Initial'
import { useStaffPage } from '../../hooks/useStaffPage'
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

/** One part of the customer's history: orders, appointments or payments. */
function HistoryCard<T extends { id: string }>({ title, extra, items, empty, render }: { title: string; extra?: ReactNode; items: T[]; empty: string; render: (item: T) => ReactNode }) {
  return (
    <Card title={title} extra={extra}>
      {items.length === 0 ? <Text className="customer__none">{empty}</Text> : items.map(render)}
    </Card>
  )
}

/** A row of the history: what it is and its mark (stage, status or amount), then the details; with an order behind it, tapping opens the order. */
function HistoryRow({ title, mark, meta = [], note, orderId }: { title: string; mark: ReactNode; meta?: string[]; note?: ReactNode; orderId?: string }) {
  const open = orderId ? () => Taro.navigateTo({ url: `${routes.deskOrder}?id=${orderId}` }) : undefined
  return (
    <View className={`customer__row${open ? ' customer__row--link' : ''}`} onClick={open}>
      <View className="customer__row-main">
        <View className="customer__row-line">
          <Text className="customer__row-title">{title}</Text>
          {mark}
        </View>
        {(meta.length > 0 || note) && (
          <View className="customer__row-line">
            <Text className="customer__row-meta">{meta.join(' · ')}</Text>
            {note}
          </View>
        )}
      </View>
      {open && <Text className="customer__chevron">›</Text>}
    </View>
  )
}

export default function CustomerPage() {
  const dates = useDates()
  const { t } = useI18n()
  usePageTitle('customer.title')
  const customerId = useRouter().params.id ?? ''
  const { session, allowed } = useStaffPage(customerHistory.access)
  const history = useQuery(() => call(customerHistory, { customerId }), [customerId], allowed)

  usePullDownRefresh(history)
  // Back from the edit form, the file shows the saved changes.
  useShownAgain(() => {
    if (allowed) void history.reload()
  })

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (history.error !== undefined && !history.data) return <ErrorState error={history.error} onRetry={history.reload} />
  if (!history.data) return <LoadingState />
  const { customer, followUps, orders, appointments, payments } = history.data
  const mayCreateOrder = canUse(session.principal, createOrder.access)

  return (
    <View className="screen customer">
      <View className="customer__hero">
        <Initial className="customer__avatar" name={customer.name} />
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

      <HistoryCard
        title={t('customer.orders')}
        extra={
          mayCreateOrder && (
            <Button
              size="small"
              fill="outline"
              type="primary"
              onClick={() => Taro.navigateTo({ url: `${routes.deskNewOrder}?customerId=${customer.id}&customerName=${encodeURIComponent(customer.name)}` })}
            >
              {t('orderDesk.new')}
            </Button>
          )
        }
        items={orders}
        empty={t('customer.noOrders')}
        render={(order) => {
          const stage = order.stage as OrderStage
          // A cancelled order owes nothing more; what goes back to the customer is on the order.
          const owing = stage === 'cancelled' ? [] : [order.balanceFen > 0 ? t('orderRow.balance', { amount: formatFen(order.balanceFen) }) : t('orderRow.settled')]
          return (
            <HistoryRow
              key={order.id}
              orderId={order.id}
              title={order.summary}
              mark={<OrderStageBadge stage={stage} />}
              meta={[t('customer.orderTotal', { amount: formatFen(order.totalFen) }), ...owing, t('customer.orderOpened', { date: dates.dayOf(order.createdAt) })]}
            />
          )
        }}
      />
      <HistoryCard
        title={t('customer.appointments')}
        items={appointments}
        empty={t('customer.noAppointments')}
        render={(appointment) => (
          <HistoryRow
            key={appointment.id}
            title={dates.dayTime(appointment.startsAt)}
            mark={<AppointmentStatus status={appointment.status as Appointment['status']} />}
          />
        )}
      />
      <HistoryCard
        title={t('customer.payments')}
        items={payments}
        empty={t('customer.noPayments')}
        render={(payment) => (
          <HistoryRow
            key={payment.id}
            orderId={payment.orderId}
            title={`${paymentKindLabel(t, payment.kind as Payment['kind'])} · ${paymentMethodLabel(t, payment.method as Payment['method'])}`}
            mark={
              <Text className={`customer__amount${payment.amountFen < 0 ? ' customer__amount--refund' : ''}`}>{formatSignedFen(payment.amountFen)}</Text>
            }
            meta={[dates.dayTime(payment.at)]}
            note={!payment.audited && <Text className="customer__unaudited">{t('payment.unaudited')}</Text>}
          />
        )}
      />
    </View>
  )
}
