import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { surveySteps, type SurveyScores, type SurveyStep } from '../../../types/feedback'
import { myOrderSurvey, rateOrder } from '../../../types/feedback-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormField, FormMessage } from '../../components/FormField'
import { Button, TextArea } from '../../components/ui'
import { useQuery } from '../../hooks/useQuery'
import { useSubmit } from '../../hooks/useSubmit'
import { useI18n } from '../../i18n'

function Scale({ step, value, onChange }: { step: SurveyStep; value?: number; onChange?: (score: number) => void }) {
  const { t } = useI18n()
  return (
    <View className="rate__step">
      <Text className="rate__step-name">{t(`survey.step.${step}`)}</Text>
      <View className="rate__scale">
        {[1, 2, 3, 4, 5].map((score) => (
          <Text
            key={score}
            className={`rate__score${value !== undefined && score <= value ? ' rate__score--on' : ''}`}
            aria-label={`${t(`survey.step.${step}`)} ${score}`}
            onClick={onChange && (() => onChange(score))}
          >
            ★
          </Text>
        ))}
      </View>
    </View>
  )
}

/**
 * After pick-up: the customer rates each step (1–5 stars) with an optional comment, once. Once
 * rated, the page shows what they gave.
 */
export function RateOrder({ orderId }: { orderId: string }) {
  const { t } = useI18n()
  const given = useQuery(() => call(myOrderSurvey, { orderId }), [orderId])
  const [scores, setScores] = useState<Partial<SurveyScores>>({})
  const [comment, setComment] = useState('')
  const form = useSubmit()
  if (!given.data) return null
  const survey = given.data.survey
  if (survey) {
    return (
      <Card title={t('survey.thanksTitle')}>
        {surveySteps.map((step) => (
          <Scale key={step} step={step} value={survey.scores[step]} />
        ))}
        {survey.comment && <Text className="rate__comment">{survey.comment}</Text>}
      </Card>
    )
  }
  const complete = surveySteps.every((step) => scores[step] !== undefined)
  const send = () =>
    form.submit(async () => {
      await call(rateOrder, { orderId, scores: scores as SurveyScores, comment: comment.trim() || undefined })
      await given.reload()
    })
  return (
    <Card title={t('survey.title')}>
      <Text className="rate__lead">{t('survey.lead')}</Text>
      {surveySteps.map((step) => (
        <Scale key={step} step={step} value={scores[step]} onChange={(score) => setScores((current) => ({ ...current, [step]: score }))} />
      ))}
      <FormField label={t('survey.comment')} error={form.fields.comment}>
        <TextArea value={comment} onChange={setComment} maxLength={500} rows={3} placeholder={t('survey.commentPlaceholder')} />
      </FormField>
      <FormMessage message={form.message} />
      <Button block type="primary" disabled={!complete} loading={form.saving} onClick={send}>
        {t('survey.submit')}
      </Button>
    </Card>
  )
}
