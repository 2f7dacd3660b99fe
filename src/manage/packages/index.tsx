import { Image, View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Gift } from '@nutui/icons-react-taro'
import { useState } from 'react'
import type { Package } from '../../../types/catalog'
import { createPackage, listCategories, listPackages, reorderPackages, setPackageActive } from '../../../types/catalog-operations'
import { mayChangeAcross } from '../../../types/roles'
import { call } from '../../api'
import { categoryName } from '../../lib/catalog'
import { FormMessage } from '../../components/FormField'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Switch } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useSubmit } from '../../hooks/useSubmit'
import { useI18n } from '../../i18n'
import { imageUrl } from '../../lib/media'
import { formatFen } from '../../lib/money'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import './index.scss'

/** The package ids with the one at `index` swapped with its neighbour `step` (−1 up, +1 down) away. */
function moved(packages: Package[], index: number, step: -1 | 1): string[] {
  const ids = packages.map((item) => item.id)
  const other = index + step
  ;[ids[index], ids[other]] = [ids[other]!, ids[index]!]
  return ids
}

export default function PackagesEditorPage() {
  const { t, locale } = useI18n()
  usePageTitle('packagesEditor.title')
  const { session, allowed } = useStaffPage(createPackage.access)
  const packages = useQuery(() => call(listPackages, { includeInactive: 'true' }), [], allowed)
  const categories = useQuery(() => call(listCategories, {}), [], allowed)
  const [items, setItems] = useState<Package[]>()
  const feedback = useSubmit()
  const working = feedback.busy

  usePullDownRefresh(packages, categories)
  // Back from the package form, the list shows what was saved there.
  useShownAgain(() => {
    if (!allowed) return
    setItems(undefined)
    void packages.reload()
  })

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (packages.error !== undefined) return <ErrorState error={packages.error} onRetry={packages.reload} />
  const list = items ?? packages.data?.items
  if (!list) return <LoadingState />

  const change = (id: string, action: () => Promise<Package[]>) => feedback.run(id, async () => setItems(await action()))

  const move = (index: number, step: -1 | 1) =>
    change(list[index]!.id, async () => (await call(reorderPackages, { packageIds: moved(list, index, step) })).items)

  const switchActive = (item: Package, active: boolean) =>
    change(item.id, async () => {
      const saved = await call(setPackageActive, { packageId: item.id, active })
      return list.map((candidate) => (candidate.id === saved.id ? saved : candidate))
    })

  return (
    <View className="screen packages-editor">
      <View className="packages-editor__toolbar">
        <Button type="primary" size="small" onClick={() => Taro.navigateTo({ url: routes.packageForm })}>
          {t('packagesEditor.add')}
        </Button>
        <Button size="small" fill="outline" type="primary" onClick={() => Taro.navigateTo({ url: routes.products })}>
          {t('products.title')}
        </Button>
      </View>
      <FormMessage message={feedback.message} />
      {list.length === 0 && <EmptyState icon={<Gift size={28} />} title={t('packagesEditor.empty')} />}
      {list.map((item, index) => (
        <View key={item.id} className={`packages-editor__item${item.active ? '' : ' packages-editor__item--inactive'}`}>
          <View className="packages-editor__main" onClick={() => Taro.navigateTo({ url: `${routes.packageForm}?id=${item.id}` })}>
            <Image className="packages-editor__cover" src={imageUrl(item.coverImage)} mode="aspectFill" lazyLoad />
            <View className="packages-editor__body">
              <Text className="packages-editor__name">{item.name}</Text>
              <Text className="packages-editor__meta">{`${categoryName(categories.data?.items, item.category, locale)} · ${formatFen(item.priceFen)}`}</Text>
              <Text className="packages-editor__meta">{item.active ? t('packagesEditor.onSale') : t('packagesEditor.offSale')}</Text>
            </View>
          </View>
          <View className="packages-editor__controls">
            <Switch
              checked={item.active}
              disabled={working !== undefined || !mayChangeAcross(session.principal, item.branchIds)}
              onChange={(active) => switchActive(item, active)}
            />
            <View className="packages-editor__order">
              <Button size="mini" fill="outline" disabled={index === 0 || working !== undefined} onClick={() => move(index, -1)}>
                {t('packagesEditor.up')}
              </Button>
              <Button size="mini" fill="outline" disabled={index === list.length - 1 || working !== undefined} onClick={() => move(index, 1)}>
                {t('packagesEditor.down')}
              </Button>
            </View>
          </View>
        </View>
      ))}
    </View>
  )
}
