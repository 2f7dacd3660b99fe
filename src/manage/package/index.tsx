import { Image, Picker, View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { z } from 'zod'
import { resourceKinds, type DepositRule, type Package, type PackageDetailSchema } from '../../../types/catalog'
import { createPackage, getPackage, listCategories, listProducts, updatePackage } from '../../../types/catalog-operations'
import { listStockItems } from '../../../types/inventory-operations'
import { listBranches } from '../../../types/operations'
import { mayChangeAcross } from '../../../types/roles'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormField } from '../../components/FormField'
import { MaterialsField } from '../../components/MaterialsField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Checkbox, Input, Radio, TextArea } from '../../components/ui'
import { useDraft } from '../../hooks/useDraft'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { imageUrl } from '../../lib/media'
import { Forbidden } from '../../components/Forbidden'
import { SaveActions } from '../../components/SaveActions'
import { useStaffPage } from '../../hooks/useStaffPage'
import { draftOf, fieldsOf, newDraft, type PackageDraft } from './draft'
import './index.scss'

const MAX_GALLERY = 12

export default function PackageFormPage() {
  const { t, locale } = useI18n()
  const packageId = useRouter().params.id
  usePageTitle(packageId ? 'packageForm.editTitle' : 'packageForm.createTitle')
  const { session, allowed } = useStaffPage(packageId ? updatePackage.access : createPackage.access)
  // Whether this person may change what is sold in these branches: a manager, their own branch alone.
  const mayChangeMine = (branchIds: readonly string[]) => session !== null && mayChangeAcross(session.principal, branchIds)
  const categories = useQuery(() => call(listCategories, {}), [], allowed)
  const branches = useQuery(() => call(listBranches, {}), [], allowed)
  const products = useQuery(() => call(listProducts, {}), [], allowed)
  const stock = useQuery(() => call(listStockItems, { includeInactive: 'true' }), [], allowed)
  const form = useDraft<Package, PackageDraft, z.infer<typeof PackageDetailSchema>>({
    load: async () => (packageId ? call(getPackage, { packageId }) : undefined),
    deps: [packageId],
    enabled: allowed,
    isNew: !packageId,
    // A new package is sold everywhere when the admin makes it, in the manager's own branch when a manager does.
    blank: () => (branches.data ? newDraft(branches.data.items.map((branch) => branch.id).filter((branchId) => mayChangeMine([branchId]))) : undefined),
    draftOf,
    create: (draft) => call(createPackage, fieldsOf(draft)),
    save: (draft, saved) => call(updatePackage, { ...fieldsOf(draft), packageId: saved.id, version: saved.version }),
    onSaved: () => Taro.navigateBack(),
  })
  // The package as loaded, its included products spelled out.
  const { query: existing, draft, setDraft } = form

  if (!session) return null
  if (!allowed) return <Forbidden />
  const failure = existing.error ?? categories.error ?? branches.error ?? products.error
  if (failure !== undefined) return <ErrorState error={failure} onRetry={() => [existing, categories, branches, products].forEach((query) => query.reload())} />
  if (!draft || !categories.data || !branches.data || !products.data) return <LoadingState />

  // A package sold beyond the manager's own branch is the studio's: shown, not changed.
  const mayChange = !existing.data || mayChangeMine(existing.data.branchIds)
  const update = <K extends keyof PackageDraft>(field: K) => (value: PackageDraft[K]) => setDraft((current) => current && { ...current, [field]: value })
  const categoryList = categories.data.items
  const categoryLabel = (code: string) => {
    const category = categoryList.find((candidate) => candidate.code === code)
    return category ? (locale === 'zh-CN' ? category.name : category.nameEn) : ''
  }
  // Products taken off sale stay listed while the package still includes them.
  const productList = [
    ...products.data.items,
    ...(existing.data?.included.map((entry) => entry.product).filter((product) => !products.data!.items.some((item) => item.id === product.id)) ?? []),
  ]
  const setQuantity = (productId: string, quantity: number) => {
    const included = { ...draft.included }
    if (quantity > 0) included[productId] = Math.min(quantity, 99)
    else delete included[productId]
    update('included')(included)
  }
  const setGalleryImage = (index: number, value: string) => update('gallery')(draft.gallery.map((image, i) => (i === index ? value : image)))

  return (
    <View className="screen package-form">
      {!mayChange && (
        <Card>
          <Text className="package-form__hint">{t('packageForm.adminOnly')}</Text>
        </Card>
      )}
      <Card title={t('packageForm.basics')}>
        <FormField label={t('field.category')} error={form.fields.category}>
          <Picker
            mode="selector"
            range={categoryList.map((category) => categoryLabel(category.code))}
            value={Math.max(0, categoryList.findIndex((category) => category.code === draft.category))}
            onChange={(event) => update('category')(categoryList[Number(event.detail.value)]?.code ?? '')}
          >
            <Text className={`package-form__picker${draft.category ? '' : ' package-form__picker--empty'}`}>
              {draft.category ? categoryLabel(draft.category) || draft.category : t('packageForm.chooseCategory')}
            </Text>
          </Picker>
        </FormField>
        <FormField label={t('field.packageName')} error={form.fields.name}>
          <Input value={draft.name} onChange={update('name')} placeholder={t('packageForm.namePlaceholder')} maxLength={40} />
        </FormField>
        <FormField label={t('field.description')} error={form.fields.description}>
          <TextArea value={draft.description} onChange={update('description')} maxLength={2000} rows={4} placeholder="" />
        </FormField>
      </Card>

      <Card title={t('packageForm.prices')}>
        <FormField label={t('field.priceYuan')} error={form.fields.priceFen}>
          <Input type="digit" value={draft.priceYuan} onChange={update('priceYuan')} placeholder="0.00" maxLength={10} />
        </FormField>
        <FormField label={t('field.deposit')} error={form.fields.deposit}>
          <Radio.Group direction="horizontal" value={draft.depositKind} onChange={(kind) => update('depositKind')(kind as DepositRule['kind'])}>
            <Radio value="percent">{t('packageForm.depositPercent')}</Radio>
            <Radio value="amount">{t('packageForm.depositAmount')}</Radio>
          </Radio.Group>
          {draft.depositKind === 'percent' ? (
            <View className="package-form__suffixed">
              <Input type="number" value={draft.depositPercent} onChange={update('depositPercent')} placeholder="30" maxLength={3} />
              <Text className="package-form__suffix">%</Text>
            </View>
          ) : (
            <View className="package-form__suffixed">
              <Input type="digit" value={draft.depositYuan} onChange={update('depositYuan')} placeholder="0.00" maxLength={10} />
              <Text className="package-form__suffix">{t('packageForm.yuan')}</Text>
            </View>
          )}
        </FormField>
        <FormField label={t('field.extraPhotoYuan')} error={form.fields.extraPhotoPriceFen}>
          <Input type="digit" value={draft.extraPhotoYuan} onChange={update('extraPhotoYuan')} placeholder="0.00" maxLength={10} />
        </FormField>
      </Card>

      <Card title={t('packageForm.shoot')}>
        <FormField label={t('field.shootMinutes')} error={form.fields.shootMinutes}>
          <Input type="number" value={draft.shootMinutes} onChange={update('shootMinutes')} maxLength={3} />
        </FormField>
        <FormField label={t('field.retouchedPhotos')} error={form.fields.retouchedPhotos}>
          <Input type="number" value={draft.retouchedPhotos} onChange={update('retouchedPhotos')} maxLength={4} />
        </FormField>
        <FormField label={t('field.resources')} error={form.fields.resources}>
          <Checkbox.Group direction="horizontal" value={draft.resources} onChange={(value) => update('resources')(value as PackageDraft['resources'])}>
            {resourceKinds.map((kind) => (
              <Checkbox key={kind} value={kind}>
                {t(`resource.${kind}`)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </FormField>
      </Card>

      <Card title={t('field.includedProducts')}>
        {form.fields.includedProducts && <Text className="package-form__error">{form.fields.includedProducts}</Text>}
        {productList.length === 0 && <Text className="package-form__hint">{t('packageForm.noProducts')}</Text>}
        {productList.map((product) => {
          const quantity = draft.included[product.id] ?? 0
          return (
            <View key={product.id} className="package-form__product">
              <View className="package-form__product-name">
                <Text>{product.name}</Text>
                <Text className="package-form__hint">{product.unit}</Text>
              </View>
              <View className="package-form__stepper">
                <Button size="mini" fill="outline" disabled={quantity === 0} onClick={() => setQuantity(product.id, quantity - 1)}>
                  −
                </Button>
                <Text className="package-form__quantity">{quantity}</Text>
                <Button size="mini" fill="outline" onClick={() => setQuantity(product.id, quantity + 1)}>
                  +
                </Button>
              </View>
            </View>
          )
        })}
      </Card>

      <Card>
        <MaterialsField label={t('materials.packageTitle')} items={stock.data?.items ?? []} draft={draft.materials} onChange={update('materials')} error={form.fields.materials} />
      </Card>

      <Card title={t('field.branchIds')}>
        {form.fields.branchIds && <Text className="package-form__error">{form.fields.branchIds}</Text>}
        <Checkbox.Group direction="horizontal" value={draft.branchIds} onChange={(value) => update('branchIds')(value as string[])}>
          {branches.data.items.map((branch) => (
            <Checkbox key={branch.id} value={branch.id} disabled={!mayChangeMine([branch.id])}>
              {branch.name}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Card>

      <Card title={t('packageForm.images')}>
        <FormField label={t('field.coverImage')} error={form.fields.coverImage} hint={t('packageForm.imageHint')}>
          <Input value={draft.coverImage} onChange={update('coverImage')} placeholder="/media/… .jpg" maxLength={500} />
        </FormField>
        {draft.coverImage.trim() !== '' && <Image className="package-form__preview" src={imageUrl(draft.coverImage.trim())} mode="aspectFill" />}
        <FormField label={t('field.gallery')} error={form.fields.gallery}>
          {draft.gallery.map((image, index) => (
            <View key={index} className="package-form__gallery-row">
              <Input value={image} onChange={(value) => setGalleryImage(index, value)} placeholder="https://… .jpg" maxLength={500} />
              <Button size="mini" fill="none" onClick={() => update('gallery')(draft.gallery.filter((_, i) => i !== index))}>
                {t('packageForm.remove')}
              </Button>
            </View>
          ))}
          {draft.gallery.length < MAX_GALLERY && (
            <Button size="small" fill="dashed" onClick={() => update('gallery')([...draft.gallery, ''])}>
              {t('packageForm.addImage')}
            </Button>
          )}
        </FormField>
      </Card>

      {mayChange && <SaveActions message={form.message} saving={form.saving} onSave={form.save} label={form.saved ? t('common.save') : t('packageForm.create')} />}
    </View>
  )
}
