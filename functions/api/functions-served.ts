import type { OperationName } from '../../types/operations'
import { IMPORT_EXPORT_OPERATIONS, type ImportExportOperationName } from './import-export-operations'

export { IMPORT_EXPORT_OPERATIONS, type ImportExportOperationName }

/**
 * The operations of the back office — the manager's reports, the books (expenses, the day close,
 * commission) and stock — served by a function of their own behind the same HTTP API
 * (serverless.yml, `backOffice`), with a longer timeout for reports over long ranges and the
 * recompute. The API function keeps what customers and the desk do all day, and stays small
 * and quick to start. Their CSV exports are the exports function's.
 */
export const BACK_OFFICE_OPERATIONS = [
  'inventory.listItems',
  'inventory.createItem',
  'inventory.updateItem',
  'inventory.movements',
  'inventory.purchase',
  'inventory.transfer',
  'inventory.overview',
  'inventory.openStocktake',
  'inventory.stocktakes',
  'inventory.getStocktake',
  'inventory.countStocktake',
  'inventory.postStocktake',
  'expenses.listCategories',
  'expenses.saveCategories',
  'expenses.prepareReceiptUpload',
  'expenses.record',
  'expenses.edit',
  'expenses.void',
  'expenses.get',
  'expenses.list',
  'finance.day',
  'finance.closeDay',
  'finance.reopenDay',
  'commission.rules',
  'commission.saveRule',
  'commission.mine',
  'commission.branch',
  'reports.home',
  'reports.daily',
  'reports.revenue',
  'reports.upsell',
  'reports.funnel',
  'reports.receivables',
  'reports.production',
  'reports.staff',
  'reports.customers',
  'reports.stock',
  'reports.recompute',
] as const satisfies readonly OperationName[]
export type BackOfficeOperationName = (typeof BACK_OFFICE_OPERATIONS)[number]

/** Everything else: the API function's. */
export type ApiOperationName = Exclude<OperationName, ImportExportOperationName | BackOfficeOperationName>

/** Which HTTP function serves an operation. */
export type HttpFunction = 'api' | 'backOffice' | 'importsExports'
export function servedBy(name: string): HttpFunction {
  if ((BACK_OFFICE_OPERATIONS as readonly string[]).includes(name)) return 'backOffice'
  if ((IMPORT_EXPORT_OPERATIONS as readonly string[]).includes(name)) return 'importsExports'
  return 'api'
}
