import { ScrollView, View, Text } from '@tarojs/components'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { createOrder, listOrders } from '../../../types/order-operations'
import { OrderStageSchema, orderStages, type OrderStage } from '../../../types/orders'
import { canUse, staffAccess } from '../../lib/access'
import { call } from '../../api'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { usePageTitle } from '../../hooks/usePageTitle'
import { usePagedQuery } from '../../hooks/usePagedQuery'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useI18n } from '../../i18n'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { OrderRow } from '../OrderRow'
import './index.scss'

const PAGE_SIZE = 20

/** Reception's order desk: the orders of one stage at a time, the most pressing first, and a way to open a new one. */
export default function OrderDeskPage() {
  const { t } = useI18n()
  usePageTitle('orderDesk.title')
  const params = useRouter().params
  const { session, allowed } = useStaffPage(staffAccess(listOrders.access))
  const [stage, setStage] = useState<OrderStage>(OrderStageSchema.safeParse(params.stage).data ?? 'pending_deposit')
  const orders = usePagedQuery((cursor) => call(listOrders, { stage, limit: PAGE_SIZE, cursor }), [stage], allowed)

  // Back from an order or a new one, the list shows where the orders are now.
  usePullDownRefresh(orders)
  useShownAgain(() => {
    if (allowed) void orders.reload()
  })
  useReachBottom(orders.loadMore)

  if (!session) return null
  if (!allowed) return <Forbidden />
  const mayCreate = canUse(session.principal, createOrder.access)

  return (
    <View className="screen order-desk">
      <ScrollView className="order-desk__stages" scrollX enhanced showScrollbar={false}>
        {orderStages.map((candidate) => (
          <Text
            key={candidate}
            className={`order-desk__stage${candidate === stage ? ' order-desk__stage--active' : ''}`}
            onClick={() => setStage(candidate)}
          >
            {t(`orderStage.${candidate}`)}
          </Text>
        ))}
      </ScrollView>

      {mayCreate && (
        <View className="desk-toolbar">
          <Text className="order-desk__hint">{stage === 'completed' || stage === 'cancelled' ? '' : t('orderDesk.stageHint', { stage: t(`orderStage.${stage}`) })}</Text>
          <Button type="primary" size="small" onClick={() => Taro.navigateTo({ url: routes.deskNewOrder })}>
            {t('orderDesk.new')}
          </Button>
        </View>
      )}

      {orders.items?.map((order) => <OrderRow key={order.id} order={order} />)}
      {orders.loading && <LoadingState />}
      {orders.error !== undefined && <ErrorState error={orders.error} onRetry={orders.items ? orders.loadMore : orders.reload} />}
      {!orders.loading && orders.error === undefined && orders.items?.length === 0 && (
        <EmptyState title={t('orderDesk.empty', { stage: t(`orderStage.${stage}`) })} />
      )}
      {!orders.loading && orders.error === undefined && orders.hasMore && (
        <Button block fill="none" onClick={orders.loadMore}>
          {t('common.loadMore')}
        </Button>
      )}
    </View>
  )
}
