import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { ExpenseCategory } from '../../../types/finance'
import { listExpenseCategories, saveExpenseCategories } from '../../../types/finance-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormField, FormMessage } from '../../components/FormField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Input } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useSubmit } from '../../hooks/useSubmit'
import { useI18n } from '../../i18n'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import '../books.scss'

/**
 * A new category's code, from its English name ("Staff meals" → "staff-meals"), made unique in the
 * list. Entries keep the code they were recorded with, so a renamed category keeps its code.
 */
export function categoryCode(nameEn: string, taken: readonly string[]): string {
  const stem = nameEn.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 28) || 'category'
  let code = stem
  for (let n = 2; taken.includes(code); n++) code = `${stem}-${n}`
  return code
}

/** A manager keeps the studio's own list of expense and income categories: renames, adds and removes them. */
export default function ExpenseCategoriesPage() {
  const { t } = useI18n()
  usePageTitle('categories.title')
  const { session, allowed } = useStaffPage(saveExpenseCategories.access)
  const saved = useQuery(() => call(listExpenseCategories, {}), [], allowed)
  const [items, setItems] = useState<ExpenseCategory[]>([])
  const [name, setName] = useState('')
  const [nameEn, setNameEn] = useState('')
  const feedback = useSubmit()
  useEffect(() => {
    if (saved.data) setItems(saved.data.items)
  }, [saved.data])

  usePullDownRefresh(saved)
  if (!session) return null
  if (!allowed) return <Forbidden />
  if (!saved.data) return saved.error !== undefined ? <ErrorState error={saved.error} onRetry={saved.reload} /> : <LoadingState />

  const change = (i: number, field: 'name' | 'nameEn') => (value: string) => setItems((list) => list.map((c, j) => (j === i ? { ...c, [field]: value } : c)))
  const remove = (i: number) => setItems((list) => list.filter((_, j) => j !== i))
  const add = () => {
    if (!name.trim() || !nameEn.trim()) return
    setItems((list) => [...list, { code: categoryCode(nameEn, list.map((c) => c.code)), name: name.trim(), nameEn: nameEn.trim() }])
    setName('')
    setNameEn('')
  }
  const save = () =>
    feedback.submit(async () => {
      const result = await call(saveExpenseCategories, { items })
      setItems(result.items)
      await saved.reload()
      Taro.showToast({ title: t('categories.saved'), icon: 'success' })
    })

  return (
    <View className="screen books-categories">
      <Text className="books-note">{t('categories.hint')}</Text>
      <Card>
        {items.map((c, i) => (
          <View key={c.code} className="books-category">
            <View className="books-category__names">
              <Input value={c.name} onChange={change(i, 'name')} placeholder={t('categories.name')} maxLength={20} />
              <Input value={c.nameEn} onChange={change(i, 'nameEn')} placeholder={t('categories.nameEn')} maxLength={40} />
            </View>
            <Text className="books-category__remove" onClick={() => remove(i)}>
              {t('categories.remove')}
            </Text>
          </View>
        ))}
        <FormMessage message={feedback.message} />
      </Card>
      <Card title={t('categories.new')}>
        <FormField label={t('categories.name')}>
          <Input value={name} onChange={setName} placeholder={t('categories.namePlaceholder')} maxLength={20} />
        </FormField>
        <FormField label={t('categories.nameEn')}>
          <Input value={nameEn} onChange={setNameEn} placeholder={t('categories.nameEnPlaceholder')} maxLength={40} />
        </FormField>
        <Button block disabled={!name.trim() || !nameEn.trim()} onClick={add}>
          {t('categories.add')}
        </Button>
      </Card>
      <Button block type="primary" loading={feedback.saving} disabled={items.length === 0} onClick={() => void save()}>
        {t('categories.save')}
      </Button>
    </View>
  )
}
