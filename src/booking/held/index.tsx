import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Clock, Success } from '@nutui/icons-react-taro'
import { branchDay, getBookingPolicy, myAppointments } from '../../../types/booking-operations'
import { getPackage } from '../../../types/catalog-operations'
import { getOrder, recordOfflinePayment } from '../../../types/order-operations'
import { getMyProfile } from '../../../types/operations'
import { canUse } from '../../lib/access'
import { call } from '../../api'
import { shootTeamFacts } from '../../lib/booking-labels'
import { dayLabel } from '../../lib/date-labels'
import { AppointmentStatus } from '../../components/AppointmentStatus'
import { BranchContact } from '../../components/BranchContact'
import { Card } from '../../components/Card'
import { FormMessage } from '../../components/FormField'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useBranches } from '../../hooks/useBranches'
import { useFormFeedback } from '../../hooks/useFormFeedback'
import { useNow } from '../../hooks/useNow'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useRequiredSession } from '../../hooks/useRequiredSession'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useI18n } from '../../i18n'
import { formatFen } from '../../lib/money'
import { routes } from '../../lib/routes'
import { countdown, studioMoment } from '../../lib/studio-time'
import { PhoneAsk } from './PhoneAsk'
import './index.scss'

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="held__fact">
      <Text className="held__fact-label">{label}</Text>
      <Text className="held__fact-value">{value}</Text>
    </View>
  )
}

/**
 * Right after booking: the time is held until the deposit is paid. Customers read their booking
 * from their own list; the desk (`desk=1&branchId&date`) from the branch's day, and may record the deposit.
 */
export default function HeldPage() {
  const { t } = useI18n()
  usePageTitle('held.title')
  const params = useRouter().params
  const appointmentId = params.id ?? ''
  const desk = params.desk === '1'
  const session = useRequiredSession(desk ? 'staff' : 'customer')
  const signedIn = session !== null
  const appointment = useQuery(
    async () => {
      const { items } = desk ? await call(branchDay, { branchId: params.branchId ?? '', date: params.date ?? '' }) : await call(myAppointments, {})
      return items.find((item) => item.id === appointmentId) ?? null
    },
    [appointmentId],
    signedIn,
  )
  const packageId = appointment.data?.packageId
  const pkg = useQuery(() => call(getPackage, { packageId: packageId ?? '' }), [packageId], packageId !== undefined)
  const policy = useQuery(() => call(getBookingPolicy, {}), [], signedIn)
  // The customer pays the deposit the order asks for (the package's, or less when discounted).
  const orderId = desk ? undefined : appointment.data?.orderId
  const order = useQuery(() => call(getOrder, { orderId: orderId ?? '' }), [orderId], orderId !== undefined)
  const held = appointment.data?.status === 'held'
  const now = useNow(held)
  const feedback = useFormFeedback()
  const branches = useBranches(signedIn)
  const profile = useQuery(() => call(getMyProfile, {}), [], signedIn && !desk)

  usePullDownRefresh(appointment, order)
  // Back from the pay step: the booking shows as confirmed once the deposit is in.
  useShownAgain(() => {
    if (!signedIn) return
    void appointment.reload()
    if (orderId) void order.reload()
  })

  if (!session) return null
  if (appointment.error !== undefined) return <ErrorState error={appointment.error} onRetry={appointment.reload} />
  if (appointment.data === undefined || !policy.data) return <LoadingState />
  const item = appointment.data
  if (item === null) return <EmptyState title={t('error.NOT_FOUND')} />

  const left = item.holdExpiresAt ? countdown(item.holdExpiresAt, now) : undefined
  const expired = item.status === 'expired' || (held && left === undefined)
  const moment = studioMoment(item.startsAt, policy.data.timeZone)
  const ends = studioMoment(item.endsAt, policy.data.timeZone)
  const depositFen = order.data?.order.stage === 'pending_deposit' ? Math.min(order.data.order.depositFen, order.data.order.balanceFen) : pkg.data?.depositFen
  const deposit = depositFen !== undefined ? formatFen(depositFen) : ''
  const mayPay = !desk && held && !expired && order.data?.order.stage === 'pending_deposit'
  // At the desk the deposit is taken as a payment on the order; the booking confirms with it.
  const mayTakeDeposit = desk && canUse(session.principal, recordOfflinePayment.access)
  const branch = branches.branch(item.branchId)

  return (
    <View className="screen held">
      <View className={`held__hero${expired ? ' held__hero--expired' : ''}`}>
        <View className="held__icon">{item.status === 'confirmed' ? <Success size={30} /> : <Clock size={30} />}</View>
        <Text className="held__title">
          {item.status === 'confirmed' ? t('held.confirmedTitle') : expired ? t('held.expiredTitle') : t('held.heldTitle')}
        </Text>
        {held && left && <Text className="held__countdown">{t('held.payWithin', { time: left })}</Text>}
        {expired && <Text className="held__lead">{t('held.expiredText')}</Text>}
        {item.status === 'confirmed' && !desk && <Text className="held__lead">{t('held.confirmedText')}</Text>}
      </View>

      <Card title={t('held.details')} extra={<AppointmentStatus status={expired ? 'expired' : item.status} />}>
        <Fact label={t('held.package')} value={item.packageName} />
        <Fact label={t('held.time')} value={`${dayLabel(t, moment.date)} ${moment.time}–${ends.time}`} />
        {desk && <Fact label={t('held.customer')} value={item.customerName} />}
        {shootTeamFacts(t, item).map((fact) => (
          <Fact key={fact.label} label={fact.label} value={fact.value} />
        ))}
        {item.notes && <Fact label={t('booking.notes')} value={item.notes} />}
        {item.remindCustomer && <Fact label={t('booking.remind')} value={t('held.reminderOn')} />}
      </Card>

      {held && !expired && (
        <Card title={t('held.nextSteps')}>
          <View className="held__step held__step--done">
            <Text className="held__step-index">1</Text>
            <Text>{t('held.stepTime')}</Text>
          </View>
          <View className="held__step held__step--current">
            <Text className="held__step-index">2</Text>
            <View className="held__step-body">
              <Text>{deposit ? t('held.stepDepositAmount', { amount: deposit }) : t('held.stepDeposit')}</Text>
              <Text className="held__step-hint">{desk ? t('held.deskDepositHint') : t('held.depositHint')}</Text>
            </View>
          </View>
          <View className="held__step">
            <Text className="held__step-index">3</Text>
            <Text>{t('held.stepShoot')}</Text>
          </View>
        </Card>
      )}

      {!desk && profile.data && !profile.data.phone && <PhoneAsk onSaved={() => void profile.reload()} />}

      {branch && !desk && (
        <Card title={t('branch.title')}>
          <BranchContact branch={branch} />
        </Card>
      )}

      <View className="actions">
        <FormMessage message={feedback.message} />
        {mayPay && (
          <Button block type="success" onClick={() => Taro.navigateTo({ url: `${routes.orderPay}?orderId=${item.orderId}&kind=deposit` })}>
            {t('held.payDeposit', { amount: deposit })}
          </Button>
        )}
        {item.status === 'confirmed' && !desk && (
          <Button block type="primary" onClick={() => Taro.navigateTo({ url: `${routes.orderDetail}?id=${item.orderId}` })}>
            {t('held.viewOrder')}
          </Button>
        )}
        {mayTakeDeposit && held && !expired && (
          <Button block type="primary" onClick={() => Taro.navigateTo({ url: `${routes.deskOrder}?id=${item.orderId}` })}>
            {t('held.recordDeposit')}
          </Button>
        )}
        {desk ? (
          <Button block fill="outline" onClick={() => Taro.redirectTo({ url: `${routes.branchDay}?branchId=${item.branchId}&date=${moment.date}` })}>
            {t('held.toBranchDay')}
          </Button>
        ) : (
          <Button block fill="outline" onClick={() => Taro.redirectTo({ url: routes.myAppointments })}>
            {t('held.toMyAppointments')}
          </Button>
        )}
        {expired && (
          <Button block type="primary" onClick={() => Taro.redirectTo({ url: `${routes.book}?packageId=${item.packageId}&branchId=${item.branchId}` })}>
            {t('held.chooseAgain')}
          </Button>
        )}
      </View>
    </View>
  )
}
