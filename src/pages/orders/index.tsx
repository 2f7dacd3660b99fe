import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Order } from '@nutui/icons-react-taro'
import { myOrders } from '../../../types/order-operations'
import { call } from '../../api'
import { OrderStageBadge } from '../../components/OrderStageBadge'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Cell } from '../../components/ui'
import { useCustomerTabBar } from '../../hooks/useCustomerTabBar'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useRequiredSession } from '../../hooks/useRequiredSession'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useStudioTimeZone } from '../../hooks/useStudioTimeZone'
import { useI18n } from '../../i18n'
import { formatFen } from '../../lib/money'
import { expectedText, nextStepText } from '../../lib/order-labels'
import { routes } from '../../lib/routes'
import { studioToday } from '../../lib/studio-time'
import './index.scss'

function Amount({ label, fen, strong }: { label: string; fen: number; strong?: boolean }) {
  return (
    <View className="orders__amount">
      <Text className="orders__amount-label">{label}</Text>
      <Text className={`orders__amount-value${strong ? ' orders__amount-value--strong' : ''}`}>{formatFen(fen)}</Text>
    </View>
  )
}

/** The customer's orders, newest first: where each one stands, what comes next and what is left to pay. */
export default function OrdersPage() {
  const { t } = useI18n()
  usePageTitle('orders.title')
  useCustomerTabBar()
  const session = useRequiredSession('customer')
  const signedIn = session !== null
  const list = useQuery(() => call(myOrders, {}), [], signedIn)
  const timeZone = useStudioTimeZone()

  // A tab page stays mounted: coming back to it (after paying, say) shows the orders as they are now.
  usePullDownRefresh(list)
  useShownAgain(() => {
    if (signedIn) void list.reload()
  })

  if (!session) return null
  const appointments = (
    <Cell
      className="orders__appointments"
      title={t('appointments.title')}
      description={t('orders.appointmentsHint')}
      clickable
      onClick={() => Taro.navigateTo({ url: routes.myAppointments })}
    />
  )
  if (list.error !== undefined && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />
  if (!list.data) return <LoadingState />
  const today = studioToday(timeZone)
  const items = list.data.items

  return (
    <View className="screen orders">
      {appointments}
      {items.map((item) => {
        const expected = expectedText(t, item, today, timeZone)
        return (
          <View key={item.id} className="orders__item" onClick={() => Taro.navigateTo({ url: `${routes.orderDetail}?id=${item.id}` })}>
            <View className="orders__line">
              <Text className="orders__name">{item.packageName}</Text>
              <OrderStageBadge stage={item.stage} />
            </View>
            <View className="orders__next">
              <Text className="orders__next-text">{nextStepText(t, item.stage)}</Text>
              {expected && <Text className="orders__expected">{expected}</Text>}
            </View>
            <View className="orders__amounts">
              <Amount label={t('order.total')} fen={item.totalFen} />
              <Amount label={t('order.paid')} fen={item.paidFen} />
              <Amount label={t('order.balance')} fen={item.balanceFen} strong={item.balanceFen > 0 && item.stage !== 'cancelled'} />
            </View>
          </View>
        )
      })}
      {items.length === 0 && (
        <EmptyState
          icon={<Order size={28} />}
          title={t('orders.emptyTitle')}
          description={t('orders.emptyDescription')}
          action={{ label: t('orders.browsePackages'), onClick: () => Taro.switchTab({ url: routes.home }) }}
        />
      )}
    </View>
  )
}
