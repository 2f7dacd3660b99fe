import { Image, Picker, ScrollView, View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Gift } from '@nutui/icons-react-taro'
import { useEffect, useState } from 'react'
import type { Branch } from '../../../types/entities'
import { listCategories, listPackages } from '../../../types/catalog-operations'
import { listBranches } from '../../../types/operations'
import { call } from '../../api'
import { categoryName } from '../../lib/catalog'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useCustomerTabBar } from '../../hooks/useCustomerTabBar'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useRequiredSession } from '../../hooks/useRequiredSession'
import { useI18n } from '../../i18n'
import { imageUrl } from '../../lib/media'
import { formatFen } from '../../lib/money'
import { routes } from '../../lib/routes'
import { BRANCH_KEY } from './branch'
import './index.scss'

/** The branch the customer chose last time, if the studio still has it; otherwise its first branch. */
function rememberedBranch(branches: Branch[]): Branch | undefined {
  const stored: unknown = Taro.getStorageSync(BRANCH_KEY)
  return branches.find((branch) => branch.id === stored) ?? branches[0]
}

export default function HomePage() {
  const { t, locale } = useI18n()
  usePageTitle('home.title')
  useCustomerTabBar()
  const session = useRequiredSession('customer')
  const signedIn = session !== null
  const branches = useQuery(() => call(listBranches, {}), [], signedIn)
  const categories = useQuery(() => call(listCategories, {}), [], signedIn)
  const [branchId, setBranchId] = useState<string>()
  const [category, setCategory] = useState<string>()
  const packages = useQuery(() => call(listPackages, { branchId }), [branchId], signedIn && branchId !== undefined)

  useEffect(() => {
    if (branches.data) setBranchId(rememberedBranch(branches.data.items)?.id)
  }, [branches.data])

  usePullDownRefresh(branches, categories, packages)
  if (!session) return null
  const { principal } = session

  const chooseBranch = (index: number) => {
    const branch = branches.data?.items[index]
    if (!branch) return
    Taro.setStorageSync(BRANCH_KEY, branch.id)
    setCategory(undefined)
    setBranchId(branch.id)
  }

  const branchList = branches.data?.items ?? []
  const branch = branchList.find((candidate) => candidate.id === branchId)
  const items = packages.data?.items ?? []
  // Only the categories this branch sells are offered as filters.
  const offered = [...new Set(items.map((item) => item.category))]
  const shown = category ? items.filter((item) => item.category === category) : items
  const failure = branches.error ?? packages.error

  return (
    <View className="screen home">
      <View className="home__hero">
        <Text className="home__studio">{principal.studioName}</Text>
        <Text className="home__greeting">{t('home.greeting', { name: principal.displayName })}</Text>
        <Text className="home__tagline">{t('home.tagline')}</Text>
      </View>

      {branchList.length > 1 && (
        <Picker mode="selector" range={branchList.map((candidate) => candidate.name)} value={Math.max(0, branchList.findIndex((candidate) => candidate.id === branchId))} onChange={(event) => chooseBranch(Number(event.detail.value))}>
          <View className="home__branch">
            <Text className="home__branch-label">{t('home.branch')}</Text>
            <Text className="home__branch-name">{branch?.name ?? ''}</Text>
            <Text className="home__branch-change">{t('home.changeBranch')}</Text>
          </View>
        </Picker>
      )}

      <View className="home__section">
        <Text className="home__section-title">{t('home.packagesTitle')}</Text>
      </View>

      {offered.length > 1 && (
        <ScrollView scrollX className="home__categories">
          {[undefined, ...offered].map((code) => (
            <Text
              key={code ?? 'all'}
              className={`home__category${category === code ? ' home__category--active' : ''}`}
              onClick={() => setCategory(code)}
            >
              {code ? categoryName(categories.data?.items, code, locale) : t('home.allCategories')}
            </Text>
          ))}
        </ScrollView>
      )}

      {failure !== undefined && <ErrorState error={failure} onRetry={branches.error !== undefined ? branches.reload : packages.reload} />}
      {failure === undefined && (branches.loading || packages.loading) && <LoadingState />}
      {failure === undefined && packages.data && items.length === 0 && (
        <EmptyState icon={<Gift size={28} />} title={t('home.packagesEmptyTitle')} description={t('home.packagesEmptyDescription')} />
      )}
      {!packages.loading &&
        shown.map((item) => (
          <View key={item.id} className="package-card" onClick={() => Taro.navigateTo({ url: `${routes.package}?id=${item.id}` })}>
            <Image className="package-card__cover" src={imageUrl(item.coverImage)} mode="aspectFill" lazyLoad />
            <View className="package-card__body">
              <View className="package-card__line">
                <Text className="package-card__name">{item.name}</Text>
                <Text className="package-card__category">{categoryName(categories.data?.items, item.category, locale)}</Text>
              </View>
              <View className="package-card__line">
                <Text className="package-card__price">{formatFen(item.priceFen)}</Text>
                <Text className="package-card__deposit">{t('package.depositOf', { amount: formatFen(item.depositFen) })}</Text>
              </View>
            </View>
          </View>
        ))}
    </View>
  )
}
