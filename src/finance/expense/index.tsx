import { Image, View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { Expense, ExpenseKind } from '../../../types/finance'
import { editExpense, getExpense, listExpenseCategories, recordExpense } from '../../../types/finance-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { DateField } from '../../components/DateField'
import { FormField, FormMessage } from '../../components/FormField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Input, TextArea } from '../../components/ui'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useSubmit } from '../../hooks/useSubmit'
import { useQuery } from '../../hooks/useQuery'
import { useStudioTimeZone } from '../../hooks/useStudioTimeZone'
import { useI18n } from '../../i18n'
import { useDates } from '../../hooks/useDates'
import { parseYuan } from '../../lib/money'
import { newRequestId } from '../../lib/request-id'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { studioToday } from '../../lib/studio-time'
import { Segments, formatSignedFen } from '../books'
import { chooseAndUploadReceipt } from '../receipt'
import '../books.scss'

const KINDS: readonly ExpenseKind[] = ['expense', 'income']

/** The form's fields as typed: yuan as text, an optional note. */
interface Draft {
  kind: ExpenseKind
  category: string
  amount: string
  date: string
  payee: string
  note: string
}

const draftOf = (e: Expense): Draft => ({ kind: e.kind, category: e.category, amount: (e.amountFen / 100).toFixed(2), date: e.date, payee: e.payee, note: e.note ?? '' })

/**
 * Finance records an expense or other income of the branch, with a photo of its receipt; opened
 * with an entry's id, it edits that entry (only what changed is sent) and shows every earlier
 * state the entry had.
 */
export default function ExpenseFormPage() {
  const dates = useDates()
  const { t, locale } = useI18n()
  const params = useRouter().params
  const expenseId = params.expenseId
  usePageTitle(expenseId ? 'expense.editTitle' : 'expense.formTitle')
  const { session, allowed } = useStaffPage(recordExpense.access)
  const today = studioToday(useStudioTimeZone())
  const categories = useQuery(() => call(listExpenseCategories, {}), [], allowed)
  const existing = useQuery(() => call(getExpense, { expenseId: expenseId! }), [expenseId], allowed && expenseId !== undefined)
  const [draft, setDraft] = useState<Draft>({ kind: 'expense', category: '', amount: '', date: params.date ?? today, payee: '', note: '' })
  const [receipt, setReceipt] = useState<{ receiptKey: string; preview: string }>()
  const [uploading, setUploading] = useState<number>()
  const [uploadFailed, setUploadFailed] = useState(false)
  const feedback = useSubmit()
  const requestId = useRef(newRequestId())
  const loaded = existing.data?.expense
  useEffect(() => {
    if (loaded) setDraft(draftOf(loaded))
  }, [loaded])

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (expenseId && !loaded) return existing.error !== undefined ? <ErrorState error={existing.error} onRetry={existing.reload} /> : <LoadingState />
  const branchId = loaded?.branchId ?? params.branchId ?? session.principal.branchId ?? ''
  const set = <K extends keyof Draft>(field: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [field]: value }))
  const categoryName = (code: string) => {
    const found = categories.data?.items.find((c) => c.code === code)
    return found ? (locale === 'zh-CN' ? found.name : found.nameEn) : code
  }

  const addReceipt = async () => {
    setUploadFailed(false)
    try {
      const uploaded = await chooseAndUploadReceipt((percent) => setUploading(percent))
      if (uploaded) setReceipt(uploaded)
    } catch {
      setUploadFailed(true)
    } finally {
      setUploading(undefined)
    }
  }

  const fields = () => ({
    kind: draft.kind,
    category: draft.category,
    // An amount that is not one is sent as such, so the API's own check names the field.
    amountFen: parseYuan(draft.amount) ?? -1,
    date: draft.date,
    payee: draft.payee,
    note: draft.note.trim() || undefined,
  })
  const done = (message: string) => {
    Taro.showToast({ title: message, icon: 'success' })
    setTimeout(() => Taro.navigateBack(), 600)
  }
  const save = () =>
    feedback.submit(async () => {
      if (!loaded) {
        await call(recordExpense, { requestId: requestId.current, branchId, ...fields(), receiptKey: receipt?.receiptKey })
        return done(t('expense.saved'))
      }
      // Only what changed: the audit entry then names exactly the fields edited.
      const changed = Object.fromEntries(Object.entries(fields()).filter(([field, value]) => value !== (loaded as Record<string, unknown>)[field]))
      if (receipt) changed.receiptKey = receipt.receiptKey
      if (Object.keys(changed).length === 0) return done(t('expense.unchanged'))
      await call(editExpense, { expenseId: loaded.id, version: loaded.version, ...changed })
      return done(t('expense.edited'))
    }, () => (loaded ? existing.reload() : undefined))

  const receiptPreview = receipt?.preview ?? loaded?.receiptUrl
  const revisions = existing.data?.revisions ?? []

  return (
    <View className="screen books-expense">
      {loaded?.status === 'void' && <Text className="books-note books-note--warning">{`${t('expense.void')}${loaded.voidReason ? `：${loaded.voidReason}` : ''}`}</Text>}
      <Card>
        <FormField label={t('expense.kind')}>
          <Segments options={KINDS} value={draft.kind} label={(k) => t(`expense.kind.${k}`)} onChange={set('kind')} />
        </FormField>
        <FormField label={t('expense.category')} error={feedback.fields.category ? t('expense.categoryInvalid') : undefined}>
          <Segments options={categories.data?.items.map((c) => c.code) ?? []} value={draft.category} label={categoryName} onChange={set('category')} />
        </FormField>
        <FormField label={t('expense.amount')} error={feedback.fields.amountFen}>
          <Input type="digit" value={draft.amount} onChange={set('amount')} placeholder="0.00" />
        </FormField>
        <FormField label={t('expense.date')} error={feedback.fields.date}>
          <DateField value={draft.date} placeholder={t('common.chooseDate')} end={today} onChange={set('date')} />
        </FormField>
        <FormField label={t('expense.payee')} error={feedback.fields.payee}>
          <Input value={draft.payee} onChange={set('payee')} placeholder={t('expense.payeePlaceholder')} maxLength={60} />
        </FormField>
        <FormField label={t('expense.note')}>
          <TextArea value={draft.note} onChange={set('note')} placeholder={t('expense.notePlaceholder')} maxLength={200} />
        </FormField>
        <FormField label={t('expense.receipt')} error={feedback.fields.receiptKey ?? (uploadFailed ? t('expense.uploadFailed') : undefined)}>
          <View className="books-receipt" onClick={() => void addReceipt()}>
            {receiptPreview ? <Image className="books-receipt__image" src={receiptPreview} mode="aspectFill" /> : null}
            <Text className="books-receipt__label">
              {uploading !== undefined ? t('expense.uploading', { percent: uploading }) : receiptPreview ? t('expense.replaceReceipt') : t('expense.addReceipt')}
            </Text>
          </View>
        </FormField>
        <FormMessage message={feedback.message} />
      </Card>
      {loaded?.status !== 'void' && (
        <Button block type="primary" loading={feedback.saving} disabled={uploading !== undefined} onClick={() => void save()}>
          {t('expense.save')}
        </Button>
      )}
      {revisions.length > 0 && (
        <Card title={t('expense.history')}>
          {revisions.map((r) => (
            <View key={r.version} className="books-row">
              <View className="books-row__main">
                <Text className="books-row__title">{t(`expense.change.${r.change}`, { name: r.by.name })}</Text>
                <Text className="books-row__meta">{`${dates.dayTime(r.at)} · ${t('expense.before')} ${r.before.payee} · ${categoryName(r.before.category)} · ${dates.day(r.before.date)}`}</Text>
              </View>
              <Text className="books-row__amount books-row__amount--void">{formatSignedFen(r.before.kind === 'expense' ? -r.before.amountFen : r.before.amountFen)}</Text>
            </View>
          ))}
        </Card>
      )}
    </View>
  )
}
