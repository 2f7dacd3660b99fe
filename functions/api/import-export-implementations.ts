import { exportCustomers } from '../customers/export-customers'
import { importCustomers } from '../customers/import-customers'
import { exportCommission } from '../finance/export-commission'
import { importOrders } from '../history-import/import-orders'
import { exportSelection } from '../orders/export-selection'
import { exportReport } from '../reports/export-report'
import type { Implementation } from './implementations'
import type { ImportExportOperationName } from './import-export-operations'

/** The CSV operations' use cases (see import-export-operations.ts for why they are apart). */
export const importExportImplementations: { [N in ImportExportOperationName]: Implementation<N> } = {
  'customers.import': importCustomers,
  'customers.export': exportCustomers,
  'orders.import': importOrders,
  'commission.export': exportCommission,
  'reports.export': exportReport,
  'selection.export': exportSelection,
}
