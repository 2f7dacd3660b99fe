import { View, Text, Image } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { exportSelection, selectedPhotos } from '../../../types/order-operations'
import { call } from '../../api'
import { Forbidden } from '../../components/Forbidden'
import { OrderStageBadge } from '../../components/OrderStageBadge'
import { FormMessage } from '../../components/FormField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { usePageTitle } from '../../hooks/usePageTitle'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useQuery } from '../../hooks/useQuery'
import { useStaffPage } from '../../hooks/useStaffPage'
import { useSubmit } from '../../hooks/useSubmit'
import { useI18n } from '../../i18n'
import { saveCsv } from '../../lib/csv-file'
import './index.scss'

const inBrowser = process.env.TARO_ENV === 'h5'

/**
 * The customer's confirmed selection as the retoucher works from it: each photo with its number on
 * the proof sheet and its file name, the extras (加选) marked, and the list of file names to take to
 * the originals — downloaded as a CSV in a browser, copied inside WeChat. No amounts.
 */
export default function SelectedPhotosPage() {
  const { t } = useI18n()
  usePageTitle('selected.title')
  const orderId = useRouter().params.id ?? ''
  const { session, allowed } = useStaffPage(selectedPhotos.access)
  const list = useQuery(() => call(selectedPhotos, { orderId }), [orderId], allowed && orderId !== '')
  usePullDownRefresh(list)
  const download = useSubmit()

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (list.error !== undefined && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />
  if (!list.data) return <LoadingState />
  const { items, included, customerName, packageName, stage } = list.data
  const extra = items.filter((item) => item.extra).length

  const zoom = (previewUrl: string) => void Taro.previewImage({ current: previewUrl, urls: items.map((item) => item.previewUrl) })
  const handOver = async () => {
    if (inBrowser) {
      const file = await call(exportSelection, { orderId })
      return saveCsv(file.filename, file.csv)
    }
    // A phone has nowhere to keep a CSV the retoucher's computer can reach: the names go to the clipboard, to paste into a chat.
    await Taro.setClipboardData({ data: items.map((item) => `${item.number}\t${item.name}${item.extra ? `\t${t('selected.extra')}` : ''}`).join('\n') })
    Taro.showToast({ title: t('selected.copied'), icon: 'success' })
  }

  return (
    <View className="screen selected">
      <View className="selected__hero">
        <View className="selected__line">
          <Text className="selected__customer">{customerName}</Text>
          <OrderStageBadge stage={stage} />
        </View>
        <Text className="selected__package">{packageName}</Text>
        <Text className="selected__summary">{t('selected.summary', { count: items.length, included: Math.min(included, items.length), extra })}</Text>
        <Text className="selected__hint">{t('selected.hint')}</Text>
        <Button type="primary" fill="outline" block loading={download.saving} onClick={() => void download.submit(handOver)}>
          {inBrowser ? t('selected.download') : t('selected.copy')}
        </Button>
        <FormMessage message={download.message} />
      </View>

      <View className="selected__grid">
        {items.map((item) => (
          <View key={item.photoId} className={`selected__cell${item.extra ? ' selected__cell--extra' : ''}`} onClick={() => zoom(item.previewUrl)}>
            <View className="selected__photo">
              <Image className="selected__image" src={item.thumbUrl} mode="aspectFill" lazyLoad />
              <Text className="selected__number">{item.number}</Text>
              {item.extra && <Text className="selected__extra">{t('selected.extra')}</Text>}
            </View>
            <Text className="selected__name">{item.name}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
