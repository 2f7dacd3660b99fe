import { Picker, View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { StaffSchedule } from '../../../types/booking'
import { getBookingPolicy, getBranchSchedule, getStaffSchedule, saveStaffSchedule } from '../../../types/booking-operations'
import { getStaff, listStaff } from '../../../types/operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { DateField } from '../../components/DateField'
import { FormField } from '../../components/FormField'
import { SaveActions } from '../../components/SaveActions'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Input, Switch } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useDraft } from '../../hooks/useDraft'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { parseYuan, yuanText } from '../../lib/money'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { RoleTags } from '../../components/RoleTags'
import { useStaffPage } from '../../hooks/useStaffPage'
import { studioInstant } from '../../lib/studio-time'
import { WeeklyHoursEditor } from '../WeeklyHoursEditor'
import '../schedule.scss'
import './index.scss'
import { dayTimeLabel } from '../../lib/date-labels'

function TimeField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <Picker mode="time" value={value} onChange={(event) => onChange(String(event.detail.value))}>
      <Text className="staff-schedule__time">{value}</Text>
    </Picker>
  )
}

/** Who can be booked: the photographers and makeup artists, each leading to their schedule. */
function BookableStaff() {
  const { t } = useI18n()
  const members = useQuery(() => call(listStaff, {}), [])
  usePullDownRefresh(members)
  if (members.error !== undefined) return <ErrorState error={members.error} onRetry={members.reload} />
  if (!members.data) return <LoadingState />
  const bookable = members.data.items.filter((member) => member.roles.some((role) => role === 'photographer' || role === 'makeup'))
  return (
    <View className="screen">
      {bookable.length === 0 && <EmptyState title={t('staffSchedule.none')} />}
      {bookable.map((member) => (
        <View key={member.id} className="staff-schedule__member" onClick={() => Taro.navigateTo({ url: `${routes.staffSchedule}?id=${member.id}` })}>
          <Text className="staff-schedule__name">{member.displayName}</Text>
          <RoleTags roles={member.roles.filter((role) => role === 'photographer' || role === 'makeup')} />
        </View>
      ))}
    </View>
  )
}

/** A photographer's or makeup artist's working hours, days off, leave and surcharge. */
export default function StaffSchedulePage() {
  const { t } = useI18n()
  usePageTitle('staffSchedule.title')
  const staffId = useRouter().params.id
  const { session, allowed } = useStaffPage(saveStaffSchedule.access)
  const open = allowed && staffId !== undefined
  const member = useQuery(() => call(getStaff, { staffId: staffId ?? '' }), [staffId], open)
  const policy = useQuery(() => call(getBookingPolicy, {}), [], open)
  const branchId = member.data?.branchId
  // Own hours start from the branch's, which the person then narrows.
  const branchHours = useQuery(() => call(getBranchSchedule, { branchId: branchId ?? '' }), [branchId], open && branchId !== undefined)
  const form = useDraft({
    load: () => call(getStaffSchedule, { staffId: staffId ?? '' }),
    deps: [staffId],
    enabled: open,
    // The surcharge is typed in yuan and sent in fen.
    draftOf: (saved: StaffSchedule) => ({ ...saved, surcharge: yuanText(saved.surchargeFen) }),
    save: ({ surcharge, ...draft }) => call(saveStaffSchedule, { ...draft, staffId: staffId ?? '', surchargeFen: parseYuan(surcharge || '0') ?? -1 }),
  })
  const { query: schedule, draft, setDraft } = form
  const [dayOff, setDayOff] = useState('')
  const [leave, setLeave] = useState({ fromDate: '', fromTime: '09:00', toDate: '', toTime: '18:00', reason: '' })

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (!staffId) return <BookableStaff />
  const failure = schedule.error ?? member.error ?? policy.error
  if (failure !== undefined) return <ErrorState error={failure} onRetry={schedule.reload} />
  if (!draft || !member.data || !policy.data) return <LoadingState />
  const { timeZone } = policy.data

  const addDayOff = () => {
    if (!dayOff || draft.daysOff.includes(dayOff)) return
    setDraft({ ...draft, daysOff: [...draft.daysOff, dayOff].sort() })
    setDayOff('')
  }

  const addLeave = () => {
    if (!leave.fromDate || !leave.toDate) return
    const entry = {
      startsAt: studioInstant(leave.fromDate, leave.fromTime, timeZone),
      endsAt: studioInstant(leave.toDate, leave.toTime, timeZone),
      reason: leave.reason.trim(),
    }
    setDraft({ ...draft, leave: [...draft.leave, entry].sort((a, b) => a.startsAt.localeCompare(b.startsAt)) })
    setLeave({ fromDate: '', fromTime: '09:00', toDate: '', toTime: '18:00', reason: '' })
  }

  const shown = (iso: string) => dayTimeLabel(t, iso, timeZone)

  return (
    <View className="screen staff-schedule">
      <View className="staff-schedule__head">
        <Text className="staff-schedule__name">{member.data.displayName}</Text>
        <RoleTags roles={member.data.roles} />
      </View>

      <Card title={t('staffSchedule.workingHours')}>
        <View className="staff-schedule__switch">
          <Text>{t('staffSchedule.branchHours')}</Text>
          <Switch checked={draft.workingHours === undefined} onChange={(followBranch) => setDraft({ ...draft, workingHours: followBranch ? undefined : (branchHours.data?.openingHours ?? {}) })} />
        </View>
        {draft.workingHours && <WeeklyHoursEditor value={draft.workingHours} onChange={(workingHours) => setDraft({ ...draft, workingHours })} />}
        {form.fields.workingHours && <Text className="form-field__error">{form.fields.workingHours}</Text>}
      </Card>

      <Card title={t('staffSchedule.daysOff')}>
        {draft.daysOff.length === 0 && <Text className="schedule-note">{t('staffSchedule.noDaysOff')}</Text>}
        <View className="staff-schedule__chips">
          {draft.daysOff.map((date) => (
            <Text key={date} className="staff-schedule__chip" onClick={() => setDraft({ ...draft, daysOff: draft.daysOff.filter((other) => other !== date) })}>
              {`${date} ×`}
            </Text>
          ))}
        </View>
        <View className="staff-schedule__add">
          <View className="staff-schedule__grow">
            <DateField value={dayOff} placeholder={t('common.chooseDate')} onChange={setDayOff} />
          </View>
          <Button size="small" fill="outline" type="primary" disabled={!dayOff} onClick={addDayOff}>
            {t('hours.add')}
          </Button>
        </View>
        {form.fields.daysOff && <Text className="form-field__error">{form.fields.daysOff}</Text>}
      </Card>

      <Card title={t('staffSchedule.leave')}>
        {draft.leave.length === 0 && <Text className="schedule-note">{t('staffSchedule.noLeave')}</Text>}
        {draft.leave.map((entry) => (
          <View key={entry.startsAt} className="staff-schedule__leave">
            <View className="staff-schedule__grow">
              <Text className="staff-schedule__leave-time">{`${shown(entry.startsAt)} – ${shown(entry.endsAt)}`}</Text>
              {entry.reason && <Text className="staff-schedule__leave-reason">{entry.reason}</Text>}
            </View>
            <Text className="staff-schedule__remove" onClick={() => setDraft({ ...draft, leave: draft.leave.filter((other) => other !== entry) })}>
              {t('hours.remove')}
            </Text>
          </View>
        ))}
        <FormField label={t('staffSchedule.leaveFrom')} error={form.fields.leave}>
          <View className="staff-schedule__add">
            <View className="staff-schedule__grow">
              <DateField value={leave.fromDate} placeholder={t('common.chooseDate')} onChange={(fromDate) => setLeave({ ...leave, fromDate, toDate: leave.toDate || fromDate })} />
            </View>
            <TimeField value={leave.fromTime} onChange={(fromTime) => setLeave({ ...leave, fromTime })} />
          </View>
        </FormField>
        <FormField label={t('staffSchedule.leaveTo')}>
          <View className="staff-schedule__add">
            <View className="staff-schedule__grow">
              <DateField value={leave.toDate} placeholder={t('common.chooseDate')} onChange={(toDate) => setLeave({ ...leave, toDate })} />
            </View>
            <TimeField value={leave.toTime} onChange={(toTime) => setLeave({ ...leave, toTime })} />
          </View>
        </FormField>
        <FormField label={t('hours.reason')}>
          <Input value={leave.reason} onChange={(reason) => setLeave({ ...leave, reason })} maxLength={40} placeholder={t('staffSchedule.leaveReasonPlaceholder')} />
        </FormField>
        <Button size="small" fill="outline" type="primary" disabled={!leave.fromDate || !leave.toDate} onClick={addLeave}>
          {t('staffSchedule.addLeave')}
        </Button>
      </Card>

      <Card title={t('staffSchedule.surcharge')}>
        <FormField label={t('staffSchedule.surchargeYuan')} error={form.fields.surchargeFen} hint={t('staffSchedule.surchargeHint')}>
          <Input type="digit" value={draft.surcharge} onChange={(surcharge) => setDraft({ ...draft, surcharge })} maxLength={10} />
        </FormField>
      </Card>

      <SaveActions message={form.message} saving={form.saving} onSave={form.save} />
    </View>
  )
}
