import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { StockMovement } from '../../../types/inventory'
import { listStockItems, listStockMovements, recordPurchase, transferStock, updateStockItem } from '../../../types/inventory-operations'
import { listBranches } from '../../../types/operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormField, FormMessage } from '../../components/FormField'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Input, Switch } from '../../components/ui'
import { useDates } from '../../hooks/useDates'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useFormFeedback } from '../../hooks/useFormFeedback'
import { usePageTitle } from '../../hooks/usePageTitle'
import { usePagedQuery } from '../../hooks/usePagedQuery'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { formatFen, parseYuan, whole } from '../../lib/money'
import { newRequestId } from '../../lib/request-id'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { StockLine } from '../StockLine'
import '../stock.scss'
import './index.scss'

const PAGE_SIZE = 30

/** A movement as the history shows it: what happened, how many, who and when, and why. */
function MovementRow({ movement }: { movement: StockMovement }) {
  const dates = useDates()
  const { t } = useI18n()
  const why = [
    movement.supplier && t('movement.supplier', { supplier: movement.supplier }),
    movement.orderId && t('movement.order', { id: movement.orderId.slice(-6) }),
    movement.reason,
  ].filter(Boolean)
  return (
    <View className="movement">
      <View className="movement__line">
        <Text className="movement__kind">{t(`movement.${movement.kind}`)}</Text>
        <Text className={`movement__quantity${movement.quantity < 0 ? ' movement__quantity--out' : ''}`}>{movement.quantity > 0 ? `+${movement.quantity}` : movement.quantity}</Text>
      </View>
      <Text className="movement__meta">{`${movement.by.name} · ${dates.dayTime(movement.at)} · ${formatFen(movement.unitCostFen)}`}</Text>
      {why.length > 0 && <Text className="movement__meta">{why.join(' · ')}</Text>}
    </View>
  )
}

/** One stock item in the branch: its level and value, buying it in, sending it to another branch, and every movement. */
export default function StockItemPage() {
  const { t } = useI18n()
  usePageTitle('stockItem.title')
  const itemId = useRouter().params.id ?? ''
  const { session, allowed } = useStaffPage(listStockItems.access)
  const stock = useQuery(() => call(listStockItems, { includeInactive: 'true' }), [], allowed)
  const branches = useQuery(() => call(listBranches, {}), [], allowed)
  const history = usePagedQuery((cursor) => call(listStockMovements, { itemId, limit: PAGE_SIZE, cursor }), [itemId], allowed && itemId !== '')
  const [purchase, setPurchase] = useState({ quantity: '', unitCostYuan: '', supplier: '', note: '' })
  const [transfer, setTransfer] = useState({ toBranchId: '', quantity: '' })
  const [editing, setEditing] = useState<{ name: string; reorderLevel: string; active: boolean }>()
  const [busy, setBusy] = useState<'purchase' | 'transfer' | 'edit'>()
  const purchaseForm = useFormFeedback()
  const transferForm = useFormFeedback()
  const editForm = useFormFeedback()
  usePullDownRefresh(stock, history)
  // One id per form filled in: a double tap or a retry after a lost answer moves stock once.
  const requestIds = useRef({ purchase: newRequestId(), transfer: newRequestId() })

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (stock.error !== undefined) return <ErrorState error={stock.error} onRetry={stock.reload} />
  if (!stock.data) return <LoadingState />
  const line = stock.data.items.find((l) => l.id === itemId)
  if (!line) return <EmptyState title={t('stock.empty')} />
  const otherBranches = (branches.data?.items ?? []).filter((b) => b.id !== stock.data!.branchId)

  const submit = async (kind: 'purchase' | 'transfer' | 'edit', action: () => Promise<unknown>, done: string) => {
    const form = { purchase: purchaseForm, transfer: transferForm, edit: editForm }[kind]
    form.reset()
    setBusy(kind)
    try {
      await action()
      Taro.showToast({ title: done, icon: 'success' })
      if (kind === 'purchase') setPurchase({ quantity: '', unitCostYuan: '', supplier: purchase.supplier, note: '' })
      if (kind === 'transfer') setTransfer({ toBranchId: '', quantity: '' })
      if (kind === 'edit') setEditing(undefined)
      else requestIds.current[kind] = newRequestId()
      await Promise.all([stock.reload(), history.reload()])
    } catch (error) {
      form.report(error)
    } finally {
      setBusy(undefined)
    }
  }
  const buyIn = () =>
    submit(
      'purchase',
      () =>
        call(recordPurchase, {
          requestId: requestIds.current.purchase,
          itemId,
          quantity: whole(purchase.quantity),
          unitCostFen: parseYuan(purchase.unitCostYuan) ?? Number.NaN,
          supplier: purchase.supplier,
          note: purchase.note.trim() || undefined,
        }),
      t('stockItem.purchased'),
    )
  const sendOut = () =>
    submit('transfer', () => call(transferStock, { requestId: requestIds.current.transfer, itemId, toBranchId: transfer.toBranchId, quantity: whole(transfer.quantity) }), t('stockItem.transferred'))

  const saveItem = () =>
    editing &&
    submit(
      'edit',
      () => call(updateStockItem, { itemId, version: line.version, name: editing.name, category: line.category, unit: line.unit, reorderLevel: whole(editing.reorderLevel), active: editing.active }),
      t('common.saved'),
    )

  return (
    <View className="screen stock-item">
      <StockLine line={line} onClick={() => setEditing(editing ? undefined : { name: line.name, reorderLevel: String(line.reorderLevel), active: line.active })} />
      {editing && (
        <Card title={t('stockItem.edit')}>
          <FormField label={t('stockField.name')} error={editForm.fields.name}>
            <Input value={editing.name} onChange={(name) => setEditing({ ...editing, name })} maxLength={40} />
          </FormField>
          <FormField label={t('stockField.reorderLevel')} error={editForm.fields.reorderLevel}>
            <Input type="number" value={editing.reorderLevel} onChange={(reorderLevel) => setEditing({ ...editing, reorderLevel })} maxLength={6} />
          </FormField>
          <View className="stock-item__switch">
            <Text>{t('stockItem.inUse')}</Text>
            <Switch checked={editing.active} onChange={(active) => setEditing({ ...editing, active })} />
          </View>
          <FormMessage message={editForm.message} />
          <Button block type="primary" loading={busy === 'edit'} disabled={busy !== undefined} onClick={saveItem}>
            {t('common.save')}
          </Button>
        </Card>
      )}

      <Card title={t('stockItem.purchase')}>
        <View className="stock-item__pair">
          <FormField label={t('stockField.quantity')} error={purchaseForm.fields.quantity}>
            <Input type="number" value={purchase.quantity} onChange={(quantity) => setPurchase({ ...purchase, quantity })} placeholder="0" maxLength={6} />
          </FormField>
          <FormField label={t('stockField.unitCostYuan')} error={purchaseForm.fields.unitCostFen}>
            <Input type="digit" value={purchase.unitCostYuan} onChange={(unitCostYuan) => setPurchase({ ...purchase, unitCostYuan })} placeholder="0.00" maxLength={10} />
          </FormField>
        </View>
        <FormField label={t('stockField.supplier')} error={purchaseForm.fields.supplier}>
          <Input value={purchase.supplier} onChange={(supplier) => setPurchase({ ...purchase, supplier })} maxLength={60} />
        </FormField>
        <FormField label={t('stockField.note')} error={purchaseForm.fields.note}>
          <Input value={purchase.note} onChange={(note) => setPurchase({ ...purchase, note })} maxLength={200} />
        </FormField>
        <FormMessage message={purchaseForm.message} />
        <Button block type="primary" loading={busy === 'purchase'} disabled={busy !== undefined} onClick={buyIn}>
          {t('stockItem.purchaseButton')}
        </Button>
      </Card>

      {otherBranches.length > 0 && (
        <Card title={t('stockItem.transfer')}>
          <FormField label={t('stockField.toBranch')} error={transferForm.fields.toBranchId}>
            <View className="choice-chips">
              {otherBranches.map((branch) => (
                <Text
                  key={branch.id}
                  className={`choice-chip${branch.id === transfer.toBranchId ? ' choice-chip--active' : ''}`}
                  onClick={() => setTransfer({ ...transfer, toBranchId: branch.id })}
                >
                  {branch.name}
                </Text>
              ))}
            </View>
          </FormField>
          <FormField label={t('stockField.quantity')} error={transferForm.fields.quantity}>
            <Input type="number" value={transfer.quantity} onChange={(quantity) => setTransfer({ ...transfer, quantity })} placeholder="0" maxLength={6} />
          </FormField>
          <FormMessage message={transferForm.message} />
          <Button block fill="outline" loading={busy === 'transfer'} disabled={busy !== undefined} onClick={sendOut}>
            {t('stockItem.transferButton')}
          </Button>
        </Card>
      )}

      <Text className="stock-section-title">{t('stockItem.history')}</Text>
      {history.error !== undefined && <ErrorState error={history.error} onRetry={history.reload} />}
      {history.items?.length === 0 && <EmptyState title={t('stockItem.noHistory')} />}
      {history.items?.map((movement) => (
        <MovementRow key={`${movement.id}-${movement.branchId}`} movement={movement} />
      ))}
      {history.hasMore && (
        <Button block fill="none" loading={history.loading} onClick={history.loadMore}>
          {t('stockItem.more')}
        </Button>
      )}
    </View>
  )
}
