import { Picker, View, Text } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { SourceChannel } from '../../../types/customers'
import { dueFollowUps, searchCustomers } from '../../../types/crm-operations'
import { canUse } from '../../lib/access'
import { call } from '../../api'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Input } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { usePagedQuery } from '../../hooks/usePagedQuery'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useI18n } from '../../i18n'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { CustomerRow } from '../CustomerRow'
import { sourceOptions } from '../sources'
import './index.scss'

const PAGE_SIZE = 20
/** Typing pauses this long before the search runs, so each keystroke is not a request. */
const TYPING_PAUSE_MS = 300

/** Waits for typing to pause before passing the text on. */
function useSettled(text: string): string {
  const [settled, setSettled] = useState(text)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [text])
  return settled
}

export default function CustomersPage() {
  const { t } = useI18n()
  usePageTitle('customers.title')
  const { session, allowed } = useStaffPage(searchCustomers.access)
  const [text, setText] = useState('')
  const [tagText, setTagText] = useState('')
  const [source, setSource] = useState<SourceChannel>()
  const q = useSettled(text.trim())
  const tag = useSettled(tagText.trim())
  const results = usePagedQuery(
    (cursor) => call(searchCustomers, { q: q || undefined, tag: tag || undefined, source, limit: PAGE_SIZE, cursor }),
    [q, tag, source],
    allowed,
  )
  const mayFollowUp = canUse(session?.principal, dueFollowUps.access)

  usePullDownRefresh(results)
  // Back from a customer's page or the new-customer form, the list shows what changed there.
  useShownAgain(() => {
    if (allowed) void results.reload()
  })
  useReachBottom(results.loadMore)

  if (!session) return null
  if (!allowed) return <Forbidden />

  const sources = sourceOptions(t)
  const filtered = Boolean(q || tag || source)

  return (
    <View className="screen customers">
      <View className="customers__search">
        <Input value={text} onChange={setText} placeholder={t('customers.searchPlaceholder')} maxLength={40} clearable confirmType="search" />
      </View>
      <View className="customers__filters">
        <Picker
          mode="selector"
          range={[t('customers.allSources'), ...sources.map((option) => option.label)]}
          value={source ? sources.findIndex((option) => option.value === source) + 1 : 0}
          onChange={(event) => setSource(sources[Number(event.detail.value) - 1]?.value)}
        >
          <View className={`customers__filter${source ? ' customers__filter--active' : ''}`}>
            <Text>{source ? t(`source.${source}`) : t('customers.allSources')}</Text>
          </View>
        </Picker>
        <View className="customers__tag">
          <Input value={tagText} onChange={setTagText} placeholder={t('customers.tagPlaceholder')} maxLength={16} clearable />
        </View>
      </View>
      <View className="customers__toolbar">
        <Button type="primary" size="small" onClick={() => Taro.navigateTo({ url: routes.customerForm })}>
          {t('customers.add')}
        </Button>
        {mayFollowUp && (
          <Button size="small" fill="outline" type="primary" onClick={() => Taro.navigateTo({ url: routes.dueFollowUps })}>
            {t('followUps.dueTitle')}
          </Button>
        )}
      </View>

      {results.items?.map((customer) => <CustomerRow key={customer.id} customer={customer} />)}
      {results.loading && <LoadingState />}
      {results.error !== undefined && <ErrorState error={results.error} onRetry={results.items ? results.loadMore : results.reload} />}
      {!results.loading && results.items?.length === 0 && (
        <EmptyState
          title={filtered ? t('customers.noMatch') : t('customers.empty')}
          description={filtered ? t('customers.noMatchHint') : undefined}
        />
      )}
      {!results.loading && results.error === undefined && results.hasMore && (
        <Button block fill="none" onClick={results.loadMore}>
          {t('common.loadMore')}
        </Button>
      )}
      {!results.loading && !results.hasMore && (results.items?.length ?? 0) > 0 && <Text className="customers__end">{t('customers.end')}</Text>}
    </View>
  )
}
