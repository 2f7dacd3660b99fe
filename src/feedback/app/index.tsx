import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { listAppFeedback, sendAppFeedback } from '../../../types/feedback-operations'
import { ANY_STAFF } from '../../../types/roles'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormField, FormMessage } from '../../components/FormField'
import { EmptyState } from '../../components/StatusView'
import { Button, TextArea } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useStaffPage } from '../../hooks/useStaffPage'
import { useStudioTimeZone } from '../../hooks/useStudioTimeZone'
import { useSubmit } from '../../hooks/useSubmit'
import { isMessageKey, useI18n } from '../../i18n'
import { canUse } from '../../lib/access'
import '../feedback.scss'
import { dayTimeLabel } from '../../lib/date-labels'

/** Any staff member tells the admin what works and what does not in the app; the admin reads it all here. */
export default function AppFeedbackPage() {
  const { t } = useI18n()
  usePageTitle('appFeedback.title')
  const { session, allowed } = useStaffPage(ANY_STAFF)
  const reader = session !== null && canUse(session.principal, listAppFeedback.access)
  const timeZone = useStudioTimeZone()
  const received = useQuery(() => call(listAppFeedback, { limit: 50 }), [], reader)
  const [text, setText] = useState('')
  const [sent, setSent] = useState(false)
  const form = useSubmit()
  usePullDownRefresh(received)
  if (!session || !allowed) return null
  const roleName = (role: string) => {
    const key = `role.${role}`
    return isMessageKey(key) ? t(key) : role
  }
  const send = () =>
    form.submit(async () => {
      await call(sendAppFeedback, { text })
      setText('')
      setSent(true)
      Taro.showToast({ title: t('appFeedback.thanks'), icon: 'success' })
      if (reader) await received.reload()
    })
  return (
    <View className="screen feedback">
      <Card title={t('appFeedback.formTitle')}>
        <Text className="scores__summary">{t('appFeedback.lead')}</Text>
        <FormField label={t('appFeedback.text')} error={form.fields.text}>
          <TextArea value={text} onChange={(value) => (setText(value), setSent(false))} maxLength={1000} rows={4} placeholder={t('appFeedback.placeholder')} />
        </FormField>
        <FormMessage message={form.message} />
        {sent && <Text className="feedback__sent">{t('appFeedback.thanks')}</Text>}
        <Button block type="primary" loading={form.saving} disabled={text.trim().length < 2} onClick={send}>
          {t('appFeedback.send')}
        </Button>
      </Card>
      {reader && (
        <Card title={t('appFeedback.received')}>
          {received.data?.items.length === 0 && <EmptyState title={t('appFeedback.none')} />}
          {received.data?.items.map((item) => {
            return (
              <View key={item.id} className="scores__comment">
                <Text className="scores__comment-text">{item.text}</Text>
                <Text className="scores__comment-meta">{t('appFeedback.meta', { name: item.by.name, role: roleName(item.by.role), date: dayTimeLabel(t, item.at, timeZone) })}</Text>
              </View>
            )
          })}
        </Card>
      )}
    </View>
  )
}
