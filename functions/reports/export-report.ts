import type { z } from 'zod'
import type { ReportName } from '../../types/reports'
import * as ops from '../../types/reports-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { forbidden } from '../domain/errors'
import { excelCsv } from '../domain/excel-csv'
import { yuan } from '../domain/money'
import { mayCall } from '../domain/permissions'
import { customersReport } from './customers-report'
import { dailyReport } from './daily-report'
import { funnelReport } from './funnel-report'
import type { ReportsDeps } from './ports'
import { productionReport } from './production-report'
import { receivablesReport } from './receivables-report'
import { revenueReport } from './revenue-report'
import { staffReport } from './staff-report'
import { stockReport } from './stock-report'
import { upsellReport } from './upsell-report'

type RangeInput = z.output<typeof ops.dailyReport.input>

const REPORTS: Record<ReportName, { operation: { access: readonly string[] | 'public' }; run: (deps: ReportsDeps, input: RangeInput, ctx: RequestContext) => Promise<Record<string, unknown>> }> = {
  daily: { operation: ops.dailyReport, run: dailyReport },
  revenue: { operation: ops.revenueReport, run: revenueReport },
  upsell: { operation: ops.upsellReport, run: upsellReport },
  funnel: { operation: ops.funnelReport, run: funnelReport },
  receivables: { operation: ops.receivablesReport, run: receivablesReport },
  production: { operation: ops.productionReport, run: productionReport },
  staff: { operation: ops.staffReport, run: staffReport },
  customers: { operation: ops.customersReport, run: customersReport },
  stock: { operation: ops.stockReport, run: stockReport },
}

const HEADERS = {
  'zh-CN': ['部分', '项目', '本期', '上期'],
  'en-US': ['Section', 'Figure', 'This period', 'Previous period'],
} as const

/** A list's rows are named by what they are about (a package, a channel, a person, a stage…). */
const LABEL_KEYS = ['packageName', 'channel', 'staffName', 'stage', 'age', 'reason', 'itemName', 'method', 'bucket']
const labelOf = (row: Record<string, unknown>) =>
  LABEL_KEYS.filter((k) => typeof row[k] === 'string').map((k) => String(row[k])).join(' ') || JSON.stringify(row)

/** Groups whose every figure is money (the daily report's money by method and by kind). */
const MONEY_GROUPS = new Set(['inByMethod', 'inByKind'])

/** A figure as Excel should show it: money in yuan (…Fen), a rate in percent with two decimals (…Bp), else as it is. */
function cell(key: string, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' && key.endsWith('Fen')) return yuan(value)
  if (typeof value === 'number' && key.endsWith('Bp')) return `${yuan(value)}%`
  return String(value)
}

/** Every figure of a period's object, flattened to rows keyed by its path. */
function flatten(value: unknown, path: string[], out: Map<string, { section: string; item: string; key: string; value: unknown }>) {
  if (Array.isArray(value)) {
    for (const row of value) {
      if (row && typeof row === 'object') {
        const label = labelOf(row as Record<string, unknown>)
        for (const [k, v] of Object.entries(row as Record<string, unknown>)) {
          if (LABEL_KEYS.includes(k)) continue
          if (v !== null && typeof v === 'object') flatten(v, [...path, label, k], out)
          else out.set([...path, label, k].join('/'), { section: [...path, label].join(' · '), item: k, key: k, value: v })
        }
      }
    }
    return
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== null && typeof v === 'object') flatten(v, [...path, k], out)
      else out.set([...path, k].join('/'), { section: path.join(' · '), item: k, key: MONEY_GROUPS.has(path.at(-1) ?? '') ? `${k}Fen` : k, value: v })
    }
  }
}

/**
 * Any report as a CSV Excel opens (the one Excel CSV writer of the app: BOM, CRLF, formula-safe
 * cells): each figure of the period beside the previous period's, money in yuan, then the state
 * figures ("now") and the chart's buckets.
 */
export async function exportReport(deps: ReportsDeps, input: z.output<typeof ops.exportReport.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const report = REPORTS[input.report]
  if (!mayCall(report.operation as never, caller.roles)) throw forbidden(`Your role may not see the ${input.report} report`)
  const { report: _report, locale, ...range } = input
  const answer = await report.run(deps, range, ctx)
  const current = new Map<string, { section: string; item: string; key: string; value: unknown }>()
  const previous = new Map<string, { section: string; item: string; key: string; value: unknown }>()
  flatten(answer.current, [], current)
  flatten(answer.previous, [], previous)
  const rows: string[][] = []
  for (const [path, row] of current) rows.push([row.section, row.item, cell(row.key, row.value), cell(row.key, previous.get(path)?.value ?? 0)])
  for (const [path, row] of previous) if (!current.has(path)) rows.push([row.section, row.item, cell(row.key, 0), cell(row.key, row.value)])
  if (answer.now) {
    const now = new Map<string, { section: string; item: string; key: string; value: unknown }>()
    flatten(answer.now, ['now'], now)
    for (const row of now.values()) rows.push([row.section, row.item, cell(row.key, row.value), ''])
  }
  const series = new Map<string, { section: string; item: string; key: string; value: unknown }>()
  flatten(answer.series, ['series'], series)
  for (const row of series.values()) rows.push([row.section, row.item, cell(row.key, row.value), ''])
  const filename = `${input.report}-${input.from}-${input.to}${input.branchId ? `-${input.branchId}` : ''}.csv`
  return { filename, csv: excelCsv([[...HEADERS[locale]], ...rows]), rows: rows.length }
}
