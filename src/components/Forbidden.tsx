import { ShieldCheck } from '@nutui/icons-react-taro'
import { goBack } from '../lib/goBack'
import { EmptyState } from './StatusView'
import { useI18n } from '../i18n'

export function Forbidden() {
  const { t } = useI18n()
  return (
    <EmptyState
      icon={<ShieldCheck size={28} />}
      title={t('error.FORBIDDEN')}
      description={t('staff.forbiddenDescription')}
      action={{ label: t('common.back'), onClick: goBack }}
    />
  )
}
