import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { CommissionLine } from '../../../types/finance'
import { branchCommission, exportCommission, myCommission } from '../../../types/finance-operations'
import { canUse } from '../../lib/access'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormMessage } from '../../components/FormField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useStudioTimeZone } from '../../hooks/useStudioTimeZone'
import { useI18n } from '../../i18n'
import { errorMessage } from '../../i18n/errors'
import { formatFen } from '../../lib/money'
import { useStaffPage } from '../../hooks/useStaffPage'
import { studioToday } from '../../lib/studio-time'
import { BranchSwitch, formatSignedFen, Segments, useBooksBranch } from '../books'
import { saveCsv } from '../../lib/csv-file'
import '../books.scss'

type View_ = 'mine' | 'branch'

/** The month before or after a YYYY-MM month. */
function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number)
  const index = y! * 12 + (m! - 1) + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** A line as the page shows it: without its base for the crew, who see what they earned. */
type LineShown = Omit<CommissionLine, 'baseFen'> & { baseFen?: number }

function Lines({ lines, showStaff }: { lines: LineShown[]; showStaff: boolean }) {
  const { t } = useI18n()
  return (
    <>
      {lines.map((line) => (
        <View key={line.id} className="books-row">
          <View className="books-row__main">
            <Text className="books-row__title">{`${line.date.slice(5)} · ${t(`commission.work.${line.work}`)}${showStaff ? ` · ${line.staffName}` : ''}`}</Text>
            <Text className="books-row__meta">
              {[
                t(`commission.source.${line.source.kind}`),
                line.baseFen !== undefined && t('commission.base', { amount: formatSignedFen(line.baseFen) }),
                t('commission.ruleVersion', { version: line.ruleVersion }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </View>
          <Text className={`books-row__amount${line.amountFen < 0 ? ' books-row__amount--minus' : ''}`}>{formatSignedFen(line.amountFen)}</Text>
        </View>
      ))}
    </>
  )
}

/** Commission of a month: a person's own lines; a manager's view of the branch, exported for payroll. */
export default function CommissionPage() {
  const { t } = useI18n()
  usePageTitle('commission.title')
  const { session, allowed } = useStaffPage(myCommission.access)
  const isManager = session !== null && canUse(session.principal, branchCommission.access)
  const [view, setView] = useState<View_>(useRouter().params.view === 'mine' || !isManager ? 'mine' : 'branch')
  const [month, setMonth] = useState(studioToday(useStudioTimeZone()).slice(0, 7))
  const books = useBooksBranch(session, allowed && isManager)
  const mine = useQuery(() => call(myCommission, { month }), [month], allowed && view === 'mine')
  const branch = useQuery(() => call(branchCommission, { month, branchId: books.branchId! }), [month, books.branchId], isManager && view === 'branch' && books.branchId !== undefined)
  const [exporting, setExporting] = useState(false)
  const [exportFailure, setExportFailure] = useState<unknown>()

  usePullDownRefresh(mine, branch)
  if (!session) return null
  const shown = view === 'mine' ? mine : branch
  const totals = shown.data?.totals

  const exportCsv = async () => {
    setExporting(true)
    setExportFailure(undefined)
    try {
      const file = await call(exportCommission, { month, branchId: books.branchId! })
      await saveCsv(file.filename, file.csv)
      Taro.showToast({ title: t('commission.exported', { rows: file.rows }), icon: 'success' })
    } catch (failure) {
      setExportFailure(failure)
    } finally {
      setExporting(false)
    }
  }

  return (
    <View className="screen books-commission">
      {isManager && <Segments options={['branch', 'mine'] as const} value={view} label={(v) => t(`commission.${v}`)} onChange={setView} />}
      {view === 'branch' && <BranchSwitch books={books} />}
      <View className="books-month">
        <Text className="books-month__step" onClick={() => setMonth(shiftMonth(month, -1))}>{`‹ ${t('commission.previousMonth')}`}</Text>
        <Text className="books-month__name">{month}</Text>
        <Text className="books-month__step" onClick={() => setMonth(shiftMonth(month, 1))}>{`${t('commission.nextMonth')} ›`}</Text>
      </View>
      <View className="books-hero">
        <Text className="books-hero__label">{t('commission.net')}</Text>
        <Text className="books-hero__amount">{totals ? formatSignedFen(totals.netFen) : '—'}</Text>
        {totals && <Text className="books-hero__hint">{`${t('commission.earned', { amount: formatFen(totals.earnedFen) })} · ${t('commission.clawedBack', { amount: formatFen(totals.clawedBackFen) })}`}</Text>}
      </View>
      {shown.error !== undefined && <ErrorState error={shown.error} onRetry={shown.reload} />}
      {shown.loading && !shown.data && <LoadingState />}
      {view === 'branch' && branch.data && branch.data.staff.length > 0 && (
        <Card title={t('commission.staffTotals')}>
          {branch.data.staff.map((s) => (
            <View key={s.staffId} className="books-row">
              <View className="books-row__main">
                <Text className="books-row__title">{s.staffName}</Text>
                <Text className="books-row__meta">{t('commission.lineCount', { count: s.lines })}</Text>
              </View>
              <Text className="books-row__amount">{formatSignedFen(s.netFen)}</Text>
            </View>
          ))}
        </Card>
      )}
      {shown.data && (
        <Card title={t('commission.lines')}>
          {shown.data.items.length === 0 && <Text className="books-note">{t('commission.none')}</Text>}
          <Lines lines={shown.data.items} showStaff={view === 'branch'} />
        </Card>
      )}
      {view === 'branch' && (
        <>
          <FormMessage message={exportFailure === undefined ? undefined : errorMessage(t, exportFailure)} />
          <Button block type="primary" loading={exporting} onClick={() => void exportCsv()}>
            {t('commission.export')}
          </Button>
        </>
      )}
    </View>
  )
}
