import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { MAX_IMPORT_BYTES, exportCustomers, importCustomers } from '../../../types/crm-operations'
import type { ImportReport } from '../../../types/customers'
import { sourceOptions } from '../../crm/sources'
import { importOrders, type OrderImportReport } from '../../../types/history-import-operations'
import { call } from '../../api'
import { canUse } from '../../lib/access'
import { Card } from '../../components/Card'
import { FormMessage } from '../../components/FormField'
import { Button } from '../../components/ui'
import { usePageTitle } from '../../hooks/usePageTitle'
import { isMessageKey, useI18n, type MessageKey } from '../../i18n'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { useBranches } from '../../hooks/useBranches'
import { useSubmit } from '../../hooks/useSubmit'
import { pickCsv, saveCsv, type PickedFile } from './files'
import './index.scss'

type Count = { label: MessageKey; value: number; bad?: boolean }

/** A dry run writes nothing, so it reports how many rows are ready rather than how many were created. */
function previewCounts(report: ImportReport): Count[] {
  return [
    { label: 'import.rows', value: report.rows },
    { label: 'import.ready', value: report.rows - report.failed },
    { label: 'import.failed', value: report.failed, bad: report.failed > 0 },
  ]
}

function resultCounts(report: ImportReport): Count[] {
  return [
    { label: 'import.rows', value: report.rows },
    { label: 'import.created', value: report.created },
    { label: 'import.updated', value: report.updated },
    { label: 'import.skipped', value: report.skipped },
    { label: 'import.failed', value: report.failed, bad: report.failed > 0 },
  ]
}

type Kind = 'customers' | 'orders'
type AnyReport = ImportReport | OrderImportReport
const isOrderReport = (report: AnyReport): report is OrderImportReport => 'unknownPackages' in report

/** Past orders: what the run would write (or wrote), and what it left out. */
function orderCounts(report: OrderImportReport): Count[] {
  return [
    { label: 'import.rows', value: report.rows },
    { label: 'import.orders', value: report.created },
    { label: 'import.payments', value: report.payments },
    { label: 'import.newCustomers', value: report.customersCreated },
    { label: 'import.importedBefore', value: report.skipped },
    { label: 'import.failed', value: report.failed, bad: report.failed > 0 },
  ]
}

function Counts({ counts }: { counts: Count[] }) {
  const { t } = useI18n()
  return (
    <View className="import__counts">
      {counts.map(({ label, value, bad }) => (
        <View key={label} className={`import__count${bad ? ' import__count--bad' : ''}`}>
          <Text className="import__count-value">{value}</Text>
          <Text className="import__count-label">{t(label)}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * Customers, or past orders with their payments, from a CSV: a dry run first that lists every bad
 * line, then the import itself once confirmed.
 */
export default function CustomerImportPage() {
  const { t } = useI18n()
  usePageTitle('import.title')
  const { session, allowed } = useStaffPage(importCustomers.access)
  const [file, setFile] = useState<PickedFile>()
  const [kind, setKind] = useState<Kind>('customers')
  const [preview, setPreview] = useState<AnyReport>()
  const [result, setResult] = useState<AnyReport>()
  const feedback = useSubmit()
  const working = feedback.busy
  const [tooLarge, setTooLarge] = useState(false)

  const branches = useBranches(allowed)
  if (!session) return null
  if (!allowed) return <Forbidden />
  const mayExport = canUse(session.principal, exportCustomers.access)
  // Past orders go into the administrator's own branch.
  const branch = branches.branch(session.principal.branchId) ?? branches.items[0]
  const check = (fileBase64: string, dryRun: boolean): Promise<AnyReport> =>
    kind === 'orders' ? call(importOrders, { fileBase64, dryRun, branchId: branch?.id ?? '' }) : call(importCustomers, { fileBase64, dryRun })
  const switchTo = (next: Kind) => {
    setKind(next)
    setFile(undefined)
    setPreview(undefined)
    setResult(undefined)
    setTooLarge(false)
    feedback.reset()
  }

  const run = (step: 'check' | 'import' | 'export', work: () => Promise<void>) =>
    feedback.run(step, async () => {
      setTooLarge(false)
      await work()
    })

  const choose = () =>
    run('check', async () => {
      const picked = await pickCsv()
      if (!picked) return
      setFile(picked)
      setPreview(undefined)
      setResult(undefined)
      if (picked.size > MAX_IMPORT_BYTES) {
        setTooLarge(true)
        return
      }
      setPreview(await check(picked.base64, true))
    })

  const confirm = () =>
    run('import', async () => {
      if (!file) return
      setResult(await check(file.base64, false))
      setPreview(undefined)
    })

  const exportAll = () =>
    run('export', async () => {
      const { filename, csv, rows } = await call(exportCustomers, {})
      const how = await saveCsv(filename, csv)
      Taro.showToast({ title: t(how === 'downloaded' ? 'import.exported' : 'import.shared', { rows }), icon: 'none' })
    })

  const mappedColumns = preview ? Object.entries(preview.columns) : []
  /** A problem with a line in the user's language; a line that could not be saved says why, as any refused request does. */
  const problemText = ({ code, values = {} }: ImportReport['errors'][number]) => {
    const error = `error.${values.error}`
    return t(`import.problem.${code}`, code === 'NOT_SAVED' ? { error: isMessageKey(error) ? t(error) : t('error.INTERNAL') } : values)
  }
  const fieldLabel = (field: string) => {
    const key = `field.${field}`
    return isMessageKey(key) ? t(key) : field
  }

  return (
    <View className="screen import">
      <View className="import__kinds">
        {(['customers', 'orders'] as const).map((k) => (
          <Button key={k} size="small" type="primary" fill={kind === k ? 'solid' : 'outline'} disabled={working !== undefined} onClick={() => switchTo(k)}>
            {t(k === 'customers' ? 'import.kindCustomers' : 'import.kindOrders')}
          </Button>
        ))}
      </View>
      <Card title={t(kind === 'orders' ? 'import.ordersTitle' : 'import.importTitle')}>
        <Text className="import__lead">{t(kind === 'orders' ? 'import.ordersLead' : 'import.lead')}</Text>
        {kind === 'customers' && (
          <Text className="import__file">{t('import.sources', { sources: sourceOptions(t).map((option) => option.label).join(' · ') })}</Text>
        )}
        {kind === 'orders' && branch && <Text className="import__file">{t('import.ordersBranch', { branch: branch.name })}</Text>}
        {file && <Text className="import__file">{t('import.file', { name: file.name, size: Math.max(1, Math.round(file.size / 1024)) })}</Text>}
        <Button block type="primary" fill={file ? 'outline' : 'solid'} loading={working === 'check'} disabled={working !== undefined} onClick={choose}>
          {file ? t('import.chooseAnother') : t('import.choose')}
        </Button>
      </Card>

      <FormMessage message={tooLarge ? t('import.tooLarge', { size: Math.round(MAX_IMPORT_BYTES / 1024) }) : feedback.message} />

      {preview && (
        <Card title={t('import.previewTitle')}>
          <Counts counts={isOrderReport(preview) ? orderCounts(preview) : previewCounts(preview)} />
          {isOrderReport(preview) && preview.unknownPackages.length > 0 && (
            <Text className="import__unknown">{t('import.unknownPackages', { names: preview.unknownPackages.join('、') })}</Text>
          )}
          {mappedColumns.length > 0 && (
            <Text className="import__columns">
              {t('import.columns', { columns: mappedColumns.map(([header, field]) => `${header} → ${fieldLabel(field)}`).join(', ') })}
            </Text>
          )}
          {preview.errors.length === 0 ? (
            <Text className="import__ok">{t('import.noErrors')}</Text>
          ) : (
            <View className="import__errors">
              <Text className="import__errors-title">{t('import.badRows', { count: preview.errors.length })}</Text>
              {preview.errors.map((error, index) => (
                <View key={index} className="import__error">
                  <Text className="import__error-where">
                    {error.column ? t('import.lineColumn', { line: error.line, column: error.column }) : t('import.line', { line: error.line })}
                  </Text>
                  <Text className="import__error-reason">{problemText(error)}</Text>
                </View>
              ))}
            </View>
          )}
          <Text className="import__note">{isOrderReport(preview) ? t('import.ordersConfirmNote') : preview.errors.length > 0 ? t('import.confirmNoteWithErrors') : t('import.confirmNote')}</Text>
          <Button block type="primary" loading={working === 'import'} disabled={working !== undefined || preview.rows === preview.failed} onClick={confirm}>
            {t('import.confirm')}
          </Button>
        </Card>
      )}

      {result && (
        <Card title={t('import.doneTitle')}>
          <Counts counts={isOrderReport(result) ? orderCounts(result) : resultCounts(result)} />
          {result.errors.length > 0 && <Text className="import__note">{t('import.badRows', { count: result.errors.length })}</Text>}
        </Card>
      )}

      {mayExport && kind === 'customers' && (
        <Card title={t('import.exportTitle')}>
          <Text className="import__lead">{t('import.exportLead')}</Text>
          <Button block fill="outline" type="primary" loading={working === 'export'} disabled={working !== undefined} onClick={exportAll}>
            {t('import.export')}
          </Button>
        </Card>
      )}
    </View>
  )
}
