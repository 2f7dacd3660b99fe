import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { OrderSummaryView } from '../../types/orders'
import { useI18n } from '../i18n'
import { formatFen } from '../lib/money'
import { routes } from '../lib/routes'
import { OrderStageBadge } from '../components/OrderStageBadge'
import './desk.scss'

interface Props {
  order: OrderSummaryView
  /** Shown where a list mixes stages. */
  showStage?: boolean
  /** How many days past the expected date, where the list knows it. */
  daysLate?: number
  /** Buttons for this row; tapping them does not open the order. */
  children?: ReactNode
}

/** One order in a staff list: who, which package, what is still owed, when the stage should be done. Tapping opens it. */
export function OrderRow({ order, showStage, daysLate, children }: Props) {
  const { t } = useI18n()
  const open = () => Taro.navigateTo({ url: `${routes.deskOrder}?id=${order.id}` })
  return (
    <View className={`order-row${order.overdue ? ' order-row--overdue' : ''}`} onClick={open}>
      <View className="order-row__line">
        <Text className="order-row__name">{order.customerName}</Text>
        <View className="order-row__marks">
          {order.overdue && (
            <Text className="order-row__overdue">{daysLate !== undefined ? t('orderRow.daysLate', { days: daysLate }) : t('orderRow.overdue')}</Text>
          )}
          {showStage && <OrderStageBadge stage={order.stage} />}
        </View>
      </View>
      <Text className="order-row__package">{order.packageName}</Text>
      <View className="order-row__facts">
        {/* A cancelled order owes nothing; what goes back to the customer is on the order itself. The crew sees no money. */}
        {order.stage !== 'cancelled' && order.balanceFen !== undefined && (
          <Text className={order.balanceFen > 0 ? 'order-row__balance' : 'order-row__settled'}>
            {order.balanceFen > 0 ? t('orderRow.balance', { amount: formatFen(order.balanceFen) }) : t('orderRow.settled')}
          </Text>
        )}
        {order.expectedBy && <Text className="order-row__expected">{t('orderRow.expected', { date: order.expectedBy })}</Text>}
      </View>
      {order.assignee && <Text className="order-row__assignee">{t('orderRow.takenBy', { name: order.assignee.name })}</Text>}
      {children && (
        <View className="order-row__actions" onClick={(event) => event.stopPropagation()}>
          {children}
        </View>
      )}
    </View>
  )
}
