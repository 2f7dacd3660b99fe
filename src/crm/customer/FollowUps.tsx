import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { completeFollowUp, createFollowUp } from '../../../types/crm-operations'
import { followUpOutcomes, type FollowUp } from '../../../types/customers'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { DateField } from '../../components/DateField'
import { FormField, FormMessage } from '../../components/FormField'
import { Button, Radio, TextArea } from '../../components/ui'
import { useSubmit } from '../../hooks/useSubmit'
import { useI18n } from '../../i18n'

type Outcome = (typeof followUpOutcomes)[number]

/** Records how one open follow-up went. */
function OutcomeForm({ followUp, onDone }: { followUp: FollowUp; onDone: () => void }) {
  const { t } = useI18n()
  const [outcome, setOutcome] = useState<Outcome>()
  const [note, setNote] = useState('')
  const form = useSubmit()

  const save = () =>
    form.submit(async () => {
      await call(completeFollowUp, {
        customerId: followUp.customerId,
        followUpId: followUp.id,
        // Left unchosen, the operation's own check names the field, as it does for every other mistake.
        outcome: outcome as Outcome,
        outcomeNote: note.trim() || undefined,
      })
      Taro.showToast({ title: t('followUps.recorded'), icon: 'success' })
      onDone()
    })

  return (
    <View className="follow-up__outcome-form">
      <FormField label={t('field.outcome')} error={form.fields.outcome}>
        <Radio.Group direction="horizontal" value={outcome} onChange={(value) => setOutcome(value as Outcome)} className="follow-up__outcomes">
          {followUpOutcomes.map((candidate) => (
            <Radio key={candidate} value={candidate} className="follow-up__outcome-choice">
              {t(`followUps.outcome.${candidate}`)}
            </Radio>
          ))}
        </Radio.Group>
      </FormField>
      <FormField label={t('field.outcomeNote')} error={form.fields.outcomeNote}>
        <TextArea value={note} onChange={setNote} maxLength={500} rows={2} placeholder="" />
      </FormField>
      <FormMessage message={form.message} />
      <Button block type="primary" size="small" loading={form.saving} onClick={save}>
        {t('followUps.recordOutcome')}
      </Button>
    </View>
  )
}

/** A customer's follow-ups (回访): the planned ones with a way to record how they went, and a form for the next one. */
export function FollowUps({ customerId, followUps, onChange }: { customerId: string; followUps: FollowUp[]; onChange: () => void }) {
  const { t } = useI18n()
  const [recording, setRecording] = useState<string>()
  const [dueDate, setDueDate] = useState('')
  const [note, setNote] = useState('')
  const form = useSubmit()

  const add = () =>
    form.submit(async () => {
      await call(createFollowUp, { customerId, dueDate, note })
      setDueDate('')
      setNote('')
      Taro.showToast({ title: t('followUps.added'), icon: 'success' })
      onChange()
    })

  const open = followUps.filter((followUp) => followUp.status === 'open')
  const done = followUps.filter((followUp) => followUp.status === 'done')

  return (
    <Card title={t('followUps.title')}>
      {followUps.length === 0 && <Text className="customer__none">{t('followUps.none')}</Text>}
      {[...open, ...done].map((followUp) => (
        <View key={followUp.id} className={`follow-up${followUp.status === 'done' ? ' follow-up--done' : ''}`}>
          <View className="follow-up__line">
            <Text className="follow-up__date">{followUp.dueDate}</Text>
            <Text className="follow-up__status">
              {followUp.outcome ? t(`followUps.outcome.${followUp.outcome}`) : t('followUps.open')}
            </Text>
          </View>
          <Text className="follow-up__note">{followUp.note}</Text>
          {followUp.outcomeNote && <Text className="follow-up__result">{followUp.outcomeNote}</Text>}
          {followUp.status === 'open' &&
            (recording === followUp.id ? (
              <OutcomeForm
                followUp={followUp}
                onDone={() => {
                  setRecording(undefined)
                  onChange()
                }}
              />
            ) : (
              <Button size="small" fill="outline" type="primary" className="follow-up__record" onClick={() => setRecording(followUp.id)}>
                {t('followUps.recordOutcome')}
              </Button>
            ))}
        </View>
      ))}

      <View className="follow-up__new">
        <Text className="follow-up__new-title">{t('followUps.add')}</Text>
        <FormField label={t('field.dueDate')} error={form.fields.dueDate}>
          <DateField value={dueDate} placeholder={t('common.chooseDate')} onChange={setDueDate} start="2020-01-01" />
        </FormField>
        <FormField label={t('field.followUpNote')} error={form.fields.note}>
          <TextArea value={note} onChange={setNote} maxLength={500} rows={2} placeholder={t('followUps.notePlaceholder')} />
        </FormField>
        <FormMessage message={form.message} />
        <Button block type="primary" fill="outline" loading={form.saving} onClick={add}>
          {t('followUps.add')}
        </Button>
      </View>
    </Card>
  )
}
