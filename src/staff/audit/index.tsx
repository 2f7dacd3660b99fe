import { Picker, View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { AuditAction, AuditEntry } from '../../../types/entities'
import { auditActions } from '../../../types/entities'
import { listAudit } from '../../../types/operations'
import { call } from '../../api'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { useDates } from '../../hooks/useDates'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { errorMessage } from '../../i18n/errors'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { formatFen } from '../../lib/money'
import { routes } from '../../lib/routes'
import './index.scss'

const PAGE_SIZE = 30

export default function AuditLogPage() {
  const dates = useDates()
  const { t } = useI18n()
  usePageTitle('audit.title')
  const { session, allowed } = useStaffPage(listAudit.access)
  const [action, setAction] = useState<AuditAction>()
  const [more, setMore] = useState<{ items: AuditEntry[]; nextCursor?: string }>()
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<unknown>()
  const firstPage = useQuery(
    async () => {
      setMore(undefined)
      setMoreError(undefined)
      return call(listAudit, { limit: PAGE_SIZE, action })
    },
    [action],
    allowed,
  )

  usePullDownRefresh(firstPage)
  if (!session) return null
  if (!allowed) return <Forbidden />

  const entries = [...(firstPage.data?.items ?? []), ...(more?.items ?? [])]
  const nextCursor = more ? more.nextCursor : firstPage.data?.nextCursor
  const filterLabels = [t('audit.allActions'), ...auditActions.map((candidate) => t(`audit.action.${candidate}`))]

  const loadMore = async () => {
    if (!nextCursor) return
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const page = await call(listAudit, { limit: PAGE_SIZE, action, cursor: nextCursor })
      setMore((current) => ({ items: [...(current?.items ?? []), ...page.items], nextCursor: page.nextCursor }))
    } catch (failure) {
      setMoreError(failure)
    } finally {
      setLoadingMore(false)
    }
  }

  return (
    <View className="screen audit">
      <Picker
        mode="selector"
        range={filterLabels}
        value={action ? auditActions.indexOf(action) + 1 : 0}
        onChange={(event) => {
          const index = Number(event.detail.value)
          setAction(index === 0 ? undefined : auditActions[index - 1])
        }}
      >
        <View className="audit__filter">
          <Text className="audit__filter-label">{t('audit.filter')}</Text>
          <Text className="audit__filter-value">{action ? t(`audit.action.${action}`) : t('audit.allActions')}</Text>
        </View>
      </Picker>

      {firstPage.loading && <LoadingState />}
      {firstPage.error !== undefined && <ErrorState error={firstPage.error} onRetry={firstPage.reload} />}
      {!firstPage.loading && firstPage.data && entries.length === 0 && <EmptyState title={t('audit.empty')} />}
      {!firstPage.loading &&
        entries.map((entry) => {
          const about = entry.about
          const open = about?.orderId
            ? () => Taro.navigateTo({ url: `${routes.deskOrder}?id=${about.orderId}` })
            : about?.customerId
              ? () => Taro.navigateTo({ url: `${routes.customer}?id=${about.customerId}` })
              : undefined
          const subject = [
            about?.customerName,
            about?.packageName,
            about?.orderNumber ? t('audit.orderNumber', { number: about.orderNumber }) : undefined,
          ].filter(Boolean)
          return (
            <View key={entry.id} className={`audit__entry${open ? ' audit__entry--link' : ''}`} onClick={open}>
              <View className="audit__line">
                <Text className="audit__action">{t(`audit.action.${entry.action}`)}</Text>
                <Text className="audit__time">{dates.dayTime(entry.at)}</Text>
              </View>
              {(subject.length > 0 || about?.amountFen !== undefined) && (
                <View className="audit__line">
                  <Text className="audit__subject">{subject.join(' · ')}</Text>
                  {about?.amountFen !== undefined && <Text className="audit__amount">{formatFen(about.amountFen)}</Text>}
                </View>
              )}
              <View className="audit__line">
                <Text className="audit__actor">{t('audit.by', { name: entry.actorName ?? t('audit.unknownActor') })}</Text>
                {open && <Text className="audit__open">{about?.orderId ? t('audit.openOrder') : t('audit.openCustomer')}</Text>}
              </View>
            </View>
          )
        })}
      {moreError !== undefined && <Text className="audit__error">{errorMessage(t, moreError)}</Text>}
      {!firstPage.loading && nextCursor && (
        <View className="actions">
          <Button block fill="outline" loading={loadingMore} onClick={loadMore}>
            {t('common.loadMore')}
          </Button>
        </View>
      )}
    </View>
  )
}
