import { Image, View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { getPackage, listCategories } from '../../../types/catalog-operations'
import { call } from '../../api'
import { categoryName } from '../../lib/catalog'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Swiper } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useRequiredSession } from '../../hooks/useRequiredSession'
import { useI18n, type Translate } from '../../i18n'
import { imageUrl } from '../../lib/media'
import { formatFen } from '../../lib/money'
import { routes } from '../../lib/routes'
import { BRANCH_KEY } from '../index/branch'
import './index.scss'

function duration(t: Translate, minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return t('package.minutes', { minutes })
  return rest === 0 ? t('package.hours', { hours }) : t('package.hoursMinutes', { hours, minutes: rest })
}

export default function PackagePage() {
  const { t, locale } = useI18n()
  usePageTitle('package.title')
  const packageId = useRouter().params.id ?? ''
  const session = useRequiredSession('customer')
  const detail = useQuery(() => call(getPackage, { packageId }), [packageId], session !== null)
  const categories = useQuery(() => call(listCategories, {}), [], session !== null)
  usePullDownRefresh(detail, categories)

  if (!session) return null
  if (detail.error !== undefined) return <ErrorState error={detail.error} onRetry={detail.reload} />
  if (!detail.data) return <LoadingState />
  const item = detail.data
  const images = item.gallery.length > 0 ? item.gallery : [item.coverImage]

  // The branch the customer chose on the home page, when this package is sold there.
  const remembered: unknown = Taro.getStorageSync(BRANCH_KEY)
  const branchId = item.branchIds.find((id) => id === remembered) ?? item.branchIds[0]
  const book = () => Taro.navigateTo({ url: `${routes.book}?packageId=${item.id}&branchId=${branchId}` })

  return (
    <View className="package">
      <Swiper className="package__gallery" height={Taro.pxTransform(520)} indicator={images.length > 1} loop={images.length > 1} autoplay={images.length > 1}>
        {images.map((image) => (
          <Swiper.Item key={image}>
            <Image className="package__image" src={imageUrl(image)} mode="aspectFill" />
          </Swiper.Item>
        ))}
      </Swiper>

      <View className="package__content">
        <View className="package__head">
          <Text className="package__category">{categoryName(categories.data?.items, item.category, locale)}</Text>
          <Text className="package__name">{item.name}</Text>
          <View className="package__prices">
            <Text className="package__price">{formatFen(item.priceFen)}</Text>
            <Text className="package__deposit">{t('package.depositOf', { amount: formatFen(item.depositFen) })}</Text>
          </View>
        </View>

        <View className="package__facts">
          <View className="package__fact">
            <Text className="package__fact-value">{duration(t, item.shootMinutes)}</Text>
            <Text className="package__fact-label">{t('package.shootDuration')}</Text>
          </View>
          <View className="package__fact">
            <Text className="package__fact-value">{t('package.photoCount', { count: item.retouchedPhotos })}</Text>
            <Text className="package__fact-label">{t('package.retouchedPhotos')}</Text>
          </View>
          <View className="package__fact">
            <Text className="package__fact-value">{formatFen(item.extraPhotoPriceFen)}</Text>
            <Text className="package__fact-label">{t('package.extraPhotoPrice')}</Text>
          </View>
        </View>

        {item.included.length > 0 && (
          <View className="package__section">
            <Text className="package__section-title">{t('package.included')}</Text>
            {item.included.map(({ product, quantity }) => (
              <View key={product.id} className="package__included">
                <Text>{product.name}</Text>
                <Text className="package__quantity">{`× ${quantity} ${product.unit}`}</Text>
              </View>
            ))}
          </View>
        )}

        {item.description !== '' && (
          <View className="package__section">
            <Text className="package__section-title">{t('package.description')}</Text>
            <Text className="package__description">{item.description}</Text>
          </View>
        )}
      </View>

      <View className="package__bar">
        <View className="package__bar-price">
          <Text className="package__bar-label">{t('package.depositLabel')}</Text>
          <Text className="package__bar-amount">{formatFen(item.depositFen)}</Text>
        </View>
        <Button type="primary" className="package__book" onClick={book}>
          {t('package.book')}
        </Button>
      </View>
    </View>
  )
}
