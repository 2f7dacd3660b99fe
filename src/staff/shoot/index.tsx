import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Phone } from '@nutui/icons-react-taro'
import { getOrder, getWorkOrder } from '../../../types/order-operations'
import { getShoot, markShot } from '../../../types/shoot-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormMessage } from '../../components/FormField'
import { Forbidden } from '../../components/Forbidden'
import { OrderStageBadge } from '../../components/OrderStageBadge'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { usePageTitle } from '../../hooks/usePageTitle'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useQuery } from '../../hooks/useQuery'
import { useStaffPage } from '../../hooks/useStaffPage'
import { useSubmit } from '../../hooks/useSubmit'
import { useI18n } from '../../i18n'
import { canUse } from '../../lib/access'
import { shootTeamFacts } from '../../lib/booking-labels'
import { dayLabel } from '../../lib/date-labels'
import { callPhone } from '../../lib/phone'
import { routes } from '../../lib/routes'
import { studioMoment } from '../../lib/studio-time'
import './index.scss'

/**
 * One shoot for the photographer or makeup artist working it: who comes (tap the phone to call),
 * the package, room and team, the order's and the booking's notes, and — for the photographer and
 * the manager, from the shoot's day on — the step that marks it shot (已拍摄), confirmed first. Its
 * order opens with the money for a manager and as the work, without any amount, for the crew.
 */
export default function ShootPage() {
  const { t } = useI18n()
  usePageTitle('shoot.title')
  const appointmentId = useRouter().params.id ?? ''
  const { session, allowed } = useStaffPage(getShoot.access)
  const shoot = useQuery(() => call(getShoot, { appointmentId }), [appointmentId], allowed && appointmentId !== '')
  // One tap at a time: a double tap on 标记已拍摄 asks once and moves the order once.
  const step = useSubmit()
  usePullDownRefresh(shoot)

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (shoot.error !== undefined && !shoot.data) return <ErrorState error={shoot.error} onRetry={shoot.reload} />
  if (!shoot.data) return <LoadingState />
  const { appointment, customerPhone, order, timeZone, date, dayReached } = shoot.data
  const starts = studioMoment(appointment.startsAt, timeZone)
  const ends = studioMoment(appointment.endsAt, timeZone)
  const booked = appointment.status === 'confirmed' || appointment.status === 'done'
  const mayMark = canUse(session.principal, markShot.access) && booked && order.stage === 'confirmed'

  const mark = () =>
    step.run('shot', async () => {
      const answer = await Taro.showModal({
        title: t('shoot.confirmTitle'),
        content: t('shoot.confirmText', { customer: appointment.customerName }),
        confirmText: t('shoot.confirmOk'),
        cancelText: t('shoot.keep'),
        confirmColor: '#a8385a',
      })
      if (!answer.confirm) return
      await call(markShot, { appointmentId })
      Taro.showToast({ title: t('shoot.marked'), icon: 'success' })
      await shoot.reload()
    }, () => shoot.reload())

  return (
    <View className="screen shoot">
      <View className="shoot__hero">
        <View className="shoot__line">
          <Text className="shoot__customer">{appointment.customerName}</Text>
          <OrderStageBadge stage={order.stage} />
        </View>
        <Text className="shoot__time">
          {dayLabel(t, date)} {starts.time}–{ends.time}
        </Text>
        <Text className="shoot__package">{appointment.packageName}</Text>
        {customerPhone ? (
          <View className="shoot__call" onClick={() => callPhone(customerPhone)}>
            <Phone size={16} />
            <Text>{t('shoot.call', { phone: customerPhone })}</Text>
          </View>
        ) : (
          <Text className="shoot__muted">{t('shoot.noPhone')}</Text>
        )}
      </View>

      <Card title={t('shoot.team')}>
        {shootTeamFacts(t, appointment).map((fact) => (
          <View key={fact.label} className="shoot__fact">
            <Text className="shoot__fact-label">{fact.label}</Text>
            <Text className="shoot__fact-value">{fact.value}</Text>
          </View>
        ))}
      </Card>

      <Card title={t('shoot.notesTitle')}>
        <Text className="shoot__label">{t('shoot.orderNotes')}</Text>
        <Text className={order.notes ? 'shoot__notes' : 'shoot__muted'}>{order.notes ?? t('shoot.noNotes')}</Text>
        <Text className="shoot__label">{t('shoot.appointmentNotes')}</Text>
        <Text className={appointment.notes ? 'shoot__notes' : 'shoot__muted'}>{appointment.notes ?? t('shoot.noNotes')}</Text>
      </Card>

      <View className="shoot__actions">
        {!booked && <Text className="shoot__muted">{t('shoot.ended', { status: t(`appointment.status.${appointment.status}`) })}</Text>}
        {booked && order.stage === 'shot' && <Text className="shoot__done">{t('shoot.done')}</Text>}
        {mayMark && !dayReached && <Text className="shoot__muted">{t('shoot.notYet', { day: dayLabel(t, date) })}</Text>}
        {mayMark && (
          <Button type="primary" block disabled={!dayReached || step.saving} loading={step.busy === 'shot'} onClick={() => void mark()}>
            {t('shoot.markShot')}
          </Button>
        )}
        <FormMessage message={step.message} />
        {(canUse(session.principal, getOrder.access) || canUse(session.principal, getWorkOrder.access)) && (
          <Button fill="outline" type="primary" block onClick={() => Taro.navigateTo({ url: `${routes.deskOrder}?id=${order.id}` })}>
            {t('shoot.openOrder')}
          </Button>
        )}
      </View>
    </View>
  )
}
