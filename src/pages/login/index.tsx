import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { Card } from '../../components/Card'
import { FormField, FormMessage } from '../../components/FormField'
import { LanguageSwitch } from '../../components/LanguageSwitch'
import { Button, Input } from '../../components/ui'
import { useSubmit } from '../../hooks/useSubmit'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useI18n } from '../../i18n'
import { enterApp, signInStaff, signInWithWechat } from '../../session/actions'
import { getSession } from '../../session/store'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

export default function LoginPage() {
  const { t } = useI18n()
  usePageTitle('app.name')
  const [studioCode, setStudioCode] = useState(process.env.TARO_APP_STUDIO_CODE || 'demo')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [nickname, setNickname] = useState('')
  const staff = useSubmit()
  const wechat = useSubmit()
  const busy = staff.saving || wechat.saving

  useEffect(() => {
    const session = getSession()
    if (session) enterApp(session.principal)
  }, [])

  // One way in at a time: the other card's message goes when this one is tried.
  const submitStaff = () => {
    if (busy) return
    wechat.reset()
    return staff.submit(async () => enterApp(await signInStaff({ studioCode, username, password })))
  }

  const submitWechat = () => {
    if (busy) return
    staff.reset()
    return wechat.submit(async () => enterApp(await signInWithWechat(studioCode, isWeapp ? undefined : nickname)))
  }

  return (
    <View className="screen login">
      <View className="login__language">
        <LanguageSwitch />
      </View>
      <View className="login__brand">
        <View className="login__logo">
          <Text>{t('app.logo')}</Text>
        </View>
        <Text className="login__name">{t('app.name')}</Text>
        <Text className="login__tagline">{t('app.tagline')}</Text>
      </View>

      <Card title={t('login.customerTitle')}>
        <Text className="login__lead">{isWeapp ? t('login.wechatLead') : t('login.devWechatLead')}</Text>
        {!isWeapp && (
          <FormField label={t('field.nickname')} error={wechat.fields.nickname} hint={t('login.devWechatHint')}>
            <Input value={nickname} onChange={setNickname} placeholder={t('login.nicknamePlaceholder')} maxLength={40} />
          </FormField>
        )}
        <FormMessage message={wechat.message} />
        <Button block type="success" loading={wechat.saving} disabled={busy} onClick={submitWechat}>
          {isWeapp ? t('login.wechatButton') : t('login.devWechatButton')}
        </Button>
      </Card>

      <Card title={t('login.staffTitle')}>
        <FormField label={t('field.studioCode')} error={staff.fields.studioCode}>
          <Input value={studioCode} onChange={setStudioCode} placeholder={t('login.studioCodePlaceholder')} maxLength={32} />
        </FormField>
        <FormField label={t('field.username')} error={staff.fields.username}>
          <Input value={username} onChange={setUsername} placeholder={t('login.usernamePlaceholder')} maxLength={32} />
        </FormField>
        <FormField label={t('field.password')} error={staff.fields.password}>
          <Input
            type="password"
            value={password}
            onChange={setPassword}
            placeholder={t('login.passwordPlaceholder')}
            maxLength={128}
            onConfirm={submitStaff}
          />
        </FormField>
        <View className="actions">
          <FormMessage message={staff.message} />
          <Button block type="primary" loading={staff.saving} disabled={busy} onClick={submitStaff}>
            {t('login.staffButton')}
          </Button>
        </View>
      </Card>
    </View>
  )
}
