import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { stockCategories, type StockCategory } from '../../../types/inventory'
import { createStockItem, listStockItems, listStocktakes, openStocktake, stockOverview } from '../../../types/inventory-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormField, FormMessage } from '../../components/FormField'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { useDates } from '../../hooks/useDates'
import { Button, Input } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useFormFeedback } from '../../hooks/useFormFeedback'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useI18n } from '../../i18n'
import { formatFen, whole } from '../../lib/money'
import { newRequestId } from '../../lib/request-id'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { StockLine } from '../StockLine'
import '../stock.scss'
import './index.scss'

interface Draft {
  name: string
  category: StockCategory
  unit: string
  reorderLevel: string
}

const newDraft: Draft = { name: '', category: 'album', unit: '', reorderLevel: '' }

/** The branch's stock room: what it is worth, what needs reordering, every item with its level; new items and counts start here. */
export default function StockPage() {
  const dates = useDates()
  const { t } = useI18n()
  usePageTitle('stock.title')
  const { session, allowed } = useStaffPage(listStockItems.access)
  const stock = useQuery(() => call(listStockItems, { includeInactive: 'true' }), [], allowed)
  const sheets = useQuery(() => call(listStocktakes, {}), [], allowed)
  // Admins keep every branch: each one's value and what it needs, under this branch's own.
  const overview = useQuery(() => call(stockOverview, {}), [], allowed)
  const [draft, setDraft] = useState<Draft>()
  const [busy, setBusy] = useState(false)
  const form = useFormFeedback()

  usePullDownRefresh(stock, sheets, overview)
  useShownAgain(() => {
    if (allowed) void (stock.reload(), sheets.reload(), overview.reload())
  })

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (stock.error !== undefined) return <ErrorState error={stock.error} onRetry={stock.reload} />
  if (!stock.data) return <LoadingState />

  const update = <K extends keyof Draft>(field: K) => (value: Draft[K]) => setDraft((current) => current && { ...current, [field]: value })
  const save = async () => {
    if (!draft) return
    form.reset()
    setBusy(true)
    try {
      await call(createStockItem, { requestId: newRequestId(), name: draft.name, category: draft.category, unit: draft.unit, reorderLevel: whole(draft.reorderLevel) })
      Taro.showToast({ title: t('common.saved'), icon: 'success' })
      setDraft(undefined)
      await stock.reload()
    } catch (error) {
      form.report(error)
    } finally {
      setBusy(false)
    }
  }
  const startCount = async () => {
    form.reset()
    setBusy(true)
    try {
      const sheet = await call(openStocktake, { requestId: newRequestId() })
      await Taro.navigateTo({ url: `${routes.stocktake}?id=${sheet.id}` })
    } catch (error) {
      form.report(error)
    } finally {
      setBusy(false)
    }
  }
  const open = (itemId: string) => Taro.navigateTo({ url: `${routes.stockItem}?id=${itemId}` })

  const { items, valueFen } = stock.data
  const low = items.filter((l) => l.low)

  return (
    <View className="screen stock">
      <View className="stock__summary">
        <Text className="stock__summary-label">{t('stock.value')}</Text>
        <Text className="stock__summary-value">{formatFen(valueFen)}</Text>
        <Text className={`stock__summary-low${low.length ? ' stock__summary-low--alert' : ''}`}>
          {low.length ? t('stock.lowCount', { count: low.length }) : t('stock.allStocked')}
        </Text>
        {(overview.data?.branches.length ?? 0) > 1 &&
          overview.data!.branches.map((branch) => (
            <View key={branch.branchId} className="stock__branch">
              <Text>{branch.branchName}</Text>
              <Text>{`${formatFen(branch.valueFen)} · ${branch.low.length ? t('stock.lowCount', { count: branch.low.length }) : t('stock.allStocked')}`}</Text>
            </View>
          ))}
      </View>

      {draft ? (
        <Card title={t('stock.addItem')}>
          <FormField label={t('stockField.name')} error={form.fields.name}>
            <Input value={draft.name} onChange={update('name')} placeholder={t('stockField.namePlaceholder')} maxLength={40} />
          </FormField>
          <FormField label={t('stockField.category')} error={form.fields.category}>
            <View className="choice-chips">
              {stockCategories.map((category) => (
                <Text key={category} className={`choice-chip${category === draft.category ? ' choice-chip--active' : ''}`} onClick={() => update('category')(category)}>
                  {t(`stockCategory.${category}`)}
                </Text>
              ))}
            </View>
          </FormField>
          <FormField label={t('stockField.unit')} error={form.fields.unit}>
            <Input value={draft.unit} onChange={update('unit')} placeholder={t('stockField.unitPlaceholder')} maxLength={8} />
          </FormField>
          <FormField label={t('stockField.reorderLevel')} error={form.fields.reorderLevel}>
            <Input type="number" value={draft.reorderLevel} onChange={update('reorderLevel')} placeholder="0" maxLength={6} />
          </FormField>
          <FormMessage message={form.message} />
          <View className="stock-actions">
            <Button fill="outline" onClick={() => setDraft(undefined)}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" loading={busy} onClick={save}>
              {t('common.save')}
            </Button>
          </View>
        </Card>
      ) : (
        <>
          <View className="stock-actions stock__toolbar">
            <Button fill="outline" onClick={() => (form.reset(), setDraft(newDraft))}>
              {t('stock.addItem')}
            </Button>
            <Button type="primary" loading={busy} onClick={startCount}>
              {t('stock.count')}
            </Button>
          </View>
          <FormMessage message={form.message} />
        </>
      )}

      {sheets.data?.items.slice(0, 3).map((sheet) => (
        <View key={sheet.id} className="stock__sheet" onClick={() => Taro.navigateTo({ url: `${routes.stocktake}?id=${sheet.id}` })}>
          <Text>{`${t('stocktake.title')} · ${dates.dayTime(sheet.openedAt)}`}</Text>
          <Text className={`stock__sheet-status${sheet.status === 'open' ? ' stock__sheet-status--open' : ''}`}>
            {t(sheet.status === 'open' ? 'stocktake.statusOpen' : 'stocktake.statusPosted')}
          </Text>
        </View>
      ))}

      {items.length === 0 && <EmptyState title={t('stock.empty')} description={t('stock.emptyHint')} />}
      {low.length > 0 && (
        <>
          <Text className="stock-section-title">{t('stock.lowTitle')}</Text>
          {low.map((line) => (
            <StockLine key={line.id} line={line} onClick={() => open(line.id)} />
          ))}
        </>
      )}
      {items.length > 0 && <Text className="stock-section-title">{t('stock.itemsTitle')}</Text>}
      {items.map((line) => (
        <StockLine key={line.id} line={line} onClick={() => open(line.id)} />
      ))}
    </View>
  )
}
