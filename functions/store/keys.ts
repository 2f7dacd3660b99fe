/**
 * Every key of the single table is built here. Each partition key of studio data starts
 * with the studio (tenant) id, so no query can ever reach into another studio's data; the
 * only others are STUDIOCODE# (sign-in lookup) and SYSTEM# (the scheduled jobs' work lists).
 */
const studio = (studioId: string) => `STUDIO#${studioId}`

export const keys = {
  studioCode: (code: string) => ({ pk: `STUDIOCODE#${code}`, sk: 'STUDIOCODE' }),
  /** A sign-in throttle window: by source address or by studio code and user name, before any studio is known. */
  signInWindow: (scope: string, subject: string, start: string) => ({ pk: `SIGNIN#${scope}#${subject}`, sk: `WINDOW#${start}` }),
  studio: (studioId: string) => ({ pk: studio(studioId), sk: 'STUDIO' }),
  branch: (studioId: string, branchId: string) => ({ pk: studio(studioId), sk: `BRANCH#${branchId}` }),
  branchPrefix: 'BRANCH#',
  staff: (studioId: string, staffId: string) => ({ pk: studio(studioId), sk: `STAFF#${staffId}` }),
  staffPrefix: 'STAFF#',
  /** Staff by branch: gsi1. */
  staffByBranch: (studioId: string, branchId: string) => `${studio(studioId)}#BRANCH#${branchId}#STAFF`,
  username: (studioId: string, username: string) => ({ pk: studio(studioId), sk: `USERNAME#${username}` }),
  session: (studioId: string, sessionId: string) => ({ pk: `${studio(studioId)}#SESSION#${sessionId}`, sk: 'SESSION' }),
  customer: (studioId: string, customerId: string) => ({ pk: `${studio(studioId)}#CUSTOMER#${customerId}`, sk: 'PROFILE' }),
  customerPartition: (studioId: string, customerId: string) => `${studio(studioId)}#CUSTOMER#${customerId}`,
  phone: (studioId: string, phone: string) => ({ pk: studio(studioId), sk: `PHONE#${phone}` }),
  /** The mark of an order imported from the old system, by its old number: each is imported once. */
  legacyOrder: (studioId: string, orderNumber: string) => ({ pk: studio(studioId), sk: `LEGACYORDER#${orderNumber}` }),
  /** Customers by the last four digits of their phone: gsi1. */
  customersByPhone4: (studioId: string, last4: string) => `${studio(studioId)}#PHONE4#${last4}`,
  /** Customers by name: gsi2, sorted by the normalised name. */
  customersByName: (studioId: string) => `${studio(studioId)}#CUSTOMERS`,
  /** Index items listing the customers with a tag or a source channel. */
  customerFacet: (studioId: string, kind: 'tag' | 'source', value: string) => `${studio(studioId)}#FACET#${kind}#${value}`,
  followUp: (studioId: string, customerId: string, followUpId: string) => ({
    pk: `${studio(studioId)}#CUSTOMER#${customerId}`,
    sk: `FOLLOWUP#${followUpId}`,
  }),
  /** Open follow-ups by due date: gsi1, sparse (done ones leave it). */
  openFollowUps: (studioId: string) => `${studio(studioId)}#FOLLOWUPS#OPEN`,
  catalog: (studioId: string) => `${studio(studioId)}#CATALOG`,
  catalogPackage: (studioId: string, packageId: string) => ({ pk: `${studio(studioId)}#CATALOG`, sk: `PACKAGE#${packageId}` }),
  catalogProduct: (studioId: string, productId: string) => ({ pk: `${studio(studioId)}#CATALOG`, sk: `PRODUCT#${productId}` }),
  catalogCategories: (studioId: string) => ({ pk: `${studio(studioId)}#CATALOG`, sk: 'CATEGORIES' }),
  bookingPolicy: (studioId: string) => ({ pk: studio(studioId), sk: 'SETTINGS#BOOKING' }),
  /** A branch's opening hours and rooms: one partition, read in one query. */
  branchSetup: (studioId: string, branchId: string) => `${studio(studioId)}#BRANCH#${branchId}#SETUP`,
  branchHours: (studioId: string, branchId: string) => ({ pk: `${studio(studioId)}#BRANCH#${branchId}#SETUP`, sk: 'HOURS' }),
  room: (studioId: string, branchId: string, roomId: string) => ({ pk: `${studio(studioId)}#BRANCH#${branchId}#SETUP`, sk: `ROOM#${roomId}` }),
  /** An appointment lives in its customer's file; the pointer finds it by id alone. */
  appointment: (studioId: string, customerId: string, appointmentId: string) => ({
    pk: `${studio(studioId)}#CUSTOMER#${customerId}`,
    sk: `APPT#${appointmentId}`,
  }),
  appointmentPointer: (studioId: string, appointmentId: string) => ({ pk: `${studio(studioId)}#APPT#${appointmentId}`, sk: 'APPT' }),
  /** An order's partition holds the order, its payments, WeChat Pay intents, photos and selection draft. */
  order: (studioId: string, orderId: string) => ({ pk: `${studio(studioId)}#ORDER#${orderId}`, sk: 'ORDER' }),
  orderPartition: (studioId: string, orderId: string) => `${studio(studioId)}#ORDER#${orderId}`,
  orderPayment: (studioId: string, orderId: string, paymentId: string) => ({ pk: `${studio(studioId)}#ORDER#${orderId}`, sk: `PAY#${paymentId}` }),
  paymentIntent: (studioId: string, orderId: string, outTradeNo: string) => ({ pk: `${studio(studioId)}#ORDER#${orderId}`, sk: `INTENT#${outTradeNo}` }),
  photo: (studioId: string, orderId: string, photoId: string) => ({ pk: `${studio(studioId)}#ORDER#${orderId}`, sk: `PHOTO#${photoId}` }),
  selectionDraft: (studioId: string, orderId: string) => ({ pk: `${studio(studioId)}#ORDER#${orderId}`, sk: 'SELECTION' }),
  orderSettings: (studioId: string) => ({ pk: studio(studioId), sk: 'SETTINGS#ORDERS' }),
  /** Orders by stage, sorted by the date the next stage is expected: gsi1 (the queue and the overdue list). */
  ordersInStage: (studioId: string, stage: string) => `${studio(studioId)}#ORDERS#${stage}`,
  /** A customer's orders (gsi2) and payments (gsi2 on payments). */
  customerOrders: (studioId: string, customerId: string) => `${studio(studioId)}#CUSTOMER#${customerId}#ORDERS`,
  customerPayments: (studioId: string, customerId: string) => `${studio(studioId)}#CUSTOMER#${customerId}#PAYMENTS`,
  /** Money to send back: cancelled orders with a refund still owed and refunds WeChat Pay did not take (gsi3, sparse). */
  refundsDue: (studioId: string) => `${studio(studioId)}#REFUNDS-DUE`,
  /** Money WeChat Pay took that no order could take: the studio's list, or its merchant's when no studio is named. */
  unmatchedPayments: (studioId: string) => `${studio(studioId)}#UNMATCHED-PAYMENTS`,
  unmatchedPayment: (studioId: string, id: string) => ({ pk: `${studio(studioId)}#UNMATCHED-PAYMENTS`, sk: `PAY#${id}` }),
  merchantUnmatchedPayment: (mchId: string, id: string) => ({ pk: `MERCHANT#${mchId}#UNMATCHED-PAYMENTS`, sk: `PAY#${id}` }),
  /** Offline payments waiting for finance: gsi1 on payments, sparse. */
  unauditedPayments: (studioId: string) => `${studio(studioId)}#PAYMENTS#UNAUDITED`,
  /** Appointments of a branch by start time: gsi1. */
  branchBookings: (studioId: string, branchId: string) => `${studio(studioId)}#BRANCH#${branchId}#BOOKINGS`,
  /** A photographer's (gsi2) or makeup artist's (gsi3) appointments by start time. */
  agenda: (studioId: string, staffId: string) => `${studio(studioId)}#AGENDA#${staffId}`,
  /** One item per resource per lock cell: the database's guarantee against double booking. */
  lock: (studioId: string, resourceId: string, cell: string) => ({ pk: `${studio(studioId)}#LOCK#${resourceId}`, sk: cell }),
  /** Work for the scheduled jobs, across studios, ordered by when it falls due. */
  dueHold: (expiresAt: string, studioId: string, appointmentId: string) => ({ pk: 'SYSTEM#HOLDS', sk: `${expiresAt}#${studioId}#${appointmentId}` }),
  dueHolds: 'SYSTEM#HOLDS',
  dueReminder: (remindAt: string, studioId: string, appointmentId: string) => ({ pk: 'SYSTEM#REMINDERS', sk: `${remindAt}#${studioId}#${appointmentId}` }),
  dueReminders: 'SYSTEM#REMINDERS',
  /** A studio restore under way (never part of any studio's backup): resumed when run again. */
  /** The stage's studios, by code: gsi1 of the studio items (the operator's list, read without a Scan). */
  allStudios: 'SYSTEM#STUDIOS',
  restoreMarker: (studioId: string) => ({ pk: 'SYSTEM#RESTORES', sk: studioId }),
  outbox: (studioId: string, messageId: string) => ({ pk: `${studio(studioId)}#OUTBOX`, sk: messageId }),
  outboxPartition: (studioId: string) => `${studio(studioId)}#OUTBOX`,
  /** The local WeChat Pay simulator's own book of transactions (never used by the real adapter). */
  simulatedTrade: (mchId: string, outTradeNo: string) => ({ pk: `SYSTEM#WECHATPAY-SIMULATOR#${mchId}`, sk: `TRADE#${outTradeNo}` }),
  simulatedRefund: (mchId: string, outRefundNo: string) => ({ pk: `SYSTEM#WECHATPAY-SIMULATOR#${mchId}`, sk: `REFUND#${outRefundNo}` }),
  /** A studio's stock items and their levels per branch: one partition, read in one query. */
  stock: (studioId: string) => `${studio(studioId)}#STOCK`,
  stockItem: (studioId: string, itemId: string) => ({ pk: `${studio(studioId)}#STOCK`, sk: `ITEM#${itemId}` }),
  stockLevel: (studioId: string, itemId: string, branchId: string) => ({ pk: `${studio(studioId)}#STOCK`, sk: `LEVEL#${itemId}#${branchId}` }),
  /** One movement of one item in one branch; its id is the request's, so a replayed request cannot move stock twice. */
  stockMovement: (studioId: string, movementId: string, itemId: string, branchId: string) => ({
    pk: `${studio(studioId)}#STOCKMOVE#${movementId}`,
    sk: `${itemId}#${branchId}`,
  }),
  /** A branch's movements by time (gsi1), and one item's in a branch (gsi2). */
  branchStockMovements: (studioId: string, branchId: string) => `${studio(studioId)}#BRANCH#${branchId}#STOCKMOVES`,
  itemStockMovements: (studioId: string, branchId: string, itemId: string) => `${studio(studioId)}#BRANCH#${branchId}#STOCKITEM#${itemId}`,
  stocktake: (studioId: string, stocktakeId: string) => ({ pk: `${studio(studioId)}#STOCKTAKE#${stocktakeId}`, sk: 'STOCKTAKE' }),
  /** A branch's count sheets by when they were opened: gsi1. */
  branchStocktakes: (studioId: string, branchId: string) => `${studio(studioId)}#BRANCH#${branchId}#STOCKTAKES`,
  expenseCategories: (studioId: string) => ({ pk: studio(studioId), sk: 'SETTINGS#EXPENSE-CATEGORIES' }),
  /** An expense or other income, with its earlier states beside it (REV#…) in its own partition. */
  expense: (studioId: string, expenseId: string) => ({ pk: `${studio(studioId)}#EXPENSE#${expenseId}`, sk: 'EXPENSE' }),
  expensePartition: (studioId: string, expenseId: string) => `${studio(studioId)}#EXPENSE#${expenseId}`,
  expenseRevision: (studioId: string, expenseId: string, version: number) => ({
    pk: `${studio(studioId)}#EXPENSE#${expenseId}`,
    sk: `REV#${String(version).padStart(6, '0')}`,
  }),
  /** A branch's expenses and other income by day: gsi1. */
  branchExpenses: (studioId: string, branchId: string) => `${studio(studioId)}#BRANCH#${branchId}#EXPENSES`,
  /** A branch's day book: one item per day, its money counters added to by every money event, and the close. */
  branchDay: (studioId: string, branchId: string, date: string) => ({ pk: `${studio(studioId)}#BRANCH#${branchId}#LEDGER`, sk: `DAY#${date}` }),
  /** A branch's report figures: one item per studio day, and its state figures under NOW. */
  branchFigures: (studioId: string, branchId: string) => `${studio(studioId)}#BRANCH#${branchId}#FIGURES`,
  figuresDay: (studioId: string, branchId: string, date: string) => ({ pk: `${studio(studioId)}#BRANCH#${branchId}#FIGURES`, sk: `DAY#${date}` }),
  figuresNow: (studioId: string, branchId: string) => ({ pk: `${studio(studioId)}#BRANCH#${branchId}#FIGURES`, sk: 'NOW' }),
  /** A branch's commission rules, every version of each. */
  commissionRules: (studioId: string, branchId: string) => `${studio(studioId)}#BRANCH#${branchId}#COMMISSION-RULES`,
  commissionRule: (studioId: string, branchId: string, ruleId: string, version: number) => ({
    pk: `${studio(studioId)}#BRANCH#${branchId}#COMMISSION-RULES`,
    sk: `RULE#${ruleId}#${String(version).padStart(6, '0')}`,
  }),
  /** A staff member's commission of a month: the lines, and the base counted so far per rule (for tiers). */
  staffCommission: (studioId: string, staffId: string, month: string) => `${studio(studioId)}#STAFF#${staffId}#COMMISSION#${month}`,
  commissionLine: (studioId: string, staffId: string, month: string, lineId: string) => ({
    pk: `${studio(studioId)}#STAFF#${staffId}#COMMISSION#${month}`,
    sk: `LINE#${lineId}`,
  }),
  commissionBase: (studioId: string, staffId: string, month: string, ruleId: string) => ({
    pk: `${studio(studioId)}#STAFF#${staffId}#COMMISSION#${month}`,
    sk: `BASE#${ruleId}`,
  }),
  /** A branch's commission lines of a month (gsi1) and an order's (gsi2, for claw-backs). */
  branchCommission: (studioId: string, branchId: string, month: string) => `${studio(studioId)}#BRANCH#${branchId}#COMMISSION#${month}`,
  orderCommission: (studioId: string, orderId: string) => `${studio(studioId)}#ORDER#${orderId}#COMMISSION`,
  /** What the customer is told about an order (consent, then sent once): one item per kind. */
  orderNotice: (studioId: string, orderId: string, kind: string) => ({ pk: `${studio(studioId)}#ORDER#${orderId}#NOTICES`, sk: `NOTICE#${kind}` }),
  orderNotices: (studioId: string, orderId: string) => `${studio(studioId)}#ORDER#${orderId}#NOTICES`,
  /** The customer's rating of an order (one, ever); listed by branch and time: gsi1. */
  survey: (studioId: string, orderId: string) => ({ pk: `${studio(studioId)}#ORDER#${orderId}#SURVEY`, sk: 'SURVEY' }),
  branchSurveys: (studioId: string, branchId: string | undefined) => `${studio(studioId)}#SURVEYS#${branchId ?? 'NONE'}`,
  /** The staff's feedback on the app, newest last (ULID keys). */
  appFeedback: (studioId: string, id: string) => ({ pk: `${studio(studioId)}#APPFEEDBACK`, sk: id }),
  appFeedbackPartition: (studioId: string) => `${studio(studioId)}#APPFEEDBACK`,
  wechatIdentity: (studioId: string, openId: string) => ({ pk: studio(studioId), sk: `OPENID#${openId}` }),
  audit: (studioId: string, entryId: string) => ({ pk: `${studio(studioId)}#AUDIT`, sk: entryId }),
  auditPartition: (studioId: string) => `${studio(studioId)}#AUDIT`,
} as const

/** Entity type tag kept on every item, so backups and migrations can tell items apart. */
export type ItemType =
  | 'Studio'
  | 'StudioCode'
  | 'Branch'
  | 'Staff'
  | 'Username'
  | 'Session'
  | 'Customer'
  | 'CustomerPhone'
  | 'CustomerFacet'
  | 'FollowUp'
  | 'WeChatIdentity'
  | 'Package'
  | 'Product'
  | 'Categories'
  | 'Audit'
  | 'BookingPolicy'
  | 'BranchHours'
  | 'Room'
  | 'Appointment'
  | 'AppointmentPointer'
  | 'Order'
  | 'Payment'
  | 'PaymentIntent'
  | 'Photo'
  | 'SelectionDraft'
  | 'OrderSettings'
  | 'Lock'
  | 'DueHold'
  | 'DueReminder'
  | 'OutboxMessage'
  | 'SimulatedTrade'
  | 'SimulatedRefund'
  | 'StockItem'
  | 'StockLevel'
  | 'StockMovement'
  | 'Stocktake'
  | 'ExpenseCategories'
  | 'Expense'
  | 'ExpenseRevision'
  | 'BranchDay'
  | 'CommissionRule'
  | 'CommissionLine'
  | 'CommissionBase'
