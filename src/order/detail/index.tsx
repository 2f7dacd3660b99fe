import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { AddOn, Order, Payment } from '../../../types/orders'
import { getOrder } from '../../../types/order-operations'
import { myAppointments } from '../../../types/scheduling-operations'
import { call } from '../../api'
import { BranchContact } from '../../components/BranchContact'
import { Card } from '../../components/Card'
import { OrderStageBadge } from '../../components/OrderStageBadge'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useBranches } from '../../hooks/useBranches'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useRequiredSession } from '../../hooks/useRequiredSession'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useStudioTimeZone } from '../../hooks/useStudioTimeZone'
import { useI18n, type Translate } from '../../i18n'
import { shootTeamFacts } from '../../lib/booking-labels'
import { formatFen } from '../../lib/money'
import {
  actorLabel,
  expectedText,
  formatSignedFen,
  momentLabel,
  nextStepText,
  payableNow,
  paymentKindLabel,
  paymentMethodLabel,
  progressOf,
  stageLabel,
  type PayKind,
} from '../../lib/order-labels'
import { routes } from '../../lib/routes'
import { studioToday } from '../../lib/studio-time'
import { OrderNotices } from './OrderNotices'
import { RateOrder } from './RateOrder'
import './index.scss'

function Row({ label, value, strong, muted }: { label: string; value: string; strong?: boolean; muted?: boolean }) {
  return (
    <View className={`order__row${strong ? ' order__row--strong' : ''}${muted ? ' order__row--muted' : ''}`}>
      <Text className="order__row-label">{label}</Text>
      <Text className="order__row-value">{value}</Text>
    </View>
  )
}

/** An add-on's name in the customer's language where the app knows it; studio-made items keep their own name. */
function addOnName(t: Translate, addOn: AddOn): string {
  if (addOn.kind === 'extra_photos') return t('order.addOnExtraPhotos', { count: addOn.quantity })
  if (addOn.id === 'surcharge') return t('order.addOnSurcharge')
  return addOn.quantity > 1 ? `${addOn.name} × ${addOn.quantity}` : addOn.name
}

function Timeline({ order, timeZone }: { order: Order; timeZone: string }) {
  const { t } = useI18n()
  const today = studioToday(timeZone)
  const expected = expectedText(t, order, today, timeZone)
  return (
    <View className="timeline">
      {progressOf(order).map((step) => (
        <View key={step.stage} className={`timeline__step timeline__step--${step.state}${step.stage === 'cancelled' ? ' timeline__step--cancelled' : ''}`}>
          <View className="timeline__rail">
            <View className="timeline__dot" />
          </View>
          <View className="timeline__body">
            <Text className="timeline__stage">{stageLabel(t, step.stage)}</Text>
            {step.at && (
              <Text className="timeline__meta">
                {step.by ? `${momentLabel(t, step.at, timeZone)} · ${actorLabel(t, step.by)}` : momentLabel(t, step.at, timeZone)}
              </Text>
            )}
            {step.state === 'current' && <Text className="timeline__now">{nextStepText(t, order.stage)}</Text>}
            {step.state === 'next' && expected && <Text className="timeline__expected">{expected}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}

function PaymentRow({ payment, timeZone }: { payment: Payment; timeZone: string }) {
  const { t } = useI18n()
  const notes = [momentLabel(t, payment.at, timeZone), paymentMethodLabel(t, payment.method)]
  if (payment.status === 'refund_processing') notes.push(t('order.refundProcessing'))
  if (payment.status === 'refund_failed') notes.push(t('order.refundFailed'))
  if (!payment.audited) notes.push(t('order.unaudited'))
  return (
    <View className="order__payment">
      <View className="order__payment-main">
        <Text className="order__payment-kind">{paymentKindLabel(t, payment.kind)}</Text>
        <Text className="order__payment-meta">{notes.join(' · ')}</Text>
      </View>
      <Text className={`order__payment-amount${payment.amountFen < 0 ? ' order__payment-amount--refund' : ''}`}>{formatSignedFen(payment.amountFen)}</Text>
    </View>
  )
}

const payLabelKeys = { deposit: 'order.payDeposit', balance: 'order.payBalance', extra_photos: 'order.payExtraPhotos' } as const

/** One order for its customer: where it stands, its whole progress, what it costs, what was paid, and what to do now. */
export default function OrderDetailPage() {
  const { t } = useI18n()
  usePageTitle('order.title')
  const orderId = useRouter().params.id ?? ''
  const session = useRequiredSession('customer')
  const signedIn = session !== null
  const detail = useQuery(() => call(getOrder, { orderId }), [orderId], signedIn)
  const timeZone = useStudioTimeZone()
  // The order's shoot (who takes it, in which room) and the branch that serves it, with how to reach it.
  const shoots = useQuery(() => call(myAppointments, {}), [], signedIn)
  const branches = useBranches(signedIn)

  usePullDownRefresh(detail, shoots)
  // Back from paying, selecting or reviewing the design: show the order as it is now.
  useShownAgain(() => {
    if (!signedIn) return
    void detail.reload()
    void shoots.reload()
  })

  if (!session) return null
  if (detail.error !== undefined && !detail.data) return <ErrorState error={detail.error} onRetry={detail.reload} />
  if (!detail.data) return <LoadingState />
  const { order, payments } = detail.data
  const today = studioToday(timeZone)
  const expected = expectedText(t, order, today, timeZone)
  // One step stands out: choosing photos or reviewing the design when it is the customer's turn, else the payment due now.
  // The balance is usually paid on the shoot day, so before the shoot it is offered but not pressed.
  let featured = order.stage === 'selecting' || order.stage === 'proofing'
  const payable = payableNow(order, payments).map((option) => {
    const solid = !featured && (option.kind !== 'balance' || order.stage !== 'confirmed')
    if (solid) featured = true
    return { ...option, solid }
  })
  const pay = (kind: PayKind) => Taro.navigateTo({ url: `${routes.orderPay}?orderId=${order.id}&kind=${kind}` })
  const open = (url: string) => Taro.navigateTo({ url: `${url}?orderId=${order.id}` })
  const closed = order.stage === 'cancelled' || order.stage === 'completed'
  const shoot = shoots.data?.items.find((item) => item.orderId === order.id && (item.status === 'confirmed' || item.status === 'held'))
  const branch = branches.branch(order.branchId ?? shoot?.branchId)

  return (
    <View className="screen order">
      <View className="order__hero">
        <View className="order__hero-line">
          <Text className="order__name">{order.package.name}</Text>
          <OrderStageBadge stage={order.stage} />
        </View>
        <Text className="order__next">{nextStepText(t, order.stage)}</Text>
        {expected && <Text className="order__expected">{expected}</Text>}
        <View className="order__sums">
          <View className="order__sum">
            <Text className="order__sum-label">{t('order.total')}</Text>
            <Text className="order__sum-value">{formatFen(order.totalFen)}</Text>
          </View>
          <View className="order__sum">
            <Text className="order__sum-label">{t('order.paid')}</Text>
            <Text className="order__sum-value">{formatFen(order.paidFen)}</Text>
          </View>
          <View className="order__sum">
            <Text className="order__sum-label">{t('order.balance')}</Text>
            <Text className={`order__sum-value${order.balanceFen > 0 && !closed ? ' order__sum-value--due' : ''}`}>{formatFen(order.balanceFen)}</Text>
          </View>
        </View>
      </View>

      {(payable.length > 0 || order.stage === 'selecting' || order.stage === 'proofing' || order.selection?.confirmedAt) && (
        <View className="order__actions">
          {order.stage === 'selecting' && (
            <Button block type="primary" onClick={() => open(routes.photoSelection)}>
              {t('order.goSelect')}
            </Button>
          )}
          {order.stage === 'proofing' && (
            <Button block type="primary" onClick={() => open(routes.proofReview)}>
              {t('order.goProof')}
            </Button>
          )}
          {payable.map((option) => (
            <Button key={option.kind} block type={option.solid ? 'success' : 'default'} fill={option.solid ? 'solid' : 'outline'} onClick={() => pay(option.kind)}>
              {t(payLabelKeys[option.kind], { amount: formatFen(option.amountFen) })}
            </Button>
          ))}
          {order.selection?.confirmedAt && (
            <Button block fill="none" size="small" onClick={() => open(routes.photoSelection)}>
              {t('order.viewSelection', { count: order.selection.photoIds.length })}
            </Button>
          )}
        </View>
      )}

      {order.stage === 'completed' && <RateOrder orderId={order.id} />}

      {!closed && <OrderNotices orderId={order.id} timeZone={timeZone} />}

      <Card title={t('order.progress')}>
        <Timeline order={order} timeZone={timeZone} />
      </Card>

      <Card title={t('order.package')}>
        <Row label={t('order.packageName')} value={order.package.name} />
        {order.shootAt && <Row label={t('order.shootTime')} value={momentLabel(t, order.shootAt, timeZone)} />}
        {shoot && shootTeamFacts(t, shoot).map((fact) => <Row key={fact.label} label={fact.label} value={fact.value} />)}
        <Row label={t('order.retouched')} value={t('order.photoCount', { count: order.package.retouchedPhotos })} />
        <Row label={t('order.extraPhotoPrice')} value={t('order.perPhoto', { amount: formatFen(order.package.extraPhotoPriceFen) })} />
      </Card>

      {branch && (
        <Card title={t('branch.title')}>
          <BranchContact branch={branch} />
        </Card>
      )}

      <Card title={t('order.costs')}>
        <Row label={t('order.packagePrice')} value={formatFen(order.package.priceFen)} />
        {order.addOns.map((addOn) => (
          <Row key={addOn.id} label={addOnName(t, addOn)} value={formatFen(addOn.amountFen)} />
        ))}
        {order.discountFen > 0 && (
          <Row label={order.discountReason ? t('order.discountFor', { reason: order.discountReason }) : t('order.discount')} value={formatSignedFen(-order.discountFen)} />
        )}
        <Row label={t('order.total')} value={formatFen(order.totalFen)} strong />
        <Row label={t('order.paid')} value={formatFen(order.paidFen)} />
        <Row label={t('order.balance')} value={formatFen(order.balanceFen)} strong={order.balanceFen > 0 && !closed} />
        {order.stage === 'cancelled' && order.refundDueFen !== undefined && (
          <Row label={t('order.refundDue')} value={t('order.refundedOf', { refunded: formatFen(order.refundedFen), due: formatFen(order.refundDueFen) })} muted />
        )}
      </Card>

      <Card title={t('order.payments')}>
        {payments.length === 0 ? (
          <Text className="order__empty">{t('order.noPayments')}</Text>
        ) : (
          [...payments].sort((a, b) => a.at.localeCompare(b.at)).map((payment) => <PaymentRow key={payment.id} payment={payment} timeZone={timeZone} />)
        )}
      </Card>
    </View>
  )
}
