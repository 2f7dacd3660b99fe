import { bookingOperations } from './booking-operations'
import { catalogOperations } from './catalog-operations'
import { confirmMyPhone, crmOperations, getCustomer, getMyProfile, updateMyProfile } from './crm-operations'
import { changePassword, health, listAudit, listBranches, me, signOut, staffSignIn, wechatSignIn } from './identity-operations'
import { inventoryOperations } from './inventory-operations'
import { orderOperations } from './order-operations'
import { paymentOperations } from './payment-operations'
import { productionOperations } from './production-operations'
import { scheduleOperations, setupOperations } from './scheduling-operations'
import { shootOperations } from './shoot-operations'
import { staffOperations } from './staff-operations'
import { financeOperations } from './finance-operations'
import { historyImportOperations } from './history-import-operations'
import { reportsOperations } from './reports-operations'
import { noticeOperations } from './notice-operations'
import { feedbackOperations } from './feedback-operations'

/**
 * The registry: every operation of the API, each declared once in its module's
 * `types/<module>-operations.ts`. The handlers, the app's client, the OpenAPI document and
 * the permission table are all driven by this list.
 */
export * from './identity-operations'
export * from './staff-operations'
export { confirmMyPhone, getCustomer, getMyProfile, updateMyProfile } from './crm-operations'

/** Every operation of the API, in the order the OpenAPI document lists them. */
export const operations = [
  health,
  staffSignIn,
  wechatSignIn,
  signOut,
  me,
  changePassword,
  listBranches,
  ...staffOperations,
  getMyProfile,
  updateMyProfile,
  confirmMyPhone,
  getCustomer,
  listAudit,
  ...catalogOperations,
  ...crmOperations,
  ...setupOperations,
  ...bookingOperations,
  ...scheduleOperations,
  ...shootOperations,
  ...orderOperations,
  ...paymentOperations,
  ...inventoryOperations,
  ...productionOperations,
  ...financeOperations,
  ...historyImportOperations,
  ...reportsOperations,
  ...noticeOperations,
  ...feedbackOperations,
] as const

export type OperationName = (typeof operations)[number]['name']
export type OperationByName<N extends OperationName> = Extract<(typeof operations)[number], { name: N }>
