import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { listBranches } from '../../../types/operations'
import { exportReport } from '../../../types/reports-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { DateField } from '../../components/DateField'
import { FormMessage } from '../../components/FormField'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { useQuery } from '../../hooks/useQuery'
import { useStaffPage } from '../../hooks/useStaffPage'
import { useStudioTimeZone } from '../../hooks/useStudioTimeZone'
import { useI18n, type MessageKey } from '../../i18n'
import { errorMessage } from '../../i18n/errors'
import { studioToday } from '../../lib/studio-time'
import { Forbidden } from '../../components/Forbidden'
import { saveCsv } from '../../lib/csv-file'
import { isReportName, reportOperations } from '../names'
import { rangeKinds, rangeOf, type RangeKind } from '../range'
import { ReportBody, isEmptyReport } from '../bodies'
import '../reports.scss'

/** A row of exclusive choices drawn as one segmented control. */
function Segments<T extends string>({ options, value, label, onChange }: { options: readonly T[]; value: T; label: (option: T) => string; onChange: (option: T) => void }) {
  return (
    <View className="report-segments">
      {options.map((option) => (
        <Text key={option} className={`report-segment${option === value ? ' report-segment--active' : ''}`} onClick={() => onChange(option)}>
          {label(option)}
        </Text>
      ))}
    </View>
  )
}

/**
 * One report: a range (the day, the last seven days, the month, or two chosen days), a branch
 * (an admin may pick one or all; a manager sees their own), the figures beside the previous
 * period, charts, ranked lists, and a CSV export. Pull down to refresh.
 */
export default function ReportPage() {
  const { t, locale } = useI18n()
  const params = useRouter().params
  const name = isReportName(params.name) ? params.name : 'daily'
  const operation = reportOperations[name]
  const title = t(`report.${name}` as MessageKey)
  Taro.setNavigationBarTitle({ title })
  const { session, allowed } = useStaffPage(operation.access)
  const today = studioToday(useStudioTimeZone())
  const [kind, setKind] = useState<RangeKind>(name === 'daily' ? 'day' : 'month')
  const [custom, setCustom] = useState({ from: today.slice(0, 8) + '01', to: today })
  const range = rangeOf(kind, today, custom)
  const mayPickBranch = allowed && session !== null && !session.principal.branchId
  const branches = useQuery(() => call(listBranches, {}), [], mayPickBranch)
  const [branchId, setBranchId] = useState<string>('all')
  const input = { ...range, ...(branchId === 'all' ? {} : { branchId }) }
  const report = useQuery(() => call(operation as typeof reportOperations.daily, input) as Promise<unknown>, [name, range.from, range.to, range.granularity, branchId], allowed)
  const [exportFailure, setExportFailure] = useState<unknown>()
  usePullDownRefresh(() => void report.reload().finally(() => Taro.stopPullDownRefresh()))

  if (!session) return null
  if (!allowed) return <Forbidden />

  const exportCsv = async () => {
    setExportFailure(undefined)
    try {
      const file = await call(exportReport, { ...input, report: name, locale })
      await saveCsv(file.filename, file.csv)
      Taro.showToast({ title: t('reports.exported', { rows: file.rows }), icon: 'success' })
    } catch (failure) {
      setExportFailure(failure)
    }
  }

  return (
    <View className="screen report-page" data-report={name}>
      <Card>
        <Segments options={rangeKinds} value={kind} label={(k) => t(`reports.range.${k}` as MessageKey)} onChange={setKind} />
        {kind === 'custom' && (
          <View className="report-custom">
            <DateField value={custom.from} end={today} placeholder={t('reports.from')} onChange={(from) => setCustom({ ...custom, from })} />
            <DateField value={custom.to} end={today} placeholder={t('reports.to')} onChange={(to) => setCustom({ ...custom, to })} />
          </View>
        )}
        {mayPickBranch && (branches.data?.items.length ?? 0) > 1 && (
          <Segments
            options={['all', ...(branches.data?.items.map((b) => b.id) ?? [])]}
            value={branchId}
            label={(id) => (id === 'all' ? t('reports.allBranches') : branches.data?.items.find((b) => b.id === id)?.name ?? '')}
            onChange={setBranchId}
          />
        )}
        <Text className="report-note">{range.from === range.to ? range.from : t('reports.period', { from: range.from, to: range.to })}</Text>
      </Card>
      {report.loading && !report.data && <LoadingState />}
      {report.error !== undefined && <ErrorState error={report.error} onRetry={report.reload} />}
      {report.data !== undefined && !report.error && (isEmptyReport(name, report.data) ? <EmptyState title={t('reports.empty')} description={t('reports.emptyHint')} /> : <ReportBody name={name} data={report.data} />)}
      <View className="report-actions">
        <Button block type="default" onClick={exportCsv}>
          {t('reports.export')}
        </Button>
        {exportFailure !== undefined && <FormMessage message={errorMessage(t, exportFailure)} />}
      </View>
    </View>
  )
}
