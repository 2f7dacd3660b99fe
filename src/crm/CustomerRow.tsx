import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Customer } from '../../types/customers'
import { useI18n } from '../i18n'
import { routes } from '../lib/routes'
import { Initial } from '../components/Initial'
import './CustomerRow.scss'

export function CustomerRow({ customer }: { customer: Customer }) {
  const { t } = useI18n()
  return (
    <View className="customer-row" onClick={() => Taro.navigateTo({ url: `${routes.customer}?id=${customer.id}` })}>
      <Initial className="customer-row__avatar" name={customer.name} />
      <View className="customer-row__body">
        <View className="customer-row__line">
          <Text className="customer-row__name">{customer.name}</Text>
          {customer.source && <Text className="customer-row__source">{t(`source.${customer.source}`)}</Text>}
        </View>
        <Text className="customer-row__phone">{customer.phone ?? t('customer.noPhone')}</Text>
        {customer.tags.length > 0 && (
          <View className="customer-row__tags">
            {customer.tags.map((tag) => (
              <Text key={tag} className="tag-chip">
                {tag}
              </Text>
            ))}
          </View>
        )}
      </View>
    </View>
  )
}
