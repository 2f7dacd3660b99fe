import type { z } from 'zod'
import type { OperationByName, OperationName } from '../../types/operations'
import {
  bookShoot,
  branchDayView,
  cancelShoot,
  confirmShoot,
  customerAppointments,
  findAvailability,
  rescheduleShoot,
  staffSchedule,
} from '../booking/bookings'
import { policyOf } from '../booking/schedule'
import { listBranchRooms, readBranchSchedule, readStaffSchedule, writeBranchSchedule, writeRoom, writeStaffSchedule } from '../booking/setup'
import type { ReminderSender } from '../integrations/wechat-subscribe'
import {
  addPackage,
  addProduct,
  editPackage,
  editProduct,
  listCatalogPackages,
  listCatalogProducts,
  listPackageCategories,
  orderPackages,
  readPackage,
  replaceCategories,
  switchPackage,
} from '../catalog/manage-catalog'
import { exportCustomerCsv } from '../customers/export-customers'
import { importCustomerCsv } from '../customers/import-customers'
import {
  addCustomer,
  customerFileOf,
  editCustomer,
  findCustomers,
  followUpsDue,
  planFollowUp,
  readCustomer,
  recordFollowUpOutcome,
} from '../customers/manage-customers'
import { getOwnProfile, updateOwnProfile } from '../customers/profile'
import { studioDate } from '../domain/time'
import { changeOwnPassword, signInStaff, signInWithWeChat, signOut, whoAmI } from '../identity/sign-in'
import {
  createStaffMember,
  getStaffMember,
  listStaffMembers,
  resetStaffMemberPassword,
  setStaffMemberStatus,
  updateStaffMember,
} from '../staff/manage-staff'
import { advance, customerOrderList, editOrder, myOrderList, openOrder, ordersInStage, overdueList, queue, readOrder, readOrderSettings, takeWork, toLab, writeOrderSettings, type OrderAppDeps } from '../orders/orders'
import { decide, deletePhoto, keepSelection, lockSelection, photoList, prepareUpload } from '../orders/photos'
import { auditOffline, listUnaudited, prepayOrder, recordOffline, refreshOrderPayment, refund, refundCancellation, resendRefund, simulatePayment } from '../payments/payments'
import { summaryOf } from '../orders/model'
import { callerOf, type RequestContext } from './context'
import { branchCommission } from '../finance/branch-commission'
import { branchDay } from '../finance/branch-day'
import { closeDay } from '../finance/close-day'
import { commissionRules } from '../finance/commission-rules'
import { editExpense } from '../finance/edit-expense'
import { exportCommission } from '../finance/export-commission'
import { getExpense } from '../finance/get-expense'
import { listExpenseCategories } from '../finance/list-expense-categories'
import { listExpenses } from '../finance/list-expenses'
import { myCommission } from '../finance/my-commission'
import type { FinanceDeps } from '../finance/ports'
import { prepareReceiptUpload } from '../finance/prepare-receipt-upload'
import { recordExpense } from '../finance/record-expense'
import { reopenDay } from '../finance/reopen-day'
import { saveCommissionRule } from '../finance/save-commission-rule'
import { saveExpenseCategories } from '../finance/save-expense-categories'
import { voidExpense } from '../finance/void-expense'

export interface AppDeps extends OrderAppDeps, Pick<FinanceDeps, 'finance' | 'receipts'> {
  stage: string
  reminders: ReminderSender
}

type Implementation<N extends OperationName> = (
  deps: AppDeps,
  input: z.output<OperationByName<N>['input']>,
  ctx: RequestContext,
) => Promise<z.input<OperationByName<N>['output']>>

/** Which use case answers each declared operation. The compiler insists every operation has one. */
export const implementations: { [N in OperationName]: Implementation<N> } = {
  'system.health': async (deps) => {
    await deps.repo.findStudioByCode('health-check')
    return { ok: true, stage: deps.stage }
  },
  'auth.staffSignIn': signInStaff,
  'auth.wechatSignIn': signInWithWeChat,
  'auth.signOut': (deps, _input, ctx) => signOut(deps, ctx),
  'auth.me': (deps, _input, ctx) => whoAmI(deps, ctx),
  'auth.changePassword': changeOwnPassword,
  'branches.list': async (deps, _input, ctx) => ({ items: await deps.repo.listBranches(callerOf(ctx).studioId) }),
  'staff.list': listStaffMembers,
  'staff.get': getStaffMember,
  'staff.create': createStaffMember,
  'staff.update': updateStaffMember,
  'staff.setStatus': setStaffMemberStatus,
  'staff.resetPassword': resetStaffMemberPassword,
  'customers.getMyProfile': (deps, _input, ctx) => getOwnProfile(deps, ctx),
  'customers.updateMyProfile': updateOwnProfile,
  'customers.get': readCustomer,
  'audit.list': (deps, input, ctx) => deps.repo.listAudit(callerOf(ctx).studioId, input),

  'catalog.listCategories': (deps, _input, ctx) => listPackageCategories(deps, ctx),
  'catalog.saveCategories': replaceCategories,
  'catalog.listPackages': listCatalogPackages,
  'catalog.getPackage': readPackage,
  'catalog.createPackage': addPackage,
  'catalog.updatePackage': editPackage,
  'catalog.setPackageActive': switchPackage,
  'catalog.reorderPackages': orderPackages,
  'catalog.listProducts': listCatalogProducts,
  'catalog.createProduct': addProduct,
  'catalog.updateProduct': editProduct,

  'customers.create': addCustomer,
  'customers.update': editCustomer,
  'customers.search': findCustomers,
  'customers.history': async (deps, input, ctx) => {
    const file = await customerFileOf(deps, input, ctx)
    const studioId = callerOf(ctx).studioId
    const [orders, appointments, payments] = await Promise.all([
      deps.orders.ofCustomer(studioId, input.customerId),
      deps.booking.customerAppointments(studioId, input.customerId),
      deps.orders.customerPayments(studioId, input.customerId),
    ])
    return {
      ...file,
      orders: orders.map((o) => ({ id: o.id, summary: o.package.name, stage: o.stage, totalFen: o.totalFen, balanceFen: o.balanceFen, createdAt: o.createdAt })),
      appointments: appointments.map((a) => ({ id: a.id, kind: 'shoot', startsAt: a.startsAt, status: a.status })),
      payments: payments.map((p) => ({ id: p.id, orderId: p.orderId, kind: p.kind, amountFen: p.amountFen, method: p.method, audited: p.audited, at: p.at })),
    }
  },
  'followUps.create': planFollowUp,
  'followUps.complete': recordFollowUpOutcome,
  'followUps.due': followUpsDue,
  'customers.import': (deps, input, ctx) =>
    importCustomerCsv(deps.customers, Buffer.from(input.fileBase64, 'base64'), { studioId: callerOf(ctx).studioId, dryRun: input.dryRun, now: ctx.now }),
  'booking.getPolicy': (deps, _input, ctx) => policyOf(deps, callerOf(ctx).studioId),
  'booking.savePolicy': async (deps, input, ctx) => {
    await deps.booking.savePolicy(callerOf(ctx).studioId, input)
    return input
  },
  'branches.getSchedule': (deps, input, ctx) => readBranchSchedule(deps, input.branchId, ctx),
  'branches.saveSchedule': writeBranchSchedule,
  'rooms.list': (deps, input, ctx) => listBranchRooms(deps, input.branchId, ctx),
  'rooms.save': writeRoom,
  'staffSchedules.get': readStaffSchedule,
  'staffSchedules.save': writeStaffSchedule,
  'bookings.availability': findAvailability,
  'bookings.book': bookShoot,
  'bookings.confirm': confirmShoot,
  'bookings.reschedule': rescheduleShoot,
  'bookings.cancel': async (deps, input, ctx) => {
    const appointment = await cancelShoot(deps, input, ctx)
    await refundCancellation(deps, appointment.studioId, appointment.orderId, ctx.now)
    return appointment
  },
  'bookings.mine': (deps, _input, ctx) => customerAppointments(deps, ctx),
  'schedules.mine': staffSchedule,
  'schedules.branchDay': branchDayView,
  'reminders.outbox': async (deps, input, ctx) => ({
    simulated: deps.reminders.simulated,
    items: await deps.booking.outbox(callerOf(ctx).studioId, input.limit),
  }),
  'customers.export': async (deps, _input, ctx) => {
    const caller = callerOf(ctx)
    const studio = await deps.repo.getStudio(caller.studioId)
    const { csv, rows } = await exportCustomerCsv(deps.customers, caller.studioId)
    return { filename: `customers-${studioDate(ctx.now, studio?.timeZone ?? 'Asia/Shanghai')}.csv`, csv, rows }
  },

  'orders.getSettings': (deps, _input, ctx) => readOrderSettings(deps, ctx),
  'orders.saveSettings': writeOrderSettings,
  'orders.create': openOrder,
  'orders.mine': (deps, _input, ctx) => myOrderList(deps, ctx),
  'orders.get': readOrder,
  'orders.list': ordersInStage,
  'orders.ofCustomer': customerOrderList,
  'orders.overdue': (deps, _input, ctx) => overdueList(deps, ctx),
  'orders.queue': (deps, _input, ctx) => queue(deps, ctx),
  'orders.advance': advance,
  'orders.update': editOrder,
  'orders.take': takeWork,
  'orders.sendToLab': toLab,
  'photos.prepareUploads': prepareUpload,
  'photos.list': photoList,
  'photos.remove': deletePhoto,
  'selection.save': keepSelection,
  'selection.confirm': lockSelection,
  'proofs.decide': decide,
  'payments.prepay': prepayOrder,
  'payments.simulatePay': simulatePayment,
  'payments.refresh': refreshOrderPayment,
  'payments.recordOffline': recordOffline,
  'payments.audit': auditOffline,
  'payments.unaudited': listUnaudited,
  'payments.refund': refund,
  'payments.retryRefund': resendRefund,
  'payments.refundsDue': async (deps, _input, ctx) => {
    const caller = callerOf(ctx)
    const timeZone = (await policyOf(deps, caller.studioId)).timeZone
    const orders = await deps.orders.refundsDue(caller.studioId)
    return { items: orders.map((o) => ({ ...summaryOf(o, ctx.now, timeZone), refundDueFen: o.refundDueFen ?? 0, refundedFen: o.refundedFen })) }
  },

  'expenses.listCategories': (deps, _input, ctx) => listExpenseCategories(deps, ctx),
  'expenses.saveCategories': saveExpenseCategories,
  'expenses.prepareReceiptUpload': prepareReceiptUpload,
  'expenses.record': recordExpense,
  'expenses.edit': editExpense,
  'expenses.void': voidExpense,
  'expenses.get': getExpense,
  'expenses.list': listExpenses,
  'finance.day': branchDay,
  'finance.closeDay': closeDay,
  'finance.reopenDay': reopenDay,
  'commission.rules': commissionRules,
  'commission.saveRule': saveCommissionRule,
  'commission.mine': myCommission,
  'commission.branch': branchCommission,
  'commission.export': exportCommission,
}
