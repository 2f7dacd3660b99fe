import { View, Text } from '@tarojs/components'
import type { Branch } from '../../../types/entities'
import { saveBranchContact } from '../../../types/scheduling-operations'
import { call } from '../../api'
import { BranchContact } from '../../components/BranchContact'
import { Card } from '../../components/Card'
import { FormField } from '../../components/FormField'
import { SaveActions } from '../../components/SaveActions'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Input } from '../../components/ui'
import { Forbidden } from '../../components/Forbidden'
import { useDraft } from '../../hooks/useDraft'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useStaffPage } from '../../hooks/useStaffPage'
import { useI18n } from '../../i18n'
import { BranchPicker } from '../BranchPicker'
import { useBranch } from '../useBranch'
import '../schedule.scss'

interface ContactDraft {
  address: string
  phone: string
  latitude: string
  longitude: string
}

const draftOf = (branch: Branch): ContactDraft => ({
  address: branch.address,
  phone: branch.phone,
  latitude: branch.location ? String(branch.location.latitude) : '',
  longitude: branch.location ? String(branch.location.longitude) : '',
})

/** Both coordinates, or none (the pin is cleared); a half-typed pair goes to the server to be refused by field. */
function locationOf(draft: ContactDraft) {
  if (!draft.latitude.trim() && !draft.longitude.trim()) return null
  return { latitude: Number(draft.latitude), longitude: Number(draft.longitude) }
}

/** How customers reach a branch: its address, phone and pin on the map, as they see it on their bookings. */
export default function BranchContactPage() {
  const { t } = useI18n()
  usePageTitle('branchContact.title')
  const { session, allowed } = useStaffPage(saveBranchContact.access)
  const { branchId, setBranchId, branches, branch, reload } = useBranch(session, undefined, allowed)
  const form = useDraft({
    load: async () => branch as Branch,
    deps: [branch],
    enabled: allowed && !!branch,
    draftOf,
    save: (draft) => call(saveBranchContact, { branchId: branchId ?? '', address: draft.address, phone: draft.phone, location: locationOf(draft) }),
    // The branch list is read again, so the preview and a switch back to this branch show what was saved.
    onSaved: reload,
  })
  const { draft, setDraft, query } = form

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (query.error !== undefined) return <ErrorState error={query.error} onRetry={query.reload} />
  if (!draft || !query.data) return <LoadingState />
  const update = (field: keyof ContactDraft) => (value: string) => setDraft((current) => current && { ...current, [field]: value })

  return (
    <View className="screen">
      <View className="schedule-toolbar">
        <BranchPicker branches={branches} branchId={branchId} onChange={setBranchId} />
      </View>
      <Card title={t('branchContact.heading')}>
        <FormField label={t('branchContact.address')} error={form.fields.address}>
          <Input value={draft.address} onChange={update('address')} maxLength={120} />
        </FormField>
        <FormField label={t('branchContact.phone')} error={form.fields.phone}>
          <Input type="tel" value={draft.phone} onChange={update('phone')} maxLength={20} placeholder="010-12345678" />
        </FormField>
        <FormField label={t('branchContact.latitude')} error={form.fields.location}>
          <Input type="digit" value={draft.latitude} onChange={update('latitude')} placeholder="39.9087" />
        </FormField>
        <FormField label={t('branchContact.longitude')}>
          <Input type="digit" value={draft.longitude} onChange={update('longitude')} placeholder="116.3975" />
        </FormField>
        <Text className="schedule-note">{t('branchContact.pinHint')}</Text>
      </Card>
      <Card title={t('branchContact.preview')}>
        <BranchContact branch={query.data} />
      </Card>
      <SaveActions message={form.message} saving={form.saving} onSave={form.save} />
    </View>
  )
}
