import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n'
import { errorMessage } from '../i18n/errors'
import { Button, Loading } from './ui'
import './StatusView.scss'

interface Props {
  icon?: ReactNode
  title: string
  description?: string
  action?: { label: string; onClick: () => void }
}

/** The one look for "nothing here yet", "something went wrong" and "coming soon". */
export function EmptyState({ icon, title, description, action }: Props) {
  return (
    <View className="status-view">
      {icon && <View className="status-view__icon">{icon}</View>}
      <Text className="status-view__title">{title}</Text>
      {description && <Text className="status-view__description">{description}</Text>}
      {action && (
        <Button className="status-view__action" type="primary" fill="outline" size="small" onClick={action.onClick}>
          {action.label}
        </Button>
      )}
    </View>
  )
}

export function LoadingState() {
  const { t } = useI18n()
  return (
    <View className="status-view status-view--loading">
      <Loading direction="vertical">{t('common.loading')}</Loading>
    </View>
  )
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n()
  return (
    <EmptyState
      icon={<Text className="status-view__glyph">!</Text>}
      title={t('common.loadFailed')}
      description={errorMessage(t, error)}
      action={onRetry && { label: t('common.retry'), onClick: onRetry }}
    />
  )
}
