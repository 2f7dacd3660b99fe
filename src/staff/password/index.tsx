import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { changePassword } from '../../../types/operations'
import { ApiError, call } from '../../api'
import { Card } from '../../components/Card'
import { FormField } from '../../components/FormField'
import { Input } from '../../components/ui'
import { SaveActions } from '../../components/SaveActions'
import { useSubmit } from '../../hooks/useSubmit'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useI18n } from '../../i18n'
import { useStaffPage } from '../../hooks/useStaffPage'

export default function ChangePasswordPage() {
  const { t } = useI18n()
  usePageTitle('password.title')
  const { session } = useStaffPage(changePassword.access)
  const [currentPassword, setCurrentPassword] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const form = useSubmit()
  if (!session) return null

  const submit = () =>
    form.submit(async () => {
      if (newPassword !== confirmation) {
        throw new ApiError('VALIDATION_FAILED', 'The two new passwords differ', {
          fields: [{ path: 'confirmation', message: 'must repeat the new password' }],
        })
      }
      await call(changePassword, { currentPassword, newPassword })
      Taro.showToast({ title: t('password.changed'), icon: 'success' })
      Taro.navigateBack()
    })

  return (
    <View className="screen">
      <Card>
        <FormField label={t('field.currentPassword')} error={form.fields.currentPassword}>
          <Input type="password" value={currentPassword} onChange={setCurrentPassword} maxLength={128} />
        </FormField>
        <FormField label={t('field.newPassword')} error={form.fields.newPassword} hint={t('field.newPassword.invalid')}>
          <Input type="password" value={newPassword} onChange={setNewPassword} maxLength={128} />
        </FormField>
        <FormField label={t('field.confirmation')} error={form.fields.confirmation}>
          <Input type="password" value={confirmation} onChange={setConfirmation} maxLength={128} onConfirm={submit} />
        </FormField>
      </Card>
      <SaveActions message={form.message} saving={form.saving} onSave={submit} label={t('password.submit')} />
    </View>
  )
}
