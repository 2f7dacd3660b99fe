import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { Stocktake } from '../../../types/inventory'
import { countStocktake, getStocktake, postStocktake } from '../../../types/inventory-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormField, FormMessage } from '../../components/FormField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Input } from '../../components/ui'
import { useDates } from '../../hooks/useDates'
import { useFormFeedback } from '../../hooks/useFormFeedback'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { parseWhole } from '../../lib/money'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import '../stock.scss'
import './index.scss'

type Counts = Record<string, string>

const countsOf = (sheet: Stocktake): Counts => Object.fromEntries(sheet.lines.map((l) => [l.itemId, l.counted === undefined ? '' : String(l.counted)]))

/** The lines whose typed count differs from what the sheet holds: a blank clears a line, anything else is sent as typed (the API names what is not a count). */
function changedCounts(sheet: Stocktake, counts: Counts) {
  return sheet.lines.flatMap((line) => {
    const typed = (counts[line.itemId] ?? '').trim()
    const saved = line.counted === undefined ? '' : String(line.counted)
    if (typed === saved) return []
    return [{ itemId: line.itemId, counted: typed === '' ? null : (parseWhole(typed) ?? -1) }]
  })
}

/** A count sheet on a phone: walk the shelves typing what is there, save as you go, then post the differences with a reason. */
export default function StocktakePage() {
  const dates = useDates()
  const { t } = useI18n()
  usePageTitle('stocktake.title')
  const stocktakeId = useRouter().params.id ?? ''
  const { session, allowed } = useStaffPage(getStocktake.access)
  const loaded = useQuery(() => call(getStocktake, { stocktakeId }), [stocktakeId], allowed && stocktakeId !== '')
  const [sheet, setSheet] = useState<Stocktake>()
  const [counts, setCounts] = useState<Counts>({})
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState<'save' | 'post'>()
  const form = useFormFeedback()

  useEffect(() => {
    if (loaded.data) {
      setSheet(loaded.data)
      setCounts(countsOf(loaded.data))
    }
  }, [loaded.data])

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (loaded.error !== undefined) return <ErrorState error={loaded.error} onRetry={loaded.reload} />
  if (!sheet) return <LoadingState />

  const save = async (current: Stocktake): Promise<Stocktake> => {
    const changes = changedCounts(current, counts)
    if (!changes.length) return current
    const saved = await call(countStocktake, { stocktakeId, version: current.version, counts: changes })
    setSheet(saved)
    return saved
  }
  const run = async (kind: 'save' | 'post', action: () => Promise<unknown>, done: string) => {
    form.reset()
    setBusy(kind)
    try {
      await action()
      Taro.showToast({ title: done, icon: 'success' })
    } catch (error) {
      form.report(error)
      await loaded.reload()
    } finally {
      setBusy(undefined)
    }
  }
  const post = () =>
    run(
      'post',
      async () => {
        const saved = await save(sheet)
        setSheet(await call(postStocktake, { stocktakeId, version: saved.version, reason }))
      },
      t('stocktake.posted'),
    )

  const open = sheet.status === 'open'
  const difference = (itemId: string, expected: number) => {
    const counted = parseWhole(counts[itemId] ?? '')
    return counted === undefined ? undefined : counted - expected
  }
  const counted = sheet.lines.filter((l) => parseWhole(counts[l.itemId] ?? '') !== undefined)
  const differing = counted.filter((l) => difference(l.itemId, l.expected) !== 0)

  return (
    <View className="screen stocktake">
      <View className="stocktake__head">
        <Text className={`stocktake__status${open ? '' : ' stocktake__status--posted'}`}>{t(open ? 'stocktake.statusOpen' : 'stocktake.statusPosted')}</Text>
        <Text className="stocktake__meta">{t('stocktake.openedBy', { name: sheet.openedBy.name, time: dates.dayTime(sheet.openedAt) })}</Text>
        <Text className="stocktake__summary">{t('stocktake.summary', { counted: counted.length, total: sheet.lines.length, differences: differing.length })}</Text>
        {sheet.postedBy && sheet.postedAt && (
          <Text className="stocktake__meta">{t('stocktake.postedBy', { name: sheet.postedBy.name, time: dates.dayTime(sheet.postedAt), reason: sheet.reason ?? '' })}</Text>
        )}
      </View>

      {sheet.lines.map((line) => {
        const diff = difference(line.itemId, line.expected)
        return (
          <View key={line.itemId} className={`count-line${diff ? ' count-line--differs' : ''}`}>
            <View className="count-line__what">
              <Text className="count-line__name">{line.itemName}</Text>
              <Text className="count-line__books">{`${t('stocktake.books', { count: line.expected })}${line.unit}`}</Text>
              {diff !== undefined && diff !== 0 && <Text className="count-line__diff">{t('stocktake.difference', { diff: diff > 0 ? `+${diff}` : diff })}</Text>}
            </View>
            <View className="count-line__input">
              <Input
                type="number"
                disabled={!open}
                value={counts[line.itemId] ?? ''}
                onChange={(value) => setCounts({ ...counts, [line.itemId]: value })}
                placeholder={t('stocktake.countPlaceholder')}
                maxLength={6}
              />
            </View>
          </View>
        )
      })}

      {open && (
        <Card>
          <FormField label={t('stocktake.reason')} error={form.fields.reason} hint={t('stocktake.uncountedHint')}>
            <Input value={reason} onChange={setReason} placeholder={t('stocktake.reasonPlaceholder')} maxLength={200} />
          </FormField>
          <FormMessage message={form.message} />
          <View className="stock-actions">
            <Button fill="outline" loading={busy === 'save'} disabled={busy !== undefined} onClick={() => run('save', () => save(sheet), t('stocktake.saved'))}>
              {t('stocktake.save')}
            </Button>
            <Button type="primary" loading={busy === 'post'} disabled={busy !== undefined} onClick={post}>
              {t('stocktake.post')}
            </Button>
          </View>
        </Card>
      )}
    </View>
  )
}
