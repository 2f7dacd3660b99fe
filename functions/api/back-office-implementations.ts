import type { BackOfficeOperationName } from './functions-served'
import type { Implementation } from './implementations'
import { branchCommission } from '../finance/branch-commission'
import { closeDay } from '../finance/close-day'
import { editExpense } from '../finance/edit-expense'
import { getBranchDay } from '../finance/get-branch-day'
import { getExpense } from '../finance/get-expense'
import { listCommissionRules } from '../finance/list-commission-rules'
import { listExpenseCategories } from '../finance/list-expense-categories'
import { listExpenses } from '../finance/list-expenses'
import { myCommission } from '../finance/my-commission'
import { prepareReceiptUpload } from '../finance/prepare-receipt-upload'
import { recordExpense } from '../finance/record-expense'
import { reopenDay } from '../finance/reopen-day'
import { saveCommissionRule } from '../finance/save-commission-rule'
import { saveExpenseCategories } from '../finance/save-expense-categories'
import { voidExpense } from '../finance/void-expense'
import { countStocktake } from '../inventory/count-stocktake'
import { createStockItem } from '../inventory/create-stock-item'
import { getStocktake } from '../inventory/get-stocktake'
import { listStockItems } from '../inventory/list-stock-items'
import { listStockMovements } from '../inventory/list-stock-movements'
import { listStocktakes } from '../inventory/list-stocktakes'
import { openStocktake } from '../inventory/open-stocktake'
import { postStocktake } from '../inventory/post-stocktake'
import { recordPurchase } from '../inventory/record-purchase'
import { stockOverview } from '../inventory/stock-overview'
import { transferStock } from '../inventory/transfer-stock'
import { updateStockItem } from '../inventory/update-stock-item'
import { customersReport } from '../reports/customers-report'
import { dailyReport } from '../reports/daily-report'
import { funnelReport } from '../reports/funnel-report'
import { homeReport } from '../reports/home-report'
import { productionReport } from '../reports/production-report'
import { receivablesReport } from '../reports/receivables-report'
import { recomputeReports } from '../reports/recompute-reports'
import { revenueReport } from '../reports/revenue-report'
import { staffReport } from '../reports/staff-report'
import { stockReport } from '../reports/stock-report'
import { upsellReport } from '../reports/upsell-report'

/** The back office's use cases: reports, the books (expenses, the day close, commission) and stock (see functions-served.ts). */
export const backOfficeImplementations: { [N in BackOfficeOperationName]: Implementation<N> } = {
  'inventory.listItems': listStockItems,
  'inventory.createItem': createStockItem,
  'inventory.updateItem': updateStockItem,
  'inventory.movements': listStockMovements,
  'inventory.purchase': recordPurchase,
  'inventory.transfer': transferStock,
  'inventory.overview': stockOverview,
  'inventory.openStocktake': openStocktake,
  'inventory.stocktakes': listStocktakes,
  'inventory.getStocktake': getStocktake,
  'inventory.countStocktake': countStocktake,
  'inventory.postStocktake': postStocktake,
  'expenses.listCategories': listExpenseCategories,
  'expenses.saveCategories': saveExpenseCategories,
  'expenses.prepareReceiptUpload': prepareReceiptUpload,
  'expenses.record': recordExpense,
  'expenses.edit': editExpense,
  'expenses.void': voidExpense,
  'expenses.get': getExpense,
  'expenses.list': listExpenses,
  'finance.day': getBranchDay,
  'finance.closeDay': closeDay,
  'finance.reopenDay': reopenDay,
  'commission.rules': listCommissionRules,
  'commission.saveRule': saveCommissionRule,
  'commission.mine': myCommission,
  'commission.branch': branchCommission,
  'reports.home': homeReport,
  'reports.daily': dailyReport,
  'reports.revenue': revenueReport,
  'reports.upsell': upsellReport,
  'reports.funnel': funnelReport,
  'reports.receivables': receivablesReport,
  'reports.production': productionReport,
  'reports.staff': staffReport,
  'reports.customers': customersReport,
  'reports.stock': stockReport,
  'reports.recompute': recomputeReports,
}
