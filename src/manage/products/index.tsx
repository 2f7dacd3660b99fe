import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Product } from '../../../types/catalog'
import { createProduct, listProducts, updateProduct } from '../../../types/catalog-operations'
import { listStockItems } from '../../../types/inventory-operations'
import { asApiError, call } from '../../api'
import { Card } from '../../components/Card'
import { FormField, FormMessage } from '../../components/FormField'
import { materialDraftOf, MaterialsField, materialsOf, type MaterialDraft } from '../../components/MaterialsField'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Input, Switch } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useSubmit } from '../../hooks/useSubmit'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { formatFen, parseYuan, yuanText } from '../../lib/money'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import './index.scss'

interface Draft {
  name: string
  priceYuan: string
  unit: string
  consumesStock: boolean
  active: boolean
  materials: MaterialDraft
}

const newDraft: Draft = { name: '', priceYuan: '', unit: '', consumesStock: true, active: true, materials: {} }

function draftOf(product: Product): Draft {
  return {
    name: product.name,
    priceYuan: yuanText(product.priceFen),
    unit: product.unit,
    consumesStock: product.consumesStock,
    active: product.active,
    materials: materialDraftOf(product.materials),
  }
}

/** Add-on products (相册, 摆台…) that packages include and orders add. */
export default function ProductsPage() {
  const { t } = useI18n()
  usePageTitle('products.title')
  const { session, allowed } = useStaffPage(createProduct.access)
  const products = useQuery(() => call(listProducts, { includeInactive: 'true' }), [], allowed)
  const stock = useQuery(() => call(listStockItems, { includeInactive: 'true' }), [], allowed)
  const [editing, setEditing] = useState<Product | 'new'>()
  const [draft, setDraft] = useState<Draft>(newDraft)
  const form = useSubmit()

  usePullDownRefresh(products, stock)
  if (!session) return null
  if (!allowed) return <Forbidden />
  if (products.error !== undefined) return <ErrorState error={products.error} onRetry={products.reload} />
  if (!products.data) return <LoadingState />

  const open = (product: Product | 'new') => {
    form.reset()
    setEditing(product)
    setDraft(product === 'new' ? newDraft : draftOf(product))
  }
  const update = <K extends keyof Draft>(field: K) => (value: Draft[K]) => setDraft((current) => ({ ...current, [field]: value }))

  const save = () =>
    form.submit(
      async () => {
        // An unreadable price is sent as NaN so the operation's own check reports it beside the field.
        const fields = {
          name: draft.name,
          priceFen: parseYuan(draft.priceYuan) ?? Number.NaN,
          unit: draft.unit,
          consumesStock: draft.consumesStock,
          materials: draft.consumesStock ? materialsOf(draft.materials) : [],
        }
        if (editing && editing !== 'new') await call(updateProduct, { ...fields, productId: editing.id, version: editing.version, active: draft.active })
        else await call(createProduct, fields)
        Taro.showToast({ title: t('common.saved'), icon: 'success' })
        setEditing(undefined)
        await products.reload()
      },
      async (error) => {
        if (asApiError(error).code !== 'VERSION_CONFLICT') return
        setEditing(undefined)
        await products.reload()
      },
    )

  return (
    <View className="screen products">
      {editing ? (
        <Card title={editing === 'new' ? t('products.add') : t('products.edit')}>
          <FormField label={t('field.productName')} error={form.fields.name}>
            <Input value={draft.name} onChange={update('name')} placeholder={t('products.namePlaceholder')} maxLength={40} />
          </FormField>
          <FormField label={t('field.priceYuan')} error={form.fields.priceFen}>
            <Input type="digit" value={draft.priceYuan} onChange={update('priceYuan')} placeholder="0.00" maxLength={10} />
          </FormField>
          <FormField label={t('field.unit')} error={form.fields.unit}>
            <Input value={draft.unit} onChange={update('unit')} placeholder={t('products.unitPlaceholder')} maxLength={8} />
          </FormField>
          <View className="products__switch">
            <Text>{t('field.consumesStock')}</Text>
            <Switch checked={draft.consumesStock} onChange={update('consumesStock')} />
          </View>
          {draft.consumesStock && <MaterialsField items={stock.data?.items ?? []} draft={draft.materials} onChange={update('materials')} error={form.fields.materials} />}
          {editing !== 'new' && (
            <View className="products__switch">
              <Text>{t('products.onSale')}</Text>
              <Switch checked={draft.active} onChange={update('active')} />
            </View>
          )}
          <FormMessage message={form.message} />
          <View className="products__actions">
            <Button fill="outline" onClick={() => setEditing(undefined)}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" loading={form.saving} onClick={save}>
              {t('common.save')}
            </Button>
          </View>
        </Card>
      ) : (
        <View className="products__toolbar">
          <Button type="primary" size="small" onClick={() => open('new')}>
            {t('products.add')}
          </Button>
        </View>
      )}
      {form.message && !editing && <FormMessage message={form.message} />}

      {products.data.items.length === 0 && <EmptyState title={t('products.empty')} />}
      {products.data.items.map((product) => (
        <View key={product.id} className={`products__item${product.active ? '' : ' products__item--inactive'}`} onClick={() => open(product)}>
          <View className="products__line">
            <Text className="products__name">{product.name}</Text>
            <Text className="products__price">{`${formatFen(product.priceFen)} / ${product.unit}`}</Text>
          </View>
          <Text className="products__meta">
            {[product.consumesStock ? t('products.fromStock') : '', product.active ? '' : t('products.offSale')].filter(Boolean).join(' · ')}
          </Text>
        </View>
      ))}
    </View>
  )
}
