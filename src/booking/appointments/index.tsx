import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Clock } from '@nutui/icons-react-taro'
import { useState } from 'react'
import type { Appointment, BookingPolicy } from '../../../types/booking'
import { cancelBooking, getBookingPolicy, myAppointments } from '../../../types/booking-operations'
import { getPackage } from '../../../types/catalog-operations'
import { call } from '../../api'
import { shootTeamFacts } from '../../lib/booking-labels'
import { dayLabel } from '../../lib/date-labels'
import { AppointmentStatus } from '../../components/AppointmentStatus'
import { BranchContact } from '../../components/BranchContact'
import { FormMessage } from '../../components/FormField'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { useBranches } from '../../hooks/useBranches'
import { useSubmit } from '../../hooks/useSubmit'
import { useNow } from '../../hooks/useNow'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useRequiredSession } from '../../hooks/useRequiredSession'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useI18n } from '../../i18n'
import { formatFen } from '../../lib/money'
import { tierNow } from '../../lib/refund'
import { routes } from '../../lib/routes'
import { countdown, studioMoment } from '../../lib/studio-time'
import './index.scss'

const active = (item: Appointment) => item.status === 'held' || item.status === 'confirmed'

/** Coming shoots first, soonest first; then everything past, cancelled or expired, latest first. */
function ordered(items: Appointment[], now: number): Appointment[] {
  const coming = items.filter((item) => active(item) && Date.parse(item.endsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  const rest = items.filter((item) => !coming.includes(item)).sort((a, b) => b.startsAt.localeCompare(a.startsAt))
  return [...coming, ...rest]
}

function CancelPanel({ item, policy, onDone, onClose }: { item: Appointment; policy: BookingPolicy; onDone: () => void; onClose: () => void }) {
  const { t } = useI18n()
  const pkg = useQuery(() => call(getPackage, { packageId: item.packageId }), [item.packageId])
  const feedback = useSubmit()
  const now = Date.now()
  // A booking that was moved is refunded as from the earliest time it held, as the server decides.
  const refundFrom = item.earliestStartsAt ?? item.startsAt
  const tier = tierNow(policy, refundFrom, now)
  const movedFrom = refundFrom !== item.startsAt ? studioMoment(refundFrom, policy.timeZone) : undefined
  const percent = tier?.percent ?? 0
  const paid = item.status === 'confirmed'

  const cancel = () =>
    feedback.submit(async () => {
      await call(cancelBooking, { appointmentId: item.id })
      Taro.showToast({ title: t('appointments.cancelled'), icon: 'success' })
      onDone()
    })

  return (
    <View className="appointments__panel">
      <Text className="appointments__panel-title">{t('appointments.refundPolicy')}</Text>
      {[...policy.refundTiers]
        .sort((a, b) => b.minDaysBefore - a.minDaysBefore)
        .map((candidate) => (
          <View key={candidate.minDaysBefore} className={`appointments__tier${candidate === tier ? ' appointments__tier--now' : ''}`}>
            <Text>{candidate.minDaysBefore > 0 ? t('appointments.tierDays', { days: candidate.minDaysBefore }) : t('appointments.tierAny')}</Text>
            <Text>{t('appointments.tierPercent', { percent: candidate.percent })}</Text>
          </View>
        ))}
      <Text className="appointments__refund">
        {paid
          ? pkg.data
            ? t('appointments.refundNow', { percent, amount: formatFen(Math.round((pkg.data.depositFen * percent) / 100)) })
            : t('appointments.refundNowPercent', { percent })
          : t('appointments.nothingPaid')}
      </Text>
      {paid && movedFrom && <Text className="appointments__refund-note">{t('appointments.refundFromEarliest', { time: `${dayLabel(t, movedFrom.date)} ${movedFrom.time}` })}</Text>}
      <FormMessage message={feedback.message} />
      <View className="appointments__buttons">
        <Button size="small" fill="outline" disabled={feedback.saving} onClick={onClose}>
          {t('appointments.keep')}
        </Button>
        <Button size="small" type="primary" loading={feedback.saving} onClick={cancel}>
          {t('appointments.confirmCancel')}
        </Button>
      </View>
    </View>
  )
}

export default function MyAppointmentsPage() {
  const { t } = useI18n()
  usePageTitle('appointments.title')
  const session = useRequiredSession('customer')
  const signedIn = session !== null
  const list = useQuery(() => call(myAppointments, {}), [], signedIn)
  const policy = useQuery(() => call(getBookingPolicy, {}), [], signedIn)
  const branches = useBranches(signedIn)
  const [cancelling, setCancelling] = useState<string>()
  const now = useNow(list.data?.items.some((item) => item.status === 'held') ?? false)

  // Back from rescheduling, the list shows the new time.
  usePullDownRefresh(list)
  useShownAgain(() => {
    if (signedIn) void list.reload()
  })

  if (!session) return null
  const failure = list.error ?? policy.error
  if (failure !== undefined) return <ErrorState error={failure} onRetry={list.error !== undefined ? list.reload : policy.reload} />
  if (!list.data || !policy.data) return <LoadingState />
  const rules = policy.data
  const items = ordered(list.data.items, now)

  if (items.length === 0) {
    return (
      <View className="screen">
        <EmptyState
          icon={<Clock size={28} />}
          title={t('appointments.empty')}
          description={t('appointments.emptyHint')}
          action={{ label: t('orders.browsePackages'), onClick: () => Taro.switchTab({ url: routes.home }) }}
        />
      </View>
    )
  }

  return (
    <View className="screen appointments">
      <Text className="appointments__policy">{t('appointments.policyLine', { hours: rules.changeCutoffHours })}</Text>
      {items.map((item) => {
        const moment = studioMoment(item.startsAt, rules.timeZone)
        const ends = studioMoment(item.endsAt, rules.timeZone)
        const left = item.status === 'held' && item.holdExpiresAt ? countdown(item.holdExpiresAt, now) : undefined
        const status = item.status === 'held' && !left ? 'expired' : item.status
        const coming = (status === 'held' || status === 'confirmed') && Date.parse(item.endsAt) > now
        const changeable = coming && now <= Date.parse(item.startsAt) - rules.changeCutoffHours * 3_600_000
        const branch = branches.branch(item.branchId)
        return (
          <View key={item.id} className="appointments__item">
            <View className="appointments__line">
              <Text className="appointments__name">{item.packageName}</Text>
              <AppointmentStatus status={status} />
            </View>
            <Text className="appointments__time">{`${dayLabel(t, moment.date)} ${moment.time}–${ends.time}`}</Text>
            {coming && (
              <Text className="appointments__meta">
                {shootTeamFacts(t, item)
                  .map((fact) => `${fact.label} ${fact.value}`)
                  .join(' · ')}
              </Text>
            )}
            {left && <Text className="appointments__hold">{t('held.payWithin', { time: left })}</Text>}
            {item.cancellation && item.cancellation.refundDueFen > 0 && (
              <Text className="appointments__meta">{t('appointments.refundDue', { amount: formatFen(item.cancellation.refundDueFen) })}</Text>
            )}
            {coming && !changeable && <Text className="appointments__meta">{t('appointments.pastCutoff', { hours: rules.changeCutoffHours })}</Text>}
            {coming && branch && <BranchContact branch={branch} />}
            {changeable && cancelling !== item.id && (
              <View className="appointments__buttons">
                <Button size="small" fill="outline" onClick={() => setCancelling(item.id)}>
                  {t('appointments.cancel')}
                </Button>
                <Button
                  size="small"
                  type="primary"
                  fill="outline"
                  onClick={() => Taro.navigateTo({ url: `${routes.book}?packageId=${item.packageId}&branchId=${item.branchId}&appointmentId=${item.id}` })}
                >
                  {t('appointments.reschedule')}
                </Button>
              </View>
            )}
            {changeable && cancelling === item.id && (
              <CancelPanel
                item={item}
                policy={rules}
                onClose={() => setCancelling(undefined)}
                onDone={() => {
                  setCancelling(undefined)
                  void list.reload()
                }}
              />
            )}
          </View>
        )
      })}
    </View>
  )
}
