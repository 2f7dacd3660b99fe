import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { book } from '../../../types/booking-operations'
import { customerHistory } from '../../../types/crm-operations'
import { getOrder, listPhotos, recordOfflinePayment, updateOrder } from '../../../types/order-operations'
import { canUse, staffAccess } from '../../lib/access'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { Button } from '../../components/ui'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { useDates } from '../../hooks/useDates'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useI18n } from '../../i18n'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { MoneyLine } from '../MoneyLine'
import { OrderStageBadge } from '../../components/OrderStageBadge'
import type { PhotoKind } from '../upload'
import { EditOrder } from './EditOrder'
import { OrderPhotos } from './OrderPhotos'
import { Payments } from './Payments'
import { StageActions } from './StageActions'
import { TakePayment } from './TakePayment'
import { Timeline } from './Timeline'
import { useAction } from './useAction'
import '../desk.scss'
import './index.scss'

const PHOTO_KIND: Partial<Record<string, PhotoKind>> = { shot: 'proof', selecting: 'proof', designing: 'design', proofing: 'design' }

/** An order as the staff see it: where it stands, its money and payments, and the next steps their role may take. */
export default function StaffOrderPage() {
  const dates = useDates()
  const { t } = useI18n()
  usePageTitle('staffOrder.title')
  const orderId = useRouter().params.id ?? ''
  const { session, allowed } = useStaffPage(staffAccess(getOrder.access))
  const detail = useQuery(() => call(getOrder, { orderId }), [orderId], allowed && orderId !== '')
  const stage = detail.data?.order.stage
  const kind = stage ? PHOTO_KIND[stage] : undefined
  const mayListPhotos = canUse(session?.principal, listPhotos.access)
  const photos = useQuery(() => call(listPhotos, { orderId, kind: kind ?? 'proof' }), [orderId, kind], allowed && kind !== undefined && mayListPhotos)
  const reload = detail.reload
  const action = useAction(reload)

  usePullDownRefresh(detail, photos)
  // Back from the customer's file, the order shows any change made meanwhile.
  useShownAgain(() => {
    if (allowed) void detail.reload()
  })

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (detail.error !== undefined && !detail.data) return <ErrorState error={detail.error} onRetry={detail.reload} />
  if (!detail.data) return <LoadingState />
  const { order, payments } = detail.data
  const { principal } = session
  const open = order.stage !== 'completed' && order.stage !== 'cancelled'
  const mayOpenCustomer = canUse(principal, customerHistory.access)
  // Counted as refunded when sent, though WeChat Pay did not take them: finance sends them again below.
  const notSentFen = payments.filter((p) => p.kind === 'refund' && p.status === 'refund_failed').reduce((sum, p) => sum - p.amountFen, 0)

  return (
    <View className="screen staff-order">
      <View className="staff-order__hero">
        <View className="staff-order__hero-line">
          <Text
            className={`staff-order__customer${mayOpenCustomer ? ' staff-order__customer--link' : ''}`}
            onClick={() => mayOpenCustomer && Taro.navigateTo({ url: `${routes.customer}?id=${order.customerId}` })}
          >
            {order.customerName}
          </Text>
          <OrderStageBadge stage={order.stage} />
        </View>
        <Text className="staff-order__package">{order.package.name}</Text>
        <View className="staff-order__facts">
          {order.shootAt && <Text>{t('staffOrder.shootAt', { time: dates.dayTime(order.shootAt) })}</Text>}
          {order.expectedBy && <Text>{t('staffOrder.expectedBy', { date: order.expectedBy })}</Text>}
          {order.assignee && <Text>{t('orderRow.takenBy', { name: order.assignee.name })}</Text>}
          <Text>{t('staffOrder.createdAt', { time: dates.dayTime(order.createdAt) })}</Text>
        </View>
        {order.notes && <Text className="staff-order__notes">{order.notes}</Text>}
      </View>

      {order.stage === 'confirmed' && !order.appointmentId && order.branchId && canUse(principal, book.access) && (
        <Card title={t('staffOrder.shootTitle')}>
          <Text className="desk-note">{t('staffOrder.noShootYet')}</Text>
          <View className="staff-order__book">
            <Button
              type="primary"
              block
              onClick={() =>
                Taro.navigateTo({
                  url: `${routes.book}?desk=1&packageId=${order.package.id}&branchId=${order.branchId}&customerId=${order.customerId}&customerName=${encodeURIComponent(order.customerName)}&orderId=${order.id}`,
                })
              }
            >
              {t('staffOrder.bookShoot')}
            </Button>
          </View>
        </Card>
      )}

      <StageActions order={order} principal={principal} photoCount={photos.data?.items.length} action={action} />

      {kind && mayListPhotos && <OrderPhotos order={order} kind={kind} photos={photos} principal={principal} onChanged={reload} />}

      <Card title={t('money.title')}>
        <MoneyLine label={order.package.name} fen={order.package.priceFen} />
        {order.addOns.map((addOn) => (
          <MoneyLine
            key={addOn.id}
            label={addOn.kind === 'extra_photos' ? t('addOns.extraPhotos', { count: addOn.quantity }) : addOn.quantity > 1 ? `${addOn.name} × ${addOn.quantity}` : addOn.name}
            fen={addOn.amountFen}
          />
        ))}
        {order.discountFen > 0 && (
          <MoneyLine label={order.discountReason ? t('money.discountWithReason', { reason: order.discountReason }) : t('discount.title')} fen={order.discountFen} minus />
        )}
        <MoneyLine label={t('money.total')} fen={order.totalFen} variant="total" />
        <MoneyLine label={t('money.paid')} fen={order.paidFen} />
        {order.unauditedFen > 0 && <MoneyLine label={t('money.unaudited')} fen={order.unauditedFen} />}
        {order.stage === 'cancelled' ? (
          <>
            <MoneyLine label={t('money.refundDue')} fen={order.refundDueFen ?? 0} variant="strong" />
            <MoneyLine label={t('money.refunded')} fen={order.refundedFen} />
            {notSentFen > 0 && <MoneyLine label={t('money.refundFailed')} fen={notSentFen} />}
          </>
        ) : (
          <MoneyLine label={t('money.balance')} fen={order.balanceFen} variant="strong" />
        )}
      </Card>

      {open && order.balanceFen > 0 && canUse(principal, recordOfflinePayment.access) && <TakePayment order={order} onRecorded={reload} />}

      <Payments order={order} payments={payments} principal={principal} reload={reload} />

      {open && canUse(principal, updateOrder.access) && <EditOrder order={order} principal={principal} onSaved={reload} />}

      <Timeline order={order} />
    </View>
  )
}
