import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { CustomerProfile } from '../../../types/entities'
import { getMyProfile, updateMyProfile } from '../../../types/operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { DateField } from '../../components/DateField'
import { FormField } from '../../components/FormField'
import { SaveActions } from '../../components/SaveActions'
import { LanguageSetting } from '../../components/LanguageSwitch'
import { SignOutButton } from '../../components/SignOutButton'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Cell, Input } from '../../components/ui'
import { Initial } from '../../components/Initial'
import { useCustomerTabBar } from '../../hooks/useCustomerTabBar'
import { useDraft } from '../../hooks/useDraft'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useRequiredSession } from '../../hooks/useRequiredSession'
import { useI18n } from '../../i18n'
import { routes } from '../../lib/routes'
import './index.scss'

interface ProfileDraft {
  name: string
  phone: string
  partnerName: string
  weddingDate: string
  birthday: string
}

function draftOf(profile: CustomerProfile): ProfileDraft {
  return {
    name: profile.name,
    phone: profile.phone ?? '',
    partnerName: profile.partnerName ?? '',
    weddingDate: profile.weddingDate ?? '',
    birthday: profile.birthday ?? '',
  }
}

/** Blank fields are left out: the profile keeps what it had rather than being sent an empty value. */
function changesOf(draft: ProfileDraft) {
  const filled = (value: string) => value.trim() || undefined
  return {
    name: filled(draft.name),
    phone: filled(draft.phone),
    partnerName: filled(draft.partnerName),
    weddingDate: filled(draft.weddingDate),
    birthday: filled(draft.birthday),
  }
}

export default function MePage() {
  const { t } = useI18n()
  usePageTitle('me.title')
  useCustomerTabBar()
  const session = useRequiredSession('customer')
  const [editing, setEditing] = useState(false)
  const form = useDraft({
    load: () => call(getMyProfile, {}),
    deps: [],
    enabled: session !== null,
    draftOf,
    save: (draft) => call(updateMyProfile, changesOf(draft)),
    onSaved: async () => {
      setEditing(false)
      await profile.reload()
    },
    savedMessage: 'me.saved',
  })
  const { query: profile, draft, setDraft } = form

  if (!session) return null

  const update = (field: keyof ProfileDraft) => (value: string) => setDraft((current) => current && { ...current, [field]: value })

  const cancel = () => {
    form.reset()
    if (profile.data) setDraft(draftOf(profile.data))
    setEditing(false)
  }

  const notFilled = t('me.notFilled')
  const current = profile.data

  return (
    <View className="screen me">
      <View className="me__header">
        <Initial className="me__avatar" name={(current?.name ?? session.principal.displayName)} />
        <View className="me__identity">
          <Text className="me__name">{current?.name ?? session.principal.displayName}</Text>
          <Text className="me__studio">{session.principal.studioName}</Text>
        </View>
      </View>

      <Card
        title={t('me.profileTitle')}
        extra={
          current && !editing ? (
            <Text className="me__edit" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Text>
          ) : undefined
        }
      >
        {profile.loading && !current && <LoadingState />}
        {profile.error !== undefined && !current && <ErrorState error={profile.error} onRetry={profile.reload} />}
        {current && !editing && (
          <View>
            <Cell title={t('field.name')} extra={current.name} />
            <Cell title={t('field.phone')} extra={current.phone ?? notFilled} />
            <Cell title={t('field.partnerName')} extra={current.partnerName ?? notFilled} />
            <Cell title={t('field.weddingDate')} extra={current.weddingDate ?? notFilled} />
            <Cell title={t('field.birthday')} extra={current.birthday ?? notFilled} />
          </View>
        )}
        {draft && editing && (
          <View>
            <FormField label={t('field.name')} error={form.fields.name}>
              <Input value={draft.name} onChange={update('name')} maxLength={40} />
            </FormField>
            <FormField label={t('field.phone')} error={form.fields.phone}>
              <Input type="tel" value={draft.phone} onChange={update('phone')} placeholder={t('field.phone.placeholder')} maxLength={16} />
            </FormField>
            <FormField label={t('field.partnerName')} error={form.fields.partnerName}>
              <Input value={draft.partnerName} onChange={update('partnerName')} maxLength={40} />
            </FormField>
            <FormField label={t('field.weddingDate')} error={form.fields.weddingDate}>
              <DateField value={draft.weddingDate} placeholder={t('common.chooseDate')} onChange={update('weddingDate')} />
            </FormField>
            <FormField label={t('field.birthday')} error={form.fields.birthday}>
              <DateField value={draft.birthday} placeholder={t('common.chooseDate')} onChange={update('birthday')} />
            </FormField>
            <SaveActions message={form.message} saving={form.saving} onSave={form.save}>
              <Button block fill="none" disabled={form.saving} onClick={cancel}>
                {t('common.cancel')}
              </Button>
            </SaveActions>
          </View>
        )}
      </Card>

      <Card>
        <Cell title={t('appointments.title')} clickable onClick={() => Taro.navigateTo({ url: routes.myAppointments })} />
      </Card>

      <Card title={t('settings.title')}>
        <LanguageSetting />
      </Card>

      <SignOutButton />
    </View>
  )
}
