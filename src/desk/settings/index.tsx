import { View, Text } from '@tarojs/components'
import { getOrderSettings, saveOrderSettings } from '../../../types/order-operations'
import { timedStages, type OrderSettings, type TimedStage } from '../../../types/orders'
import { call } from '../../api'
import { Card } from '../../components/Card'
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

interface Draft {
  stageDays: Record<TimedStage, string>
  discountLimitPercent: string
}

const draftOf = (settings: OrderSettings): Draft => ({
  stageDays: Object.fromEntries(timedStages.map((stage) => [stage, String(settings.stageDays[stage])])) as Record<TimedStage, string>,
  discountLimitPercent: String(settings.discountLimitPercent),
})

/** How long each stage should take before an order counts as overdue, and how much discount the desk may give alone. */
export default function OrderSettingsPage() {
  const { t } = useI18n()
  usePageTitle('orderSettings.title')
  const { session, allowed } = useStaffPage(saveOrderSettings.access)
  const form = useDraft({
    load: () => call(getOrderSettings, {}),
    deps: [],
    enabled: allowed,
    draftOf,
    save: (draft) =>
      call(saveOrderSettings, {
        stageDays: Object.fromEntries(timedStages.map((stage) => [stage, whole(draft.stageDays[stage])])) as Record<TimedStage, number>,
        discountLimitPercent: whole(draft.discountLimitPercent),
      }),
  })
  const { query: settings, draft, setDraft } = form

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (settings.error !== undefined) return <ErrorState error={settings.error} onRetry={settings.reload} />
  if (!draft) return <LoadingState />

  // The error names the field "stageDays"; the days that are not a whole number are the ones to mark.
  const stageError = (stage: TimedStage) => {
    const days = whole(draft.stageDays[stage])
    return form.fields.stageDays !== undefined && (days < 0 || days > 365)
  }

  return (
    <View className="screen order-settings">
      <Card title={t('orderSettings.stageDays')}>
        <Text className="order-settings__hint">{t('orderSettings.stageDaysHint')}</Text>
        {timedStages.map((stage) => (
          <View key={stage} className={`order-settings__row${stageError(stage) ? ' order-settings__row--invalid' : ''}`}>
            <Text className="order-settings__stage">{t(`orderStage.${stage}`)}</Text>
            <View className="order-settings__days">
              <Input
                type="number"
                value={draft.stageDays[stage]}
                onChange={(value) => setDraft({ ...draft, stageDays: { ...draft.stageDays, [stage]: value } })}
                maxLength={3}
              />
            </View>
            <Text className="order-settings__unit">{t('policy.days')}</Text>
          </View>
        ))}
        {form.fields.stageDays && <Text className="form-field__error">{t('field.stageDays.invalid')}</Text>}
        <Text className="order-settings__hint">{t('orderSettings.confirmedHint')}</Text>
      </Card>
      <Card title={t('orderSettings.discount')}>
        <View className={`order-settings__row${form.fields.discountLimitPercent ? ' order-settings__row--invalid' : ''}`}>
          <Text className="order-settings__stage">{t('orderSettings.discountLimitPercent')}</Text>
          <View className="order-settings__days">
            <Input type="number" value={draft.discountLimitPercent} onChange={(discountLimitPercent) => setDraft({ ...draft, discountLimitPercent })} maxLength={3} />
          </View>
          <Text className="order-settings__unit">%</Text>
        </View>
        {form.fields.discountLimitPercent && <Text className="form-field__error">{form.fields.discountLimitPercent}</Text>}
        <Text className="order-settings__hint">{t('orderSettings.discountHint')}</Text>
      </Card>
      <SaveActions message={form.message} saving={form.saving} onSave={form.save} />
    </View>
  )
}
