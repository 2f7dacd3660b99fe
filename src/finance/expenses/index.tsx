import { Image, View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { listExpenseCategories, listExpenses, voidExpense } from '../../../types/finance-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { DateField } from '../../components/DateField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { FormField, FormMessage } from '../../components/FormField'
import { Button, Input } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useStudioTimeZone } from '../../hooks/useStudioTimeZone'
import { useSubmit } from '../../hooks/useSubmit'
import { useI18n } from '../../i18n'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { studioToday } from '../../lib/studio-time'
import { BranchSwitch, Figure, formatSignedFen, useBooksBranch } from '../books'
import '../books.scss'

/** A branch's expenses and other income of one day, and the way to record another. */
export default function ExpensesPage() {
  const { t, locale } = useI18n()
  usePageTitle('expense.title')
  const { session, allowed } = useStaffPage(listExpenses.access)
  const books = useBooksBranch(session, allowed)
  const today = studioToday(useStudioTimeZone())
  const [date, setDate] = useState(today)
  const [voiding, setVoiding] = useState<string>()
  const [reason, setReason] = useState('')
  const feedback = useSubmit()
  const ready = allowed && books.branchId !== undefined
  const entries = useQuery(() => call(listExpenses, { branchId: books.branchId!, from: date, to: date }), [books.branchId, date], ready)
  const categories = useQuery(() => call(listExpenseCategories, {}), [], allowed)
  usePullDownRefresh(entries, categories)
  useShownAgain(() => {
    if (ready) void entries.reload()
  })

  if (!session) return null
  if (!allowed) return <Forbidden />
  const categoryName = (code: string) => {
    const category = categories.data?.items.find((c) => c.code === code)
    return category ? (locale === 'zh-CN' ? category.name : category.nameEn) : code
  }
  const choose = (id: string) => {
    feedback.reset()
    setReason('')
    setVoiding(voiding === id ? undefined : id)
  }
  const confirmVoid = (entry: { id: string; version: number }) =>
    feedback.submit(async () => {
      await call(voidExpense, { expenseId: entry.id, version: entry.version, reason })
      Taro.showToast({ title: t('expense.voided'), icon: 'success' })
      setVoiding(undefined)
      await entries.reload()
    })
  const active = entries.data?.items.filter((e) => e.status === 'active') ?? []
  const sum = (kind: 'expense' | 'income') => active.filter((e) => e.kind === kind).reduce((s, e) => s + e.amountFen, 0)

  return (
    <View className="screen books-expenses">
      <BranchSwitch books={books} />
      <DateField value={date} placeholder={t('common.chooseDate')} end={today} onChange={setDate} />
      <View className="books-hero">
        <View className="books-hero__figures">
          <Figure label={t('expense.totalExpense')} fen={sum('expense')} />
          <Figure label={t('expense.totalIncome')} fen={sum('income')} />
        </View>
      </View>
      <Card>
        {entries.error !== undefined && <ErrorState error={entries.error} onRetry={entries.reload} />}
        {entries.loading && !entries.data && <LoadingState />}
        {entries.data?.items.length === 0 && <Text className="books-note">{t('expense.none')}</Text>}
        {entries.data?.items.map((entry) => (
          <View key={entry.id} className="books-entry">
            <View className="books-row" onClick={() => entry.status === 'active' && choose(entry.id)}>
              {entry.receiptUrl && (
                <Image
                  className="books-row__thumb"
                  src={entry.receiptUrl}
                  mode="aspectFill"
                  onClick={(event) => {
                    event.stopPropagation()
                    void Taro.previewImage({ urls: [entry.receiptUrl!] })
                  }}
                />
              )}
              <View className="books-row__main">
                <Text className="books-row__title">{entry.payee}</Text>
                <Text className="books-row__meta">{`${t(`expense.kind.${entry.kind}`)} · ${categoryName(entry.category)} · ${t('expense.recordedBy', { name: entry.recordedBy.name })}`}</Text>
                {entry.note && <Text className="books-row__meta">{entry.note}</Text>}
                {entry.status === 'void' && <Text className="books-row__tag books-row__tag--muted">{`${t('expense.void')}${entry.voidReason ? `：${entry.voidReason}` : ''}`}</Text>}
                {entry.corrects && <Text className="books-row__tag">{t('expense.correction')}</Text>}
              </View>
              <Text className={`books-row__amount${entry.status === 'void' ? ' books-row__amount--void' : entry.kind === 'expense' ? ' books-row__amount--minus' : ''}`}>
                {formatSignedFen(entry.kind === 'expense' ? -entry.amountFen : entry.amountFen)}
              </Text>
            </View>
            {voiding === entry.id && (
              <View className="books-entry__void">
                <FormField label={t('expense.voidReason')} error={feedback.fields.reason}>
                  <Input value={reason} onChange={setReason} placeholder={t('expense.voidReasonPlaceholder')} maxLength={200} />
                </FormField>
                <FormMessage message={feedback.message} />
                <Button
                  block
                  onClick={() => {
                    setVoiding(undefined)
                    void Taro.navigateTo({ url: `${routes.expenseForm}?expenseId=${entry.id}` })
                  }}
                >
                  {t('expense.editAction')}
                </Button>
                <Button block type="danger" loading={feedback.saving} onClick={() => void confirmVoid(entry)}>
                  {t('expense.voidAction')}
                </Button>
              </View>
            )}
          </View>
        ))}
      </Card>
      <Button block type="primary" onClick={() => Taro.navigateTo({ url: `${routes.expenseForm}?branchId=${books.branchId}&date=${date}` })}>
        {t('expense.new')}
      </Button>
    </View>
  )
}
