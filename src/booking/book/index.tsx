import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { Slot } from '../../../types/booking'
import { book, getBookingPolicy, rescheduleBooking } from '../../../types/booking-operations'
import { myAppointments } from '../../../types/scheduling-operations'
import { getPackage } from '../../../types/catalog-operations'
import { asApiError, call } from '../../api'
import { dayLabel } from '../../lib/date-labels'
import { Card } from '../../components/Card'
import { FormMessage } from '../../components/FormField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Switch, TextArea } from '../../components/ui'
import { useNow } from '../../hooks/useNow'
import { useSubmit } from '../../hooks/useSubmit'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useRequiredSession } from '../../hooks/useRequiredSession'
import { useI18n, type MessageKey } from '../../i18n'
import { formatFen } from '../../lib/money'
import { routes } from '../../lib/routes'
import { studioMoment } from '../../lib/studio-time'
import { SlotCalendar } from '../SlotCalendar'
import './index.scss'

const reminderTemplate = process.env.TARO_APP_REMINDER_TEMPLATE_ID

/** WeChat only sends a subscription message the customer allowed by a tap, so the switch asks WeChat when there is a template. */
async function allowReminder(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || !reminderTemplate) return true
  try {
    // Taro's typing wants Alipay's entityIds as well; WeChat ignores it. A refusal rejects, so an answer is the success result.
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: [reminderTemplate], entityIds: [] })) as Taro.requestSubscribeMessage.SuccessCallbackResult
    return answer[reminderTemplate] === 'accept'
  } catch {
    return false
  }
}

/**
 * Choosing a time for a package: a customer booking for themselves, reception booking for a
 * customer (`desk=1&customerId=…`, with `orderId=…` for the shoot of an order already paid), or either
 * moving an existing booking (`appointmentId=…`).
 */
export default function BookPage() {
  const { t } = useI18n()
  const params = useRouter().params
  const packageId = params.packageId ?? ''
  const branchId = params.branchId ?? ''
  const desk = params.desk === '1'
  const appointmentId = params.appointmentId
  const customerId = params.customerId
  const customerName = params.customerName ? decodeURIComponent(params.customerName) : undefined
  /** The shoot of an order the desk sold and took the deposit for (`orderId=…`): booked on that order, confirmed at once. */
  const orderId = desk ? params.orderId : undefined
  usePageTitle(appointmentId ? 'booking.rescheduleTitle' : 'booking.title')
  const session = useRequiredSession(desk ? 'staff' : 'customer')
  const signedIn = session !== null
  const pkg = useQuery(() => call(getPackage, { packageId }), [packageId], signedIn)
  const policy = useQuery(() => call(getBookingPolicy, {}), [], signedIn)
  // Moving a booking: the time it has now, for the customer to compare with.
  const current = useQuery(
    async () => (await call(myAppointments, {})).items.find((item) => item.id === appointmentId) ?? null,
    [appointmentId],
    signedIn && appointmentId !== undefined && !desk,
  )
  const now = useNow(signedIn, 60_000)
  const [slot, setSlot] = useState<Slot>()
  const [pending, setPending] = useState<string>()
  const [photographerId, setPhotographerId] = useState<string>()
  const [notes, setNotes] = useState('')
  const [remind, setRemind] = useState(false)
  const [refresh, setRefresh] = useState(0)
  const [refused, setRefused] = useState<{ message: MessageKey; nextFreeTimes: string[] }>()
  const feedback = useSubmit()

  if (!session) return null
  const failure = pkg.error ?? policy.error
  if (failure !== undefined) return <ErrorState error={failure} onRetry={pkg.error !== undefined ? pkg.reload : policy.reload} />
  if (!pkg.data || !policy.data) return <LoadingState />
  const item = pkg.data
  const { timeZone } = policy.data

  const choose = (next: Slot | undefined) => {
    setSlot(next)
    setPending(undefined)
    if (!next?.photographers.some((person) => person.id === photographerId)) setPhotographerId(undefined)
  }

  const toggleReminder = async (on: boolean) => setRemind(on && (await allowReminder()))

  const submit = async () => {
    if (!slot) return
    setRefused(undefined)
    await feedback.submit(async () => {
      try {
        if (appointmentId) {
          await call(rescheduleBooking, { appointmentId, startsAt: slot.startsAt, photographerId })
          await Taro.navigateBack()
          Taro.showToast({ title: t('booking.rescheduled'), icon: 'success' })
          return
        }
        const appointment = await call(book, {
          packageId,
          branchId,
          startsAt: slot.startsAt,
          photographerId,
          customerId: desk ? customerId : undefined,
          orderId,
          notes: notes.trim() || undefined,
          remindCustomer: remind,
        })
        if (orderId) {
          // Back to the order it was booked for, which shows the shoot.
          await Taro.navigateBack()
          Taro.showToast({ title: t('booking.shootBooked'), icon: 'success' })
          return
        }
        const deskParams = desk ? `&desk=1&branchId=${branchId}&date=${slot.date}` : ''
        await Taro.redirectTo({ url: `${routes.bookingHeld}?id=${appointment.id}${deskParams}` })
      } catch (failed) {
        // A time taken meanwhile is no mistake in the form: the calendar refreshes and offers the next free times.
        const error = asApiError(failed)
        if (error.code === 'SLOT_TAKEN') {
          setRefused({ message: 'error.SLOT_TAKEN', nextFreeTimes: error.nextFreeTimes })
          setRefresh((count) => count + 1)
          return
        }
        if (error.code === 'VALIDATION_FAILED' && error.fields.some((field) => field.path === 'startsAt')) {
          setRefused({ message: 'booking.timeGone', nextFreeTimes: [] })
          setRefresh((count) => count + 1)
          return
        }
        throw error
      }
    })
  }

  const currentAt = current.data ? studioMoment(current.data.startsAt, timeZone) : undefined
  // A time closer than the studio's change window cannot be moved or cancelled here once booked: said before confirming.
  const insideChangeWindow = slot !== undefined && Date.parse(slot.startsAt) - now < policy.data.changeCutoffHours * 3_600_000
  // Only a new booking is held awaiting its deposit; a booking being moved, or a shoot of an order already paid, is not.
  const heldForDeposit = !appointmentId && !orderId
  const surcharge = slot?.photographers.find((person) => person.id === photographerId)?.surchargeFen ?? 0

  return (
    <View className="screen book">
      <Card>
        <View className="book__package">
          <Text className="book__package-name">{item.name}</Text>
          <Text className="book__package-meta">
            {t('package.minutes', { minutes: item.shootMinutes })} · {t('package.depositOf', { amount: formatFen(item.depositFen) })}
          </Text>
          {desk && customerName && <Text className="book__customer">{t('booking.forCustomer', { name: customerName })}</Text>}
        </View>
      </Card>

      {currentAt && (
        <Card>
          <View className="book__current">
            <Text className="book__current-label">{t('booking.currentTime')}</Text>
            <Text className="book__current-value">{`${dayLabel(t, currentAt.date)} ${currentAt.time}`}</Text>
          </View>
        </Card>
      )}

      {refused && (
        <View className="book__taken">
          <Text className="book__taken-title">{t(refused.message)}</Text>
          {refused.nextFreeTimes.length > 0 && (
            <View>
              <Text className="book__taken-hint">{t('booking.nextFreeTimes')}</Text>
              <View className="book__suggestions">
                {refused.nextFreeTimes.map((startsAt) => {
                  const moment = studioMoment(startsAt, timeZone)
                  return (
                    <Text key={startsAt} className="book__suggestion" onClick={() => setPending(startsAt)}>
                      {`${dayLabel(t, moment.date)} ${moment.time}`}
                    </Text>
                  )
                })}
              </View>
            </View>
          )}
        </View>
      )}

      <Card title={t('booking.chooseTime')}>
        <SlotCalendar
          packageId={packageId}
          branchId={branchId}
          timeZone={timeZone}
          horizonDays={policy.data.horizonDays}
          value={pending ?? slot?.startsAt}
          onChange={choose}
          refresh={refresh}
        />
      </Card>

      {slot && (
        <Card title={t('booking.photographer')}>
          {[{ id: undefined, name: t('booking.anyPhotographer'), surchargeFen: 0 }, ...slot.photographers].map((person) => (
            <View
              key={person.id ?? 'any'}
              className={`book__option${person.id === photographerId ? ' book__option--selected' : ''}`}
              onClick={() => setPhotographerId(person.id)}
            >
              <View className="book__radio" />
              <Text className="book__option-name">{person.name}</Text>
              <Text className="book__option-extra">
                {person.id === undefined ? t('booking.assignedForYou') : person.surchargeFen > 0 ? `+${formatFen(person.surchargeFen)}` : t('booking.noSurcharge')}
              </Text>
            </View>
          ))}
        </Card>
      )}

      {!appointmentId && (
        <Card title={t('booking.notes')}>
          <TextArea value={notes} onChange={setNotes} maxLength={500} placeholder={t('booking.notesPlaceholder')} className="book__notes" />
          {!desk && (
            <View className="book__reminder">
              {/* The words are part of the switch: tapping them turns it on or off too. */}
              <View className="book__reminder-text" onClick={() => void toggleReminder(!remind)}>
                <Text>{t('booking.remind')}</Text>
                <Text className="book__reminder-hint">{t('booking.remindHint')}</Text>
              </View>
              <Switch checked={remind} onChange={(on) => void toggleReminder(on)} />
            </View>
          )}
        </Card>
      )}

      {heldForDeposit && <Text className="book__policy">{t('booking.holdNote', { minutes: policy.data.holdMinutes })}</Text>}
      <Text className="book__policy">{t('booking.cutoffNote', { hours: policy.data.changeCutoffHours })}</Text>
      {insideChangeWindow && <Text className="book__window">{t('booking.insideChangeWindow', { hours: policy.data.changeCutoffHours })}</Text>}
      <FormMessage message={feedback.message} />

      <View className="book__bar">
        <View className="book__chosen">
          <Text className="book__chosen-label">{slot ? `${dayLabel(t, slot.date)} ${slot.time}` : t('booking.noTimeChosen')}</Text>
          {surcharge > 0 && <Text className="book__chosen-extra">{t('booking.surcharge', { amount: formatFen(surcharge) })}</Text>}
        </View>
        <Button type="primary" disabled={!slot} loading={feedback.saving} onClick={submit}>
          {appointmentId ? t('booking.confirmReschedule') : t('booking.submit')}
        </Button>
      </View>
    </View>
  )
}
