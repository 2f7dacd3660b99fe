import { Image, View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { ExpenseKind } from '../../../types/finance'
import { listExpenseCategories, recordExpense } from '../../../types/finance-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { DateField } from '../../components/DateField'
import { FormField, FormMessage } from '../../components/FormField'
import { Button, Input, TextArea } from '../../components/ui'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useSubmit } from '../../hooks/useSubmit'
import { useQuery } from '../../hooks/useQuery'
import { useStudioTimeZone } from '../../hooks/useStudioTimeZone'
import { useI18n } from '../../i18n'
import { parseYuan } from '../../lib/money'
import { newRequestId } from '../../lib/request-id'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { studioToday } from '../../lib/studio-time'
import { Segments } from '../books'
import { chooseAndUploadReceipt } from '../receipt'
import '../books.scss'

const KINDS: readonly ExpenseKind[] = ['expense', 'income']

/** Finance records an expense or other income of the branch, with a photo of its receipt. */
export default function ExpenseFormPage() {
  const { t, locale } = useI18n()
  usePageTitle('expense.formTitle')
  const params = useRouter().params
  const { session, allowed } = useStaffPage(recordExpense.access)
  const today = studioToday(useStudioTimeZone())
  const categories = useQuery(() => call(listExpenseCategories, {}), [], allowed)
  const [kind, setKind] = useState<ExpenseKind>('expense')
  const [category, setCategory] = useState('')
  const [amount, setAmount] = useState('')
  const [date, setDate] = useState(params.date ?? today)
  const [payee, setPayee] = useState('')
  const [note, setNote] = useState('')
  const [receipt, setReceipt] = useState<{ receiptKey: string; preview: string }>()
  const [uploading, setUploading] = useState<number>()
  const [uploadFailed, setUploadFailed] = useState(false)
  const feedback = useSubmit()
  const requestId = useRef(newRequestId())

  if (!session) return null
  if (!allowed) return <Forbidden />
  const branchId = params.branchId ?? session.principal.branchId ?? ''

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

  const save = () =>
    feedback.submit(async () => {
      await call(recordExpense, {
        requestId: requestId.current,
        branchId,
        kind,
        category,
        // An amount that is not one is sent as such, so the API's own check names the field.
        amountFen: parseYuan(amount) ?? -1,
        date,
        payee,
        note: note.trim() || undefined,
        receiptKey: receipt?.receiptKey,
      })
      Taro.showToast({ title: t('expense.saved'), icon: 'success' })
      setTimeout(() => Taro.navigateBack(), 600)
    })

  return (
    <View className="screen books-expense">
      <Card>
        <FormField label={t('expense.kind')}>
          <Segments options={KINDS} value={kind} label={(k) => t(`expense.kind.${k}`)} onChange={setKind} />
        </FormField>
        <FormField label={t('expense.category')} error={feedback.fields.category ? t('expense.categoryInvalid') : undefined}>
          <Segments
            options={categories.data?.items.map((c) => c.code) ?? []}
            value={category}
            label={(code) => {
              const found = categories.data?.items.find((c) => c.code === code)
              return found ? (locale === 'zh-CN' ? found.name : found.nameEn) : code
            }}
            onChange={setCategory}
          />
        </FormField>
        <FormField label={t('expense.amount')} error={feedback.fields.amountFen}>
          <Input type="digit" value={amount} onChange={setAmount} placeholder="0.00" />
        </FormField>
        <FormField label={t('expense.date')} error={feedback.fields.date}>
          <DateField value={date} placeholder={t('common.chooseDate')} end={today} onChange={setDate} />
        </FormField>
        <FormField label={t('expense.payee')} error={feedback.fields.payee}>
          <Input value={payee} onChange={setPayee} placeholder={t('expense.payeePlaceholder')} maxLength={60} />
        </FormField>
        <FormField label={t('expense.note')}>
          <TextArea value={note} onChange={setNote} placeholder={t('expense.notePlaceholder')} maxLength={200} />
        </FormField>
        <FormField label={t('expense.receipt')} error={feedback.fields.receiptKey ?? (uploadFailed ? t('expense.uploadFailed') : undefined)}>
          <View className="books-receipt" onClick={() => void addReceipt()}>
            {receipt ? <Image className="books-receipt__image" src={receipt.preview} mode="aspectFill" /> : null}
            <Text className="books-receipt__label">
              {uploading !== undefined ? t('expense.uploading', { percent: uploading }) : receipt ? t('expense.replaceReceipt') : t('expense.addReceipt')}
            </Text>
          </View>
        </FormField>
        <FormMessage message={feedback.message} />
      </Card>
      <Button block type="primary" loading={feedback.saving} disabled={uploading !== undefined} onClick={() => void save()}>
        {t('expense.save')}
      </Button>
    </View>
  )
}
