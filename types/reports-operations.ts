import * as z from 'zod'
import { IdSchema, IsoDateSchema, LocaleSchema } from './common'
import { defineOperation } from './operation'
import {
  CustomersReportSchema,
  DailyReportSchema,
  FunnelReportSchema,
  HomeReportSchema,
  ProductionReportSchema,
  ReceivablesReportSchema,
  RecomputeResultSchema,
  ReportCsvSchema,
  ReportGranularitySchema,
  ReportNameSchema,
  RevenueReportSchema,
  StaffReportSchema,
  StockReportSchema,
  UpsellReportSchema,
} from './reports'

/** Managers see their branch, admins every branch, finance the money reports of their branch. */
const MONEY_REPORTS = ['finance', 'manager', 'admin'] as const
const MANAGERS = ['manager', 'admin'] as const

/** The longest range a report covers: a year, leap day included. */
export const MAX_REPORT_DAYS = 366

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000

const RangeFields = {
  from: IsoDateSchema,
  to: IsoDateSchema,
  branchId: IdSchema.optional(),
  granularity: ReportGranularitySchema.default('day'),
}

/** Two days in order and at most a year apart; the message sits on `to`. */
const withinAYear = <T extends z.ZodType<{ from: string; to: string }>>(schema: T) =>
  schema
    .refine((v) => v.from <= v.to, { path: ['to'], message: 'must not be before from' })
    .refine((v) => v.from > v.to || dayNumber(v.to) - dayNumber(v.from) + 1 <= MAX_REPORT_DAYS, {
      path: ['to'],
      message: `must be at most ${MAX_REPORT_DAYS} days after from (both included)`,
    })

/**
 * A report's range: two days of the studio's calendar, both included, at most a year; a
 * branch, or every branch the caller may see when absent.
 */
export const ReportRangeSchema = withinAYear(z.strictObject(RangeFields))

const report = <N extends string, O extends z.ZodType>(name: N, path: string, summary: string, output: O, access: readonly ('finance' | 'manager' | 'admin')[]) =>
  defineOperation({ name, scope: 'branch', method: 'GET', path, summary, tag: 'reports', input: ReportRangeSchema, output, access })

export const dailyReport = report(
  'reports.daily',
  '/reports/daily',
  '营业日报: bookings, shoots, selections, pick-ups, money in by method and kind, refunds, expenses, net — with the previous period',
  DailyReportSchema,
  MONEY_REPORTS,
)
export const revenueReport = report(
  'reports.revenue',
  '/reports/revenue',
  'Orders opened, their value and average, by package and by source channel — with the previous period',
  RevenueReportSchema,
  MONEY_REPORTS,
)
export const upsellReport = report(
  'reports.upsell',
  '/reports/upsell',
  'Extra photos and upgrades sold at selection: rate and amount, per selecting staff member — with the previous period',
  UpsellReportSchema,
  MONEY_REPORTS,
)
export const funnelReport = report(
  'reports.funnel',
  '/reports/funnel',
  'Customers → booked → deposit paid → shot → completed by source channel; cancellations and refunds with reasons',
  FunnelReportSchema,
  MANAGERS,
)
export const receivablesReport = report(
  'reports.receivables',
  '/reports/receivables',
  'Balance due by days since the shoot, orders ready for pick-up with money due, and what was collected in the period',
  ReceivablesReportSchema,
  MONEY_REPORTS,
)
export const productionReport = report(
  'reports.production',
  '/reports/production',
  'Orders per stage and overdue per stage now; orders leaving each stage in the period and the days they spent there',
  ProductionReportSchema,
  MANAGERS,
)
export const staffReport = report(
  'reports.staff',
  '/reports/staff',
  'Each person’s work and commission; photographer and makeup utilisation (booked ÷ working hours)',
  StaffReportSchema,
  MANAGERS,
)
export const customersReport = report(
  'reports.customers',
  '/reports/customers',
  'New and returning customers by source; follow-ups done against those due',
  CustomersReportSchema,
  MANAGERS,
)
export const stockReport = report(
  'reports.stock',
  '/reports/stock',
  'Stock value, consumption by item, turnover (consumption ÷ average stock) and low stock',
  StockReportSchema,
  MANAGERS,
)

export const homeReport = defineOperation({
  name: 'reports.home',
  scope: 'branch',
  method: 'GET',
  path: '/reports/home',
  summary: 'Today’s key figures beside the same weekday last week, for the manager’s home',
  tag: 'reports',
  input: z.strictObject({ branchId: IdSchema.optional() }),
  output: HomeReportSchema,
  access: MONEY_REPORTS,
})

export const exportReport = defineOperation({
  name: 'reports.export',
  scope: 'branch',
  method: 'GET',
  path: '/reports/export',
  summary: 'Any report as a CSV that Excel opens (UTF-8 with BOM, formula-safe cells)',
  tag: 'reports',
  input: withinAYear(z.strictObject({ ...RangeFields, report: ReportNameSchema, locale: LocaleSchema.default('zh-CN') })),
  output: ReportCsvSchema,
  access: MONEY_REPORTS,
})

export const recomputeReports = defineOperation({
  name: 'reports.recompute',
  scope: 'branch',
  method: 'POST',
  path: '/reports/recompute',
  summary: 'Rebuild the kept figures of a range of days from the raw records and list every difference; `repair` replaces them',
  tag: 'reports',
  input: withinAYear(z.strictObject({ from: IsoDateSchema, to: IsoDateSchema, branchId: IdSchema.optional(), repair: z.boolean().default(false) })),
  output: RecomputeResultSchema,
  access: ['admin'],
})

export const reportsOperations = [
  homeReport,
  dailyReport,
  revenueReport,
  upsellReport,
  funnelReport,
  receivablesReport,
  productionReport,
  staffReport,
  customersReport,
  stockReport,
  exportReport,
  recomputeReports,
] as const
