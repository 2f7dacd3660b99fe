import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState, type ReactNode } from 'react'
import { searchCustomers } from '../../types/crm-operations'
import type { Customer } from '../../types/customers'
import { call } from '../api'
import { EmptyState, ErrorState, LoadingState } from './StatusView'
import { Input } from './ui'
import { useQuery } from '../hooks/useQuery'
import { useI18n } from '../i18n'
import { routes } from '../lib/routes'
import './CustomerSearch.scss'

/** Typing pauses this long before the search runs, so each keystroke is not a request. */
const TYPING_PAUSE_MS = 300

interface Props {
  /** What is typed; the page keeps it, so changing the chosen customer brings the last search back. */
  text: string
  onTextChange: (text: string) => void
  /** At most this many matches are listed. */
  limit: number
  onPick: (customer: Customer) => void
  /** Sits inside a card (the new-order form) rather than on its own on the page. */
  inCard?: boolean
  /** Shown under the hint while nothing is searched. */
  children?: ReactNode
}

/** Staff find a customer by name or phone and pick one; a customer not found can be added. */
export function CustomerSearch({ text, onTextChange, limit, onPick, inCard = false, children }: Props) {
  const { t } = useI18n()
  const [q, setQ] = useState(() => text.trim())
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [text])
  const found = useQuery(() => call(searchCustomers, { q, limit }), [q, limit], q !== '')

  return (
    <View className={`customer-search${inCard ? ' customer-search--in-card' : ''}`}>
      <View className="customer-search__input">
        <Input value={text} onChange={onTextChange} placeholder={t('customers.searchPlaceholder')} maxLength={40} clearable confirmType="search" />
      </View>
      {q === '' && <Text className="customer-search__note">{t('pick.searchHint')}</Text>}
      {q !== '' && found.loading && (inCard ? <Text className="customer-search__note">{t('common.loading')}</Text> : <LoadingState />)}
      {q !== '' && found.error !== undefined && <ErrorState error={found.error} onRetry={found.reload} />}
      {q !== '' && !found.loading && found.data?.items.length === 0 && (
        <EmptyState
          title={t('customers.noMatch')}
          description={t('customers.noMatchHint')}
          action={{ label: t('customers.add'), onClick: () => Taro.navigateTo({ url: routes.customerForm }) }}
        />
      )}
      {q !== '' &&
        !found.loading &&
        found.data?.items.map((candidate) => (
          <View key={candidate.id} className="customer-search__row" onClick={() => onPick(candidate)}>
            <Text className="customer-search__row-name">{candidate.name}</Text>
            <Text className="customer-search__row-meta">{candidate.phone ?? t('customer.noPhone')}</Text>
          </View>
        ))}
      {q === '' && children}
    </View>
  )
}
