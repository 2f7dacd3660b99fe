import { book, mySchedule, saveBranchSchedule } from '../../types/booking-operations'
import { createPackage } from '../../types/catalog-operations'
import { importCustomers, searchCustomers } from '../../types/crm-operations'
import { createOrder, overdueOrders, productionQueue, saveOrderSettings, unauditedPayments } from '../../types/order-operations'
import { listStockItems } from '../../types/inventory-operations'
import { getBranchDay, myCommission } from '../../types/finance-operations'
import { surveyReport } from '../../types/feedback-operations'
import { listAudit, listStaff } from '../../types/operations'
import { homeReport } from '../../types/reports-operations'
import type { StaffRole } from '../../types/roles'
import { staffAccess, type Access } from '../lib/access'
import { routes } from '../lib/routes'

/**
 * Who may use the workspaces whose operations are not declared yet. A tile whose operation is
 * declared in types/ takes that operation's `access`, so the server and the workspace agree.
 * An admin sees every tile; only photographers and makeup artists have a schedule of their own (schedules.mine).
 */
const STUDIO_ADMINISTRATION: readonly StaffRole[] = ['admin']

export type TileKey =
  | 'customers'
  | 'bookings'
  | 'orders'
  | 'myDay'
  | 'myWeek'
  | 'productionQueue'
  | 'paymentAudit'
  | 'overdueOrders'
  | 'orderSettings'
  | 'finance'
  | 'myCommission'
  | 'reports'
  | 'serviceScores'
  | 'staff'
  | 'packages'
  | 'bookingSetup'
  | 'inventory'
  | 'auditLog'
  | 'settings'
  | 'import'
  | 'backup'

export type TileSection = 'daily' | 'management' | 'studio'

export interface Tile {
  key: TileKey
  section: TileSection
  access: Access
  /** The page that does the work; without one the tile opens the "coming soon" page. */
  url?: string
}

export const tiles: Tile[] = [
  { key: 'customers', section: 'daily', access: searchCustomers.access, url: routes.customers },
  { key: 'bookings', section: 'daily', access: staffAccess(book.access), url: routes.branchDay },
  { key: 'orders', section: 'daily', access: createOrder.access, url: routes.deskOrders },
  { key: 'myDay', section: 'daily', access: mySchedule.access, url: `${routes.mySchedule}?days=1` },
  { key: 'myWeek', section: 'daily', access: mySchedule.access, url: `${routes.mySchedule}?days=7` },
  { key: 'productionQueue', section: 'daily', access: productionQueue.access, url: routes.productionQueue },
  { key: 'paymentAudit', section: 'daily', access: unauditedPayments.access, url: routes.financeDesk },
  { key: 'finance', section: 'daily', access: getBranchDay.access, url: routes.financeHome },
  { key: 'myCommission', section: 'daily', access: myCommission.access, url: routes.myCommission },
  { key: 'reports', section: 'management', access: homeReport.access, url: routes.reportsHome },
  { key: 'serviceScores', section: 'management', access: surveyReport.access, url: routes.serviceScores },
  { key: 'overdueOrders', section: 'management', access: overdueOrders.access, url: routes.overdueOrders },
  { key: 'staff', section: 'management', access: listStaff.access, url: routes.staffMembers },
  { key: 'packages', section: 'management', access: createPackage.access, url: routes.packagesEditor },
  { key: 'bookingSetup', section: 'management', access: saveBranchSchedule.access, url: routes.bookingSetup },
  { key: 'orderSettings', section: 'management', access: saveOrderSettings.access, url: routes.orderSettings },
  { key: 'inventory', section: 'management', access: listStockItems.access, url: routes.stock },
  { key: 'auditLog', section: 'management', access: listAudit.access, url: routes.auditLog },
  { key: 'settings', section: 'studio', access: STUDIO_ADMINISTRATION },
  { key: 'import', section: 'studio', access: importCustomers.access, url: routes.customerImport },
  { key: 'backup', section: 'studio', access: STUDIO_ADMINISTRATION },
]

export const tileSections: TileSection[] = ['daily', 'management', 'studio']

export function tileUrl(tile: Tile): string {
  return tile.url ?? `${routes.comingSoon}?feature=${tile.key}`
}
