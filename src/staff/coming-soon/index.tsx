import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Tips } from '@nutui/icons-react-taro'
import { ANY_STAFF } from '../../../types/roles'
import { EmptyState } from '../../components/StatusView'
import { usePageTitle } from '../../hooks/usePageTitle'
import { isMessageKey, useI18n, type MessageKey } from '../../i18n'
import { goBack } from '../../lib/goBack'
import { useStaffPage } from '../../hooks/useStaffPage'

/** Where a workspace tile leads until its own pages exist. */
export default function ComingSoonPage() {
  const { t } = useI18n()
  const feature = useRouter().params.feature ?? ''
  const featureKey = `tile.${feature}`
  const title: MessageKey = isMessageKey(featureKey) ? featureKey : 'comingSoon.title'
  usePageTitle(title)
  const { session } = useStaffPage(ANY_STAFF)
  if (!session) return null

  return (
    <View className="screen">
      <EmptyState
        icon={<Tips size={28} />}
        title={t('comingSoon.title')}
        description={t('comingSoon.description', { feature: t(title) })}
        action={{ label: t('common.back'), onClick: goBack }}
      />
    </View>
  )
}
