import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { book } from '../../../types/booking-operations'
import { customerHistory } from '../../../types/crm-operations'
import { getOrder, getWorkOrder, listPhotos, selectedPhotos } from '../../../types/order-operations'
import type { OutputOf } from '../../../types/operation'
import { ANY_STAFF } from '../../../types/roles'
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
import { OrderStageBadge } from '../../components/OrderStageBadge'
import type { PhotoKind } from '../upload'
import { OrderMoney } from './OrderMoney'
import { OrderPhotos } from './OrderPhotos'
import { StageActions } from './StageActions'
import { Timeline } from './Timeline'
import { useAction } from './useAction'
import '../desk.scss'
import './index.scss'

/** What the page reads: the whole order with its payments, or (for the crew) the work without money. */
type StaffOrderDetail = (OutputOf<typeof getOrder> & { money: true }) | (OutputOf<typeof getWorkOrder> & { money: false })

const PHOTO_KIND: Partial<Record<string, PhotoKind>> = { shot: 'proof', selecting: 'proof', designing: 'design', proofing: 'design' }

/**
 * An order as the staff see it: where it stands, its money and payments, and the next steps their
 * role may take. The crew (photographer, makeup artist, retoucher) read it through `orders.getWork` and see no money.
 */
export default function StaffOrderPage() {
  const dates = useDates()
  const { t } = useI18n()
  usePageTitle('staffOrder.title')
  const orderId = useRouter().params.id ?? ''
  // Every staff role reads it: through orders.get with the money, or orders.getWork without.
  const { session, allowed } = useStaffPage(staffAccess(ANY_STAFF))
  const seesMoney = canUse(session?.principal, getOrder.access)
  const detail = useQuery<StaffOrderDetail>(
    () =>
      seesMoney
        ? call(getOrder, { orderId }).then((whole) => ({ ...whole, money: true as const }))
        : call(getWorkOrder, { orderId }).then((work) => ({ ...work, money: false as const })),
    [orderId, seesMoney],
    allowed && orderId !== '',
  )
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
  const { order } = detail.data
  const { principal } = session
  const mayOpenCustomer = canUse(principal, customerHistory.access)
  const selectionReady = Boolean(order.selection?.confirmedAt) && canUse(principal, selectedPhotos.access)

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

      {selectionReady && (
        <Card title={t('selected.cardTitle')}>
          <Text className="desk-note">{t('selected.cardText', { count: order.selection!.photoIds.length })}</Text>
          <View className="staff-order__book">
            <Button type="primary" fill="outline" block onClick={() => Taro.navigateTo({ url: `${routes.selectedPhotos}?id=${order.id}` })}>
              {t('selected.open')}
            </Button>
          </View>
        </Card>
      )}

      {kind && mayListPhotos && <OrderPhotos order={order} kind={kind} photos={photos} principal={principal} onChanged={reload} />}

      {detail.data.money && <OrderMoney order={detail.data.order} payments={detail.data.payments} principal={principal} reload={reload} />}

      <Timeline order={order} />
    </View>
  )
}
