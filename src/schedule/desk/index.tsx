import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { Appointment } from '../../../types/booking'
import { book, branchDay, getBookingPolicy, listRooms } from '../../../types/booking-operations'
import { recordOfflinePayment } from '../../../types/order-operations'
import { listStaff } from '../../../types/operations'
import { canUse, staffAccess } from '../../lib/access'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useI18n } from '../../i18n'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { studioToday } from '../../lib/studio-time'
import { AppointmentRow } from '../AppointmentRow'
import { BranchPicker } from '../BranchPicker'
import { DateSwitcher } from '../DateSwitcher'
import { useBranch } from '../useBranch'
import '../schedule.scss'

/** The front desk's day: every booking of the branch, room by room, with the deposit to confirm on held ones. */
export default function BranchDayPage() {
  const { t } = useI18n()
  usePageTitle('tile.bookings')
  const params = useRouter().params
  const { session, allowed } = useStaffPage(staffAccess(book.access))
  const { branchId, setBranchId, branches } = useBranch(session, params.branchId, allowed)
  const policy = useQuery(() => call(getBookingPolicy, {}), [], allowed)
  const [date, setDate] = useState(params.date)
  const today = policy.data ? studioToday(policy.data.timeZone) : undefined
  const day = date ?? today
  const bookings = useQuery(() => call(branchDay, { branchId: branchId ?? '', date: day ?? '' }), [branchId, day], allowed && !!branchId && !!day)
  const rooms = useQuery(() => call(listRooms, { branchId: branchId ?? '' }), [branchId], allowed && !!branchId)
  const mayListStaff = canUse(session?.principal, listStaff.access)
  const staff = useQuery(() => call(listStaff, { branchId }), [branchId], allowed && mayListStaff && !!branchId)

  usePullDownRefresh(bookings, rooms, staff)
  // Back from booking for a customer, the day shows the new booking.
  useShownAgain(() => {
    if (allowed && branchId && day) void bookings.reload()
  })

  if (!session) return null
  if (!allowed) return <Forbidden />
  const failure = policy.error ?? bookings.error ?? rooms.error
  // The deposit is taken as a payment on the booking's order.
  const mayTakeDeposit = canUse(session.principal, recordOfflinePayment.access)
  const staffName = (id?: string) => (id ? staff.data?.items.find((member) => member.id === id)?.displayName : undefined)

  const takeDeposit = (item: Pick<Appointment, 'orderId'>) => Taro.navigateTo({ url: `${routes.deskOrder}?id=${item.orderId}` })

  const items = (bookings.data?.items ?? []).filter((item) => item.status !== 'expired').sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  const roomList = rooms.data?.items ?? []
  const groups = [
    ...roomList.filter((room) => room.active || items.some((item) => item.roomId === room.id)).map((room) => ({ key: room.id, title: room.name, items: items.filter((item) => item.roomId === room.id) })),
    { key: 'none', title: t('desk.noRoom'), items: items.filter((item) => !item.roomId || !roomList.some((room) => room.id === item.roomId)) },
  ].filter((group) => group.key !== 'none' || group.items.length > 0)

  const bookForCustomer = () => Taro.navigateTo({ url: `${routes.bookForCustomer}?branchId=${branchId}` })

  return (
    <View className="screen">
      <View className="schedule-toolbar">
        <BranchPicker branches={branches} branchId={branchId} onChange={setBranchId} />
        <Button type="primary" size="small" onClick={bookForCustomer}>
          {t('desk.bookForCustomer')}
        </Button>
      </View>
      {day && today && <DateSwitcher date={day} step={1} onChange={setDate} onToday={() => setDate(today)} />}
      {failure !== undefined && <ErrorState error={failure} onRetry={() => void (policy.reload(), bookings.reload(), rooms.reload())} />}
      {failure === undefined && (!bookings.data || !rooms.data || bookings.loading) && <LoadingState />}
      {failure === undefined && bookings.data && rooms.data && !bookings.loading && (
        <View>
          <Text className="schedule-note">{t('desk.summary', { count: items.filter((item) => item.status !== 'cancelled').length })}</Text>
          {groups.length === 0 && <Text className="schedule-note">{t('desk.noRooms')}</Text>}
          {groups.map((group) => (
            <Card key={group.key} title={group.title}>
              {group.items.length === 0 && <Text className="schedule-note">{t('schedule.nothingBooked')}</Text>}
              {group.items.map((item) => {
                const photographer = item.photographerName ?? staffName(item.photographerId)
                const makeup = item.makeupArtistName ?? staffName(item.makeupArtistId)
                const details = [
                  photographer && t('desk.photographer', { name: photographer }),
                  makeup && t('desk.makeup', { name: makeup }),
                ].filter((detail): detail is string => Boolean(detail))
                return (
                  <AppointmentRow key={item.id} item={item} timeZone={bookings.data?.timeZone ?? ''} details={details}>
                    {mayTakeDeposit && item.status === 'held' && (
                      <View className="schedule-row-actions">
                        <Button size="small" type="primary" onClick={() => takeDeposit(item)}>
                          {t('desk.confirmDeposit')}
                        </Button>
                      </View>
                    )}
                  </AppointmentRow>
                )
              })}
            </Card>
          ))}
        </View>
      )}
    </View>
  )
}
