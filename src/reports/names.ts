import { reportNames, type ReportName } from '../../types/reports'
import {
  customersReport,
  dailyReport,
  funnelReport,
  productionReport,
  receivablesReport,
  revenueReport,
  staffReport,
  stockReport,
  upsellReport,
} from '../../types/reports-operations'

/** Each report's operation: its `access` decides who sees the report in the list. */
export const reportOperations = {
  daily: dailyReport,
  revenue: revenueReport,
  upsell: upsellReport,
  funnel: funnelReport,
  receivables: receivablesReport,
  production: productionReport,
  staff: staffReport,
  customers: customersReport,
  stock: stockReport,
} as const

export const isReportName = (name: string | undefined): name is ReportName => (reportNames as readonly string[]).includes(name ?? '')
export { reportNames, type ReportName }
