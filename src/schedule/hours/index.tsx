import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import type { BranchSchedule } from '../../../types/booking'
import { getBranchSchedule, saveBranchSchedule } from '../../../types/booking-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { DateField } from '../../components/DateField'
import { FormField } from '../../components/FormField'
import { SaveActions } from '../../components/SaveActions'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Input } from '../../components/ui'
import { useDraft } from '../../hooks/useDraft'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useI18n } from '../../i18n'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { BranchPicker } from '../BranchPicker'
import { useBranch } from '../useBranch'
import { WeeklyHoursEditor } from '../WeeklyHoursEditor'
import '../schedule.scss'
import './index.scss'
import { dayLabel } from '../../lib/date-labels'

/** A branch's opening hours per weekday and the dates it is closed (holidays, blackout days). */
export default function OpeningHoursPage() {
  const { t } = useI18n()
  usePageTitle('hours.title')
  const { session, allowed } = useStaffPage(saveBranchSchedule.access)
  const { branchId, setBranchId, branches } = useBranch(session, undefined, allowed)
  const form = useDraft({
    load: () => call(getBranchSchedule, { branchId: branchId ?? '' }),
    deps: [branchId],
    enabled: allowed && !!branchId,
    draftOf: (saved: BranchSchedule) => saved,
    // The form shows only once the branch's schedule is loaded, so the branch is known by then.
    save: (draft) => call(saveBranchSchedule, { branchId: branchId ?? '', ...draft }),
  })
  const { query: schedule, draft, setDraft } = form
  const [closedDate, setClosedDate] = useState('')
  const [closedReason, setClosedReason] = useState('')

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (schedule.error !== undefined) return <ErrorState error={schedule.error} onRetry={schedule.reload} />
  if (!draft || schedule.loading) return <LoadingState />

  const addClosed = () => {
    if (!closedDate || draft.closedDates.some((closed) => closed.date === closedDate)) return
    const closedDates = [...draft.closedDates, { date: closedDate, reason: closedReason.trim() }].sort((a, b) => a.date.localeCompare(b.date))
    setDraft({ ...draft, closedDates })
    setClosedDate('')
    setClosedReason('')
  }

  return (
    <View className="screen hours">
      <View className="schedule-toolbar">
        <BranchPicker branches={branches} branchId={branchId} onChange={setBranchId} />
      </View>
      <Card title={t('hours.openingHours')}>
        <WeeklyHoursEditor value={draft.openingHours} onChange={(openingHours) => setDraft({ ...draft, openingHours })} />
        {form.fields.openingHours && <Text className="form-field__error">{form.fields.openingHours}</Text>}
      </Card>
      <Card title={t('hours.closedDates')}>
        {draft.closedDates.length === 0 && <Text className="schedule-note">{t('hours.noClosedDates')}</Text>}
        {draft.closedDates.map((closed) => (
          <View key={closed.date} className="hours__closed">
            <Text className="hours__closed-date">{dayLabel(t, closed.date)}</Text>
            <Text className="hours__closed-reason">{closed.reason}</Text>
            <Text className="hours__remove" onClick={() => setDraft({ ...draft, closedDates: draft.closedDates.filter((other) => other.date !== closed.date) })}>
              {t('hours.remove')}
            </Text>
          </View>
        ))}
        <FormField label={t('hours.addClosedDate')} error={form.fields.closedDates}>
          <DateField value={closedDate} placeholder={t('common.chooseDate')} onChange={setClosedDate} />
        </FormField>
        <FormField label={t('hours.reason')}>
          <Input value={closedReason} onChange={setClosedReason} maxLength={40} placeholder={t('hours.reasonPlaceholder')} />
        </FormField>
        <Button size="small" fill="outline" type="primary" disabled={!closedDate} onClick={addClosed}>
          {t('hours.add')}
        </Button>
      </Card>
      <SaveActions message={form.message} saving={form.saving} onSave={form.save} />
    </View>
  )
}
