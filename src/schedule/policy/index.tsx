import { Picker, View, Text } from '@tarojs/components'
import type { BookingPolicy } from '../../../types/booking'
import { getBookingPolicy, saveBookingPolicy } from '../../../types/booking-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormField } from '../../components/FormField'
import { SaveActions } from '../../components/SaveActions'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Input } from '../../components/ui'
import { useDraft } from '../../hooks/useDraft'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useI18n } from '../../i18n'
import { whole } from '../../lib/money'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import './index.scss'

const grids = [15, 30, 60] as const
const numberFields = ['bufferMinutes', 'minNoticeMinutes', 'horizonDays', 'holdMinutes', 'changeCutoffHours'] as const
type NumberField = (typeof numberFields)[number]

interface Draft {
  timeZone: string
  gridMinutes: BookingPolicy['gridMinutes']
  numbers: Record<NumberField, string>
  tiers: { minDaysBefore: string; percent: string }[]
}

function draftOf(policy: BookingPolicy): Draft {
  return {
    timeZone: policy.timeZone,
    gridMinutes: policy.gridMinutes,
    numbers: Object.fromEntries(numberFields.map((field) => [field, String(policy[field])])) as Record<NumberField, string>,
    tiers: [...policy.refundTiers].sort((a, b) => b.minDaysBefore - a.minDaysBefore).map((tier) => ({ minDaysBefore: String(tier.minDaysBefore), percent: String(tier.percent) })),
  }
}

/** The studio's booking rules: slot grid, buffer, notice, horizon, hold, change cutoff, refund tiers and time zone. */
export default function BookingPolicyPage() {
  const { t } = useI18n()
  usePageTitle('policy.title')
  const { session, allowed } = useStaffPage(saveBookingPolicy.access)
  const form = useDraft({
    load: () => call(getBookingPolicy, {}),
    deps: [],
    enabled: allowed,
    draftOf,
    save: (draft) =>
      call(saveBookingPolicy, {
        timeZone: draft.timeZone.trim(),
        gridMinutes: draft.gridMinutes,
        bufferMinutes: whole(draft.numbers.bufferMinutes),
        minNoticeMinutes: whole(draft.numbers.minNoticeMinutes),
        horizonDays: whole(draft.numbers.horizonDays),
        holdMinutes: whole(draft.numbers.holdMinutes),
        changeCutoffHours: whole(draft.numbers.changeCutoffHours),
        refundTiers: draft.tiers.map((tier) => ({ minDaysBefore: whole(tier.minDaysBefore), percent: whole(tier.percent) })),
      }),
  })
  const { query: policy, draft, setDraft } = form

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (policy.error !== undefined) return <ErrorState error={policy.error} onRetry={policy.reload} />
  if (!draft) return <LoadingState />

  const setNumber = (field: NumberField) => (value: string) => setDraft({ ...draft, numbers: { ...draft.numbers, [field]: value } })
  const setTier = (index: number, part: 'minDaysBefore' | 'percent') => (value: string) =>
    setDraft({ ...draft, tiers: draft.tiers.map((tier, i) => (i === index ? { ...tier, [part]: value } : tier)) })

  const numberField = (field: NumberField, unit: string) => (
    <FormField label={t(`policy.${field}`)} error={form.fields[field]}>
      <View className="policy__number">
        <Input type="number" value={draft.numbers[field]} onChange={setNumber(field)} maxLength={5} />
        <Text className="policy__unit">{unit}</Text>
      </View>
    </FormField>
  )

  return (
    <View className="screen policy">
      <Card title={t('policy.slots')}>
        <FormField label={t('policy.gridMinutes')} error={form.fields.gridMinutes}>
          <Picker
            mode="selector"
            range={grids.map((minutes) => t('package.minutes', { minutes }))}
            value={grids.indexOf(draft.gridMinutes)}
            onChange={(event) => setDraft({ ...draft, gridMinutes: grids[Number(event.detail.value)] ?? draft.gridMinutes })}
          >
            <Text className="policy__choice">{t('package.minutes', { minutes: draft.gridMinutes })}</Text>
          </Picker>
        </FormField>
        {numberField('bufferMinutes', t('policy.minutes'))}
        {numberField('minNoticeMinutes', t('policy.minutes'))}
        {numberField('horizonDays', t('policy.days'))}
        <FormField label={t('policy.timeZone')} error={form.fields.timeZone} hint={t('policy.timeZoneHint')}>
          <Input value={draft.timeZone} onChange={(timeZone) => setDraft({ ...draft, timeZone })} maxLength={40} />
        </FormField>
      </Card>
      <Card title={t('policy.holdAndChanges')}>
        {numberField('holdMinutes', t('policy.minutes'))}
        {numberField('changeCutoffHours', t('policy.hours'))}
      </Card>
      <Card title={t('policy.refundTiers')}>
        <Text className="policy__hint">{t('policy.refundTiersHint')}</Text>
        {draft.tiers.map((tier, index) => (
          <View key={index} className="policy__tier">
            <Text>{t('policy.tierBefore')}</Text>
            <View className="policy__small">
              <Input type="number" value={tier.minDaysBefore} onChange={setTier(index, 'minDaysBefore')} maxLength={3} />
            </View>
            <Text>{t('policy.tierDaysRefund')}</Text>
            <View className="policy__small">
              <Input type="number" value={tier.percent} onChange={setTier(index, 'percent')} maxLength={3} />
            </View>
            <Text>%</Text>
            {draft.tiers.length > 1 && (
              <Text className="policy__remove" onClick={() => setDraft({ ...draft, tiers: draft.tiers.filter((_, i) => i !== index) })}>
                {t('hours.remove')}
              </Text>
            )}
          </View>
        ))}
        {form.fields.refundTiers && <Text className="form-field__error">{form.fields.refundTiers}</Text>}
        {draft.tiers.length < 10 && (
          <Text className="policy__add" onClick={() => setDraft({ ...draft, tiers: [...draft.tiers, { minDaysBefore: '', percent: '' }] })}>
            {t('policy.addTier')}
          </Text>
        )}
      </Card>
      <SaveActions message={form.message} saving={form.saving} onSave={form.save} />
    </View>
  )
}
