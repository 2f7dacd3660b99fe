import { Picker, View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { createCustomer, updateCustomer } from '../../../types/crm-operations'
import { getCustomer } from '../../../types/operations'
import type { Customer, SourceChannel } from '../../../types/customers'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { DateField } from '../../components/DateField'
import { FormField } from '../../components/FormField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Input, TextArea } from '../../components/ui'
import { UNCHANGED, useDraft } from '../../hooks/useDraft'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useI18n } from '../../i18n'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { SaveActions } from '../../components/SaveActions'
import { useStaffPage } from '../../hooks/useStaffPage'
import { sourceOptions } from '../sources'
import './index.scss'

interface Draft {
  name: string
  phone: string
  partnerName: string
  weddingDate: string
  birthday: string
  source?: SourceChannel
  tags: string
  notes: string
}

const emptyDraft: Draft = { name: '', phone: '', partnerName: '', weddingDate: '', birthday: '', tags: '', notes: '' }

function draftOf(customer: Customer): Draft {
  return {
    name: customer.name,
    phone: customer.phone ?? '',
    partnerName: customer.partnerName ?? '',
    weddingDate: customer.weddingDate ?? '',
    birthday: customer.birthday ?? '',
    source: customer.source,
    tags: customer.tags.join(' '),
    notes: customer.notes ?? '',
  }
}

/** Tags are typed in one line, separated by spaces or commas (either width). */
function tagsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,，、]+/).filter(Boolean))]
}

function fieldsOf(draft: Draft) {
  return {
    name: draft.name,
    phone: draft.phone,
    partnerName: draft.partnerName.trim() || undefined,
    weddingDate: draft.weddingDate || undefined,
    birthday: draft.birthday || undefined,
    source: draft.source,
    tags: tagsOf(draft.tags),
    notes: draft.notes.trim() || undefined,
  }
}

/** Only what changed is sent, so two people editing different fields of one customer do not undo each other. */
function changesOf(customer: Customer, draft: Draft) {
  const fields = fieldsOf(draft)
  const before = fieldsOf(draftOf(customer))
  const changed = <K extends keyof typeof fields>(key: K) => (JSON.stringify(fields[key]) === JSON.stringify(before[key]) ? undefined : fields[key])
  return {
    name: changed('name'),
    phone: changed('phone'),
    // A cleared name or note is sent as empty text: leaving it out would keep the old one.
    partnerName: changed('partnerName') ?? (before.partnerName && !fields.partnerName ? '' : undefined),
    weddingDate: changed('weddingDate'),
    birthday: changed('birthday'),
    source: changed('source'),
    tags: changed('tags'),
    notes: changed('notes') ?? (before.notes && !fields.notes ? '' : undefined),
  }
}

export default function CustomerFormPage() {
  const { t } = useI18n()
  const customerId = useRouter().params.id
  usePageTitle(customerId ? 'customerForm.editTitle' : 'customerForm.createTitle')
  const { session, allowed } = useStaffPage(customerId ? updateCustomer.access : createCustomer.access)
  const form = useDraft({
    load: async () => (customerId ? call(getCustomer, { customerId }) : undefined),
    deps: [customerId],
    enabled: allowed,
    isNew: !customerId,
    blank: () => emptyDraft,
    draftOf,
    create: (draft) => call(createCustomer, fieldsOf(draft)),
    save: async (draft, existing) => {
      const changes = changesOf(existing, draft)
      if (Object.values(changes).every((value) => value === undefined)) return UNCHANGED
      return call(updateCustomer, { customerId: existing.id, version: existing.version, ...changes })
    },
    createdMessage: 'customerForm.created',
    onSaved: (saved, { created }) => (created ? Taro.redirectTo({ url: `${routes.customer}?id=${saved.id}` }) : Taro.navigateBack()),
  })
  const { query: customer, draft, setDraft, saved: existing } = form

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (customer.error !== undefined && !customer.data) return <ErrorState error={customer.error} onRetry={customer.reload} />
  if (!draft) return <LoadingState />

  const update = <K extends keyof Draft>(field: K) => (value: Draft[K]) => setDraft((current) => current && { ...current, [field]: value })
  const sources = sourceOptions(t)

  return (
    <View className="screen customer-form">
      <Card>
        <FormField label={t('field.name')} error={form.fields.name}>
          <Input value={draft.name} onChange={update('name')} placeholder={t('customerForm.namePlaceholder')} maxLength={40} />
        </FormField>
        <FormField label={t('field.phone')} error={form.fields.phone}>
          <Input type="tel" value={draft.phone} onChange={update('phone')} placeholder={t('field.phone.placeholder')} maxLength={20} />
        </FormField>
        <FormField label={t('field.partnerName')} error={form.fields.partnerName}>
          <Input value={draft.partnerName} onChange={update('partnerName')} maxLength={40} />
        </FormField>
        <FormField label={t('field.weddingDate')} error={form.fields.weddingDate}>
          <DateField value={draft.weddingDate} placeholder={t('common.chooseDate')} onChange={update('weddingDate')} start="2000-01-01" />
        </FormField>
        <FormField label={t('field.birthday')} error={form.fields.birthday}>
          <DateField value={draft.birthday} placeholder={t('common.chooseDate')} onChange={update('birthday')} />
        </FormField>
        <FormField label={t('field.source')} error={form.fields.source}>
          <Picker
            mode="selector"
            range={sources.map((option) => option.label)}
            value={Math.max(0, sources.findIndex((option) => option.value === draft.source))}
            onChange={(event) => update('source')(sources[Number(event.detail.value)]?.value)}
          >
            <Text className={`customer-form__picker${draft.source ? '' : ' customer-form__picker--empty'}`}>
              {draft.source ? t(`source.${draft.source}`) : t('customerForm.chooseSource')}
            </Text>
          </Picker>
        </FormField>
        <FormField label={t('field.tags')} error={form.fields.tags} hint={t('customerForm.tagsHint')}>
          <Input value={draft.tags} onChange={update('tags')} placeholder={t('customerForm.tagsPlaceholder')} maxLength={200} />
        </FormField>
        <FormField label={t('field.notes')} error={form.fields.notes}>
          <TextArea value={draft.notes} onChange={update('notes')} maxLength={2000} rows={3} placeholder="" />
        </FormField>
      </Card>
      <SaveActions message={form.message} saving={form.saving} onSave={form.save} label={existing ? t('common.save') : t('customerForm.create')} />
    </View>
  )
}
