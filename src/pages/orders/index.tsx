import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Order } from '@nutui/icons-react-taro'
import { Card } from '../../components/Card'
import { EmptyState } from '../../components/StatusView'
import { Cell } from '../../components/ui'
import { useCustomerTabBar } from '../../hooks/useCustomerTabBar'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useRequiredSession } from '../../hooks/useRequiredSession'
import { useI18n } from '../../i18n'
import { routes } from '../../routes'

export default function OrdersPage() {
  const { t } = useI18n()
  usePageTitle('orders.title')
  useCustomerTabBar()
  const session = useRequiredSession('customer')
  if (!session) return null

  return (
    <View className="screen">
      <Card>
        <Cell title={t('appointments.title')} description={t('orders.appointmentsHint')} clickable onClick={() => Taro.navigateTo({ url: routes.myAppointments })} />
      </Card>
      <EmptyState
        icon={<Order size={28} />}
        title={t('orders.emptyTitle')}
        description={t('orders.emptyDescription')}
        action={{ label: t('orders.browsePackages'), onClick: () => Taro.switchTab({ url: routes.home }) }}
      />
    </View>
  )
}
