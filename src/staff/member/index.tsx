import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { StaffMember } from '../../../types/entities'
import {
  createStaff,
  getStaff,
  listBranches,
  resetStaffPassword,
  setStaffStatus,
  updateStaff,
} from '../../../types/operations'
import { staffRoles, type StaffRole } from '../../../types/roles'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormField, FormMessage } from '../../components/FormField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Checkbox, Input, Radio } from '../../components/ui'
import { UNCHANGED, useDraft } from '../../hooks/useDraft'
import { useSubmit } from '../../hooks/useSubmit'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { Forbidden } from '../../components/Forbidden'
import { SaveActions } from '../../components/SaveActions'
import { useStaffPage } from '../../hooks/useStaffPage'
import './index.scss'

/** Only an admin hands out the manager and admin roles; the server refuses it from anyone else too. */
const ADMIN_ONLY_ROLES: readonly StaffRole[] = ['manager', 'admin']

interface Draft {
  username: string
  displayName: string
  password: string
  phone: string
  roles: StaffRole[]
  branchId: string
}

function draftOf(member: StaffMember): Draft {
  return {
    username: member.username,
    displayName: member.displayName,
    password: '',
    phone: member.phone ?? '',
    roles: member.roles,
    branchId: member.branchId,
  }
}

function sameRoles(a: readonly StaffRole[], b: readonly StaffRole[]) {
  return a.length === b.length && a.every((role) => b.includes(role))
}

/** Only what changed is sent, so two managers editing different fields do not undo each other. */
function changesOf(member: StaffMember, draft: Draft) {
  const phone = draft.phone.trim()
  return {
    displayName: draft.displayName !== member.displayName ? draft.displayName : undefined,
    phone: phone === (member.phone ?? '') ? undefined : phone || null,
    roles: sameRoles(draft.roles, member.roles) ? undefined : draft.roles,
    branchId: draft.branchId !== member.branchId ? draft.branchId : undefined,
  }
}

export default function StaffMemberPage() {
  const { t } = useI18n()
  const staffId = useRouter().params.id
  usePageTitle(staffId ? 'member.editTitle' : 'member.createTitle')
  const { session, allowed } = useStaffPage(createStaff.access)
  const branches = useQuery(() => call(listBranches, {}), [], allowed)
  const [newPassword, setNewPassword] = useState('')
  const principal = session?.principal
  const form = useDraft({
    load: async () => (staffId ? call(getStaff, { staffId }) : undefined),
    deps: [staffId],
    enabled: allowed,
    isNew: !staffId,
    blank: () => (principal ? { username: '', displayName: '', password: '', phone: '', roles: [], branchId: principal.branchId ?? '' } : undefined),
    draftOf,
    create: (draft) =>
      call(createStaff, {
        username: draft.username,
        displayName: draft.displayName,
        password: draft.password,
        roles: draft.roles,
        branchId: draft.branchId,
        phone: draft.phone.trim() || undefined,
      }),
    save: async (draft, existing) => {
      const changes = changesOf(existing, draft)
      if (Object.values(changes).every((value) => value === undefined)) return UNCHANGED
      return call(updateStaff, { staffId: existing.id, version: existing.version, ...changes })
    },
    onSaved: () => Taro.navigateBack(),
  })
  const { query: member, draft, setDraft, saved: existing } = form
  // Disabling or enabling, and resetting the password: apart from the form's save, one at a time.
  const account = useSubmit()
  const working = account.busy

  useEffect(() => {
    const first = branches.data?.items[0]
    if (first) setDraft((current) => (current && !current.branchId ? { ...current, branchId: first.id } : current))
  }, [branches.data, draft === undefined])

  if (!session || !principal) return null
  if (!allowed) return <Forbidden />
  if (member.error !== undefined) return <ErrorState error={member.error} onRetry={member.reload} />
  if (!draft) return <LoadingState />

  const isAdmin = principal.roles.includes('admin')
  const grantable = (role: StaffRole) => isAdmin || !ADMIN_ONLY_ROLES.includes(role)
  const visibleRoles = staffRoles.filter((role) => grantable(role) || draft.roles.includes(role))
  const update = <K extends keyof Draft>(field: K) => (value: Draft[K]) => setDraft((current) => current && { ...current, [field]: value })

  const toggleStatus = () =>
    account.run('status', async () => {
      if (!existing) return
      const disabling = existing.status === 'active'
      const { confirm } = await Taro.showModal({
        title: disabling ? t('member.disableConfirmTitle') : t('member.enableConfirmTitle'),
        content: disabling ? t('member.disableConfirmText', { name: existing.displayName }) : t('member.enableConfirmText', { name: existing.displayName }),
        confirmText: t('common.confirm'),
        cancelText: t('common.cancel'),
      })
      if (!confirm) return
      await call(setStaffStatus, { staffId: existing.id, status: disabling ? 'disabled' : 'active' })
      await member.reload()
      Taro.showToast({ title: disabling ? t('member.disabled') : t('member.enabled'), icon: 'success' })
    })

  const resetPassword = () =>
    account.run('password', async () => {
      if (!existing) return
      await call(resetStaffPassword, { staffId: existing.id, newPassword })
      setNewPassword('')
      Taro.showToast({ title: t('member.passwordReset'), icon: 'success' })
    })

  const ownBranch = branches.data?.items.find((branch) => branch.id === draft.branchId)

  return (
    <View className="screen member">
      {existing?.status === 'disabled' && <Text className="member__banner">{t('member.disabledBanner')}</Text>}
      <Card title={t('member.accountTitle')}>
        <FormField label={t('field.username')} error={form.fields.username} hint={existing ? undefined : t('field.username.invalid')}>
          {existing ? (
            <Text className="member__readonly">@{existing.username}</Text>
          ) : (
            <Input value={draft.username} onChange={update('username')} placeholder={t('member.usernamePlaceholder')} maxLength={32} />
          )}
        </FormField>
        <FormField label={t('field.displayName')} error={form.fields.displayName}>
          <Input value={draft.displayName} onChange={update('displayName')} maxLength={40} />
        </FormField>
        {!existing && (
          <FormField label={t('field.password')} error={form.fields.password} hint={t('field.password.invalid')}>
            <Input type="password" value={draft.password} onChange={update('password')} maxLength={128} />
          </FormField>
        )}
        <FormField label={t('field.phone')} error={form.fields.phone}>
          <Input type="tel" value={draft.phone} onChange={update('phone')} placeholder={t('field.phone.placeholder')} maxLength={16} />
        </FormField>
      </Card>

      <Card title={t('field.roles')}>
        {form.fields.roles && <Text className="member__error">{form.fields.roles}</Text>}
        <Checkbox.Group direction="horizontal" value={draft.roles} onChange={(roles) => update('roles')(roles as StaffRole[])} className="member__roles">
          {visibleRoles.map((role) => (
            <Checkbox key={role} value={role} disabled={!grantable(role)} className="member__choice">
              {t(`role.${role}`)}
            </Checkbox>
          ))}
        </Checkbox.Group>
        {!isAdmin && <Text className="member__note">{t('member.managerRolesNote')}</Text>}
      </Card>

      <Card title={t('field.branch')}>
        {form.fields.branchId && <Text className="member__error">{form.fields.branchId}</Text>}
        {isAdmin ? (
          <Radio.Group direction="horizontal" value={draft.branchId} onChange={(value) => update('branchId')(String(value))} className="member__roles">
            {branches.data?.items.map((branch) => (
              <Radio key={branch.id} value={branch.id} className="member__choice">
                {branch.name}
              </Radio>
            ))}
          </Radio.Group>
        ) : (
          <Text className="member__readonly">{ownBranch?.name ?? ''}</Text>
        )}
      </Card>

      <SaveActions message={form.message} saving={form.saving} onSave={form.save} label={existing ? t('common.save') : t('member.create')} disabled={working !== undefined} />

      {existing && (
        <View className="member__manage">
          <Card title={t('member.resetPasswordTitle')}>
            <FormField label={t('field.newPassword')} error={account.fields.newPassword} hint={t('field.password.invalid')}>
              <Input type="password" value={newPassword} onChange={setNewPassword} maxLength={128} />
            </FormField>
            <Button block fill="outline" type="primary" loading={working === 'password'} disabled={form.saving || working !== undefined} onClick={resetPassword}>
              {t('member.resetPassword')}
            </Button>
          </Card>
          <Button
            block
            fill="outline"
            type={existing.status === 'active' ? 'danger' : 'success'}
            loading={working === 'status'}
            disabled={form.saving || working !== undefined}
            onClick={toggleStatus}
          >
            {existing.status === 'active' ? t('member.disable') : t('member.enable')}
          </Button>
          <FormMessage message={account.message} />
        </View>
      )}
    </View>
  )
}
