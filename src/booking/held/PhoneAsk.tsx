import { View, Text, Button as NativeButton } from '@tarojs/components'
import { useState } from 'react'
import { confirmMyPhone, updateMyProfile } from '../../../types/operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormField, FormMessage } from '../../components/FormField'
import { Button, Input } from '../../components/ui'
import { useSubmit } from '../../hooks/useSubmit'
import { useI18n } from '../../i18n'

const inWeChat = process.env.TARO_ENV === 'weapp'

/**
 * After a customer's first booking: their phone, so reception finds them by its last four digits and a
 * reminder has a fallback. Inside WeChat its phone-number button (the code is exchanged on the server);
 * outside WeChat a labelled stand-in for that button sends the code of the API's simulated exchange
 * (`dev-phone:<number>`, refused where WeChat is real); anywhere, typed in (kept unconfirmed until the studio confirms it).
 */
export function PhoneAsk({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n()
  const [phone, setPhone] = useState('')
  const form = useSubmit()
  const typed = () =>
    form.submit(async () => {
      await call(updateMyProfile, { phone })
      onSaved()
    })
  const fromWeChat = (code: string | undefined) =>
    code &&
    form.submit(async () => {
      await call(confirmMyPhone, { code })
      onSaved()
    })
  return (
    <Card title={t('held.phoneTitle')}>
      <Text className="held__step-hint">{t('held.phoneWhy')}</Text>
      {inWeChat && (
        <NativeButton className="held__wechat-phone" openType="getPhoneNumber" onGetPhoneNumber={(event) => fromWeChat((event.detail as { code?: string }).code)}>
          {t('held.phoneFromWeChat')}
        </NativeButton>
      )}
      <FormField label={t('field.phone')} error={form.fields.phone}>
        <Input type="tel" value={phone} onChange={setPhone} placeholder={t('field.phone.placeholder')} maxLength={16} />
      </FormField>
      <FormMessage message={form.message} />
      <View className="held__phone-actions">
        {!inWeChat && (
          <Button size="small" disabled={!phone.trim() || form.saving} onClick={() => void fromWeChat(`dev-phone:${phone.trim()}`)}>
            {t('held.phoneSimulated')}
          </Button>
        )}
        <Button size="small" type="primary" loading={form.saving} disabled={!phone.trim()} onClick={typed}>
          {t('common.save')}
        </Button>
      </View>
      {!inWeChat && <Text className="held__step-hint">{t('held.phoneSimulatedNote')}</Text>}
    </Card>
  )
}
