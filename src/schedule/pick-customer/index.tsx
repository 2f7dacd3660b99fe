import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { book } from '../../../types/booking-operations'
import { listPackages } from '../../../types/catalog-operations'
import type { Customer } from '../../../types/customers'
import { staffAccess } from '../../lib/access'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { CustomerSearch } from '../../components/CustomerSearch'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { formatFen } from '../../lib/money'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import './index.scss'

/** Reception books for a customer: first who, then which package; the time is chosen on the booking page. */
export default function PickCustomerPage() {
  const { t } = useI18n()
  usePageTitle('desk.bookForCustomer')
  const branchId = useRouter().params.branchId ?? ''
  const { session, allowed } = useStaffPage(staffAccess(book.access))
  const [search, setSearch] = useState('')
  const [customer, setCustomer] = useState<Customer>()
  const packages = useQuery(() => call(listPackages, { branchId }), [branchId], allowed && customer !== undefined)

  if (!session) return null
  if (!allowed) return <Forbidden />

  if (customer) {
    return (
      <View className="screen pick">
        <View className="pick__chosen">
          <Text className="pick__chosen-name">{customer.name}</Text>
          <Text className="pick__change" onClick={() => setCustomer(undefined)}>
            {t('pick.changeCustomer')}
          </Text>
        </View>
        <Card title={t('pick.choosePackage')}>
          {packages.loading && <LoadingState />}
          {packages.error !== undefined && <ErrorState error={packages.error} onRetry={packages.reload} />}
          {packages.data?.items.length === 0 && <EmptyState title={t('home.packagesEmptyTitle')} />}
          {packages.data?.items.map((item) => (
            <View
              key={item.id}
              className="pick__row"
              onClick={() =>
                Taro.navigateTo({
                  url: `${routes.book}?desk=1&packageId=${item.id}&branchId=${branchId}&customerId=${customer.id}&customerName=${encodeURIComponent(customer.name)}`,
                })
              }
            >
              <Text className="pick__row-name">{item.name}</Text>
              <Text className="pick__row-meta">{`${formatFen(item.priceFen)} · ${t('package.minutes', { minutes: item.shootMinutes })}`}</Text>
            </View>
          ))}
        </Card>
      </View>
    )
  }

  return (
    <View className="screen pick">
      <CustomerSearch text={search} onTextChange={setSearch} limit={20} onPick={setCustomer}>
        <View className="actions">
          <Button block fill="outline" onClick={() => Taro.navigateTo({ url: routes.customerForm })}>
            {t('customers.add')}
          </Button>
        </View>
      </CustomerSearch>
    </View>
  )
}
