import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Location, Phone } from '@nutui/icons-react-taro'
import type { Branch } from '../../types/entities'
import { useI18n } from '../i18n'
import { callPhone } from '../lib/phone'
import './BranchContact.scss'

const inBrowser = process.env.TARO_ENV === 'h5'

/**
 * Shows the branch on a map: WeChat's map at its pin, or Amap's page in a browser (searching the address
 * when the manager set no pin). Without a pin, WeChat copies the address for the customer's map app.
 */
function showOnMap(branch: Branch) {
  const { location } = branch
  if (!inBrowser && location) {
    void Taro.openLocation({ latitude: location.latitude, longitude: location.longitude, name: branch.name, address: branch.address, scale: 16 })
    return
  }
  const url = location
    ? `https://uri.amap.com/marker?position=${location.longitude},${location.latitude}&name=${encodeURIComponent(branch.name)}&coordinate=gaode&callnative=1`
    : `https://uri.amap.com/search?keyword=${encodeURIComponent(branch.address)}`
  if (inBrowser) window.open(url, '_blank')
  else void Taro.setClipboardData({ data: branch.address })
}

/** A branch with its address and phone, and buttons to call it or find it on the map. */
export function BranchContact({ branch, note }: { branch: Branch; note?: string }) {
  const { t } = useI18n()
  return (
    <View className="branch-contact">
      <Text className="branch-contact__name">{branch.name}</Text>
      {note && <Text className="branch-contact__note">{note}</Text>}
      {branch.address && <Text className="branch-contact__line">{branch.address}</Text>}
      {branch.phone && <Text className="branch-contact__line">{branch.phone}</Text>}
      <View className="branch-contact__actions">
        {branch.phone && (
          <View className="branch-contact__action" onClick={() => callPhone(branch.phone)}>
            <Phone size={16} />
            <Text>{t('branch.call')}</Text>
          </View>
        )}
        {branch.address && (
          <View className="branch-contact__action" onClick={() => showOnMap(branch)}>
            <Location size={16} />
            <Text>{branch.location ? t('branch.map') : inBrowser ? t('branch.findAddress') : t('branch.copyAddress')}</Text>
          </View>
        )}
      </View>
    </View>
  )
}
