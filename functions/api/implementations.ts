import type { SignInLimits } from '../domain/credentials'
import type { z } from 'zod'
import type { OperationByName, OperationName } from '../../types/operations'
import type { RequestContext } from '../domain/context'
import type { ApiOperationName } from './functions-served'
import { book } from '../booking/book'
import { advanceOrder, cancelBooking } from '../booking/cancel-booking'
import { confirmBooking } from '../booking/confirm-booking'
import type { BookingRepository } from '../booking/ports'
import { rescheduleBooking } from '../booking/reschedule-booking'
import {
  createPackage,
  createProduct,
  getPackage,
  listCategories,
  listPackages,
  listProducts,
  reorderPackages,
  saveCategories,
  setPackageActive,
  updatePackage,
  updateProduct,
} from '../catalog/manage-catalog'
import type { CatalogRepository } from '../catalog/ports'
import { completeFollowUp, createCustomer, createFollowUp, dueFollowUps, getCustomer, searchCustomers, updateCustomer } from '../customers/manage-customers'
import type { CustomerRepository, WeChatPhoneNumbers } from '../customers/ports'
import { confirmMyPhone } from '../customers/confirm-my-phone'
import { getMyProfile, updateMyProfile } from '../customers/profile'
import { customerHistory } from '../history/customer-history'
import type { OrderHistory } from '../history-import/ports'
import type { FinanceRepository, UnauditedReceipts } from '../finance/ports'
import type { IdentityRepository, DeviceTokens, PasswordHasher, SessionTokens, WeChatSignIn } from '../identity/ports'
import { changePassword, me, signOut, staffSignIn, wechatSignIn } from '../identity/sign-in'
import { health, listBranches } from '../identity/studio'
import { listAudit } from '../history/audit-log'
import type { StockRepository } from '../inventory/ports'
import { createOrder } from '../orders/create-order'
import { customerOrders, getOrder, getWorkOrder, listOrders, myOrders, overdueOrders, productionQueue } from '../orders/lists'
import { listPhotos, prepareUploads, removePhoto } from '../orders/photos'
import type { Bookkeeping, FileStore, OrderRepository } from '../orders/ports'
import { confirmSelection, saveSelection } from '../orders/selection'
import { getOrderSettings, saveOrderSettings } from '../orders/settings'
import { sendToLab, takeOrder, updateOrder } from '../orders/work'
import { auditPayment, recordOfflinePayment, unauditedPayments } from '../payments/desk'
import type { DepositBookings, ErrorLog, PaymentGateway, PaymentLedger, UnmatchedPayments } from '../payments/ports'
import { prepay, refreshPayment, simulatePay } from '../payments/prepay'
import { refundPayment, refundsDue, retryRefund } from '../payments/refunds'
import { unmatchedPayments } from '../payments/unmatched-payments'
import { decideProof } from '../production/decide-proof'
import type { ProductionStore } from '../production/ports'
import { redoProduction } from '../production/redo-production'
import { availability } from '../scheduling/availability'
import { getBookingPolicy, saveBookingPolicy } from '../scheduling/policy'
import { listAppFeedback, sendAppFeedback } from '../feedback/app-feedback'
import type { FeedbackStore } from '../feedback/ports'
import { myOrderSurvey, rateOrder } from '../feedback/rate-order'
import { surveyReport } from '../feedback/survey-report'
import { myOrderNotices, subscribeOrderNotices } from '../notices/order-notices'
import type { NoticeStore } from '../notices/ports'
import type { ReminderSender, SchedulingRepository } from '../scheduling/ports'
import { branchDay, myAppointments, mySchedule, reminderOutbox } from '../scheduling/schedules'
import { getShoot } from '../booking/get-shoot'
import { selectedPhotos } from '../orders/selected-photos'
import { markShot } from '../booking/mark-shot'
import { getBranchSchedule, getStaffSchedule, listRooms, saveBranchContact, saveBranchSchedule, saveRoom, saveStaffSchedule } from '../scheduling/setup'
import type { ReportFigures } from '../reports/ports'
import { liftSignInThrottle } from '../staff/lift-sign-in-throttle'
import { createStaff, getStaff, listStaff, resetStaffPassword, setStaffStatus, updateStaff } from '../staff/manage-staff'

/** Every port of the app, as the composition root wires them; each use case takes the few it names. */
export interface AppDeps {
  stage: string
  repo: IdentityRepository
  customers: CustomerRepository
  catalog: CatalogRepository
  scheduling: SchedulingRepository
  booking: BookingRepository
  orders: OrderRepository
  /** Past orders imported from the old system. */
  history: OrderHistory
  ledger: PaymentLedger
  /** Money WeChat Pay took that no order could take. */
  unmatched: UnmatchedPayments
  payments: PaymentGateway
  deposits: DepositBookings
  files: FileStore
  stock: StockRepository
  production: ProductionStore
  finance: FinanceRepository
  /** The unaudited receipts a branch's day lists. */
  receipts: UnauditedReceipts
  /** What each money event and each finished piece of work adds to the books. */
  books: Bookkeeping
  /** The branches' kept report figures. */
  figures: ReportFigures
  reminders: ReminderSender
  /** The customer's consent to each notice of an order, and which were sent. */
  notices: NoticeStore
  /** Customers' ratings of their orders and the staff's feedback on the app. */
  feedback: FeedbackStore
  tokens: SessionTokens
  devices: DeviceTokens
  signInLimits?: SignInLimits
  passwords: PasswordHasher
  wechat: WeChatSignIn
  phoneNumbers: WeChatPhoneNumbers
  log: ErrorLog
}

export type Implementation<N extends OperationName> = (
  deps: AppDeps,
  input: z.output<OperationByName<N>['input']>,
  ctx: RequestContext,
) => Promise<z.input<OperationByName<N>['output']>>

/**
 * Which use case answers each operation the API function serves; each has the name its
 * operation is declared under in types/. The back office (back-office-implementations.ts) and
 * the CSV imports and exports (import-export-implementations.ts) are served by functions of
 * their own (see functions-served.ts); dispatch.ts joins the three, and the compiler insists
 * every operation has one.
 */
export const apiImplementations: { [N in ApiOperationName]: Implementation<N> } = {
  'system.health': health,
  'auth.staffSignIn': staffSignIn,
  'auth.wechatSignIn': wechatSignIn,
  'auth.signOut': signOut,
  'auth.me': me,
  'auth.changePassword': changePassword,
  'branches.list': listBranches,
  'staff.list': listStaff,
  'staff.get': getStaff,
  'staff.create': createStaff,
  'staff.update': updateStaff,
  'staff.setStatus': setStaffStatus,
  'staff.resetPassword': resetStaffPassword,
  'staff.liftSignInThrottle': liftSignInThrottle,
  'customers.getMyProfile': getMyProfile,
  'customers.updateMyProfile': updateMyProfile,
  'customers.confirmMyPhone': confirmMyPhone,
  'customers.get': getCustomer,
  'audit.list': listAudit,

  'catalog.listCategories': listCategories,
  'catalog.saveCategories': saveCategories,
  'catalog.listPackages': listPackages,
  'catalog.getPackage': getPackage,
  'catalog.createPackage': createPackage,
  'catalog.updatePackage': updatePackage,
  'catalog.setPackageActive': setPackageActive,
  'catalog.reorderPackages': reorderPackages,
  'catalog.listProducts': listProducts,
  'catalog.createProduct': createProduct,
  'catalog.updateProduct': updateProduct,

  'customers.create': createCustomer,
  'customers.update': updateCustomer,
  'customers.search': searchCustomers,
  'customers.history': customerHistory,
  'followUps.create': createFollowUp,
  'followUps.complete': completeFollowUp,
  'followUps.due': dueFollowUps,

  'booking.getPolicy': getBookingPolicy,
  'booking.savePolicy': saveBookingPolicy,
  'branches.getSchedule': getBranchSchedule,
  'branches.saveSchedule': saveBranchSchedule,
  'branches.saveContact': saveBranchContact,
  'rooms.list': listRooms,
  'rooms.save': saveRoom,
  'staffSchedules.get': getStaffSchedule,
  'staffSchedules.save': saveStaffSchedule,
  'bookings.availability': availability,
  'bookings.book': book,
  'bookings.confirm': confirmBooking,
  'bookings.reschedule': rescheduleBooking,
  'bookings.cancel': cancelBooking,
  'bookings.mine': myAppointments,
  'schedules.mine': mySchedule,
  'schedules.branchDay': branchDay,
  'shoots.get': getShoot,
  'shoots.markShot': markShot,
  'reminders.outbox': reminderOutbox,

  'orders.getSettings': getOrderSettings,
  'orders.saveSettings': saveOrderSettings,
  'orders.create': createOrder,
  'orders.mine': myOrders,
  'orders.get': getOrder,
  'orders.getWork': getWorkOrder,
  'orders.list': listOrders,
  'orders.ofCustomer': customerOrders,
  'orders.overdue': overdueOrders,
  'orders.queue': productionQueue,
  'orders.advance': advanceOrder,
  'orders.update': updateOrder,
  'orders.take': takeOrder,
  'orders.sendToLab': sendToLab,
  'photos.prepareUploads': prepareUploads,
  'photos.list': listPhotos,
  'selection.photos': selectedPhotos,
  'photos.remove': removePhoto,
  'selection.save': saveSelection,
  'selection.confirm': confirmSelection,
  'proofs.decide': decideProof,
  'notices.mine': myOrderNotices,
  'notices.subscribe': subscribeOrderNotices,
  'survey.rate': rateOrder,
  'survey.mine': myOrderSurvey,
  'survey.report': surveyReport,
  'appFeedback.send': sendAppFeedback,
  'appFeedback.list': listAppFeedback,

  'payments.prepay': prepay,
  'payments.simulatePay': simulatePay,
  'payments.refresh': refreshPayment,
  'payments.recordOffline': recordOfflinePayment,
  'payments.audit': auditPayment,
  'payments.unaudited': unauditedPayments,
  'payments.refund': refundPayment,
  'payments.retryRefund': retryRefund,
  'payments.refundsDue': refundsDue,
  'payments.unmatched': unmatchedPayments,
  'production.redo': redoProduction,


}
