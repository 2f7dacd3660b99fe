import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Gift } from '@nutui/icons-react-taro'
import { Card } from '../../components/Card'
import { EmptyState } from '../../components/StatusView'
import { useCustomerTabBar } from '../../hooks/useCustomerTabBar'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useRequiredSession } from '../../hooks/useRequiredSession'
import { useI18n } from '../../i18n'
import { routes } from '../../routes'
import './index.scss'

export default function HomePage() {
  const { t } = useI18n()
  usePageTitle('home.title')
  useCustomerTabBar()
  const session = useRequiredSession('customer')
  if (!session) return null
  const { principal } = session

  return (
    <View className="screen home">
      <View className="home__hero">
        <Text className="home__studio">{principal.studioName}</Text>
        <Text className="home__greeting">{t('home.greeting', { name: principal.displayName })}</Text>
        <Text className="home__tagline">{t('home.tagline')}</Text>
      </View>

      <Card title={t('home.packagesTitle')}>
        <EmptyState
          icon={<Gift size={28} />}
          title={t('home.packagesEmptyTitle')}
          description={t('home.packagesEmptyDescription')}
        />
      </Card>

      <View className="home__shortcuts">
        <View className="home__shortcut" onClick={() => Taro.switchTab({ url: routes.orders })}>
          <Text className="home__shortcut-title">{t('tab.orders')}</Text>
          <Text className="home__shortcut-hint">{t('home.ordersShortcut')}</Text>
        </View>
        <View className="home__shortcut" onClick={() => Taro.switchTab({ url: routes.me })}>
          <Text className="home__shortcut-title">{t('me.profileTitle')}</Text>
          <Text className="home__shortcut-hint">{t('home.profileShortcut')}</Text>
        </View>
      </View>
    </View>
  )
}
