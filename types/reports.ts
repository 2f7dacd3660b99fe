import * as z from 'zod'
import { IdSchema, IsoDateSchema } from './common'
import { sourceChannels } from './customers'
import { OrderStageSchema, PaymentMethodSchema } from './orders'
import { RoleSchema } from './roles'
import { moneyKinds, receivableAges } from './vocabulary'

export { moneyKinds, receivableAges }

/*
 * The manager's reports. Every figure is read from per-branch, per-day figures kept in the
 * same transaction as the event that changed them; nothing here is computed by reading orders.
 *
 * Units: money is integer fen; counts are whole numbers; a rate is integer basis points
 * (10 000 = 100 %), rounded half up once at read time; an average is rounded half up once at
 * read time (fen to the fen, days to one decimal).
 */

export const ReportGranularitySchema = z.enum(['day', 'week', 'month'])
export type ReportGranularity = z.infer<typeof ReportGranularitySchema>

/** A report's days, both ends included, in the studio's calendar. */
export const ReportPeriodSchema = z.object({ from: IsoDateSchema, to: IsoDateSchema, days: z.number().int() })
export type ReportPeriod = z.infer<typeof ReportPeriodSchema>

/** What every report says about itself: which days, the days before to compare with, which branches. */
const ReportFrame = {
  /** The range asked for. */
  period: ReportPeriodSchema,
  /** The same number of days just before `period`. */
  previousPeriod: ReportPeriodSchema,
  /** The branches the figures add up (one, or every branch the caller may see). */
  branchIds: z.array(IdSchema),
  granularity: ReportGranularitySchema,
  /** The studio's time zone every day above is counted in. */
  timeZone: z.string(),
}

/** One point of a chart: the bucket's first day (a day, the Monday of a week, the first of a month). */
const bucket = { bucket: IsoDateSchema, bucketTo: IsoDateSchema }

/** A basis-point rate (10 000 = 100 %), absent when the denominator is zero. */
export const RateBpSchema = z.number().int().nullable()
const Fen = z.number().int()
const Count = z.number().int()

export const MoneyKindSchema = z.enum(moneyKinds)
export type MoneyKind = z.infer<typeof MoneyKindSchema>

/* ---------- 营业日报 ---------- */

export const DailyFiguresSchema = z.object({
  bookings: Count,
  bookingsCancelled: Count,
  shoots: Count,
  selections: Count,
  pickups: Count,
  ordersOpened: Count,
  /** Money received (before refunds) by method and by what it paid for. */
  inByMethod: z.record(PaymentMethodSchema, Fen),
  inByKind: z.record(MoneyKindSchema, Fen),
  receivedFen: Fen,
  refundedFen: Fen,
  /** Offline receipts not yet audited (part of receivedFen). */
  unauditedFen: Fen,
  expenseFen: Fen,
  /** Other income recorded in the books (not order money). */
  incomeFen: Fen,
  /** received − refunded + other income − expenses */
  netFen: Fen,
})
export type DailyFigures = z.infer<typeof DailyFiguresSchema>

export const DailyReportSchema = z.object({
  ...ReportFrame,
  current: DailyFiguresSchema,
  previous: DailyFiguresSchema,
  series: z.array(z.object({ ...bucket, figures: DailyFiguresSchema })),
})
export type DailyReport = z.infer<typeof DailyReportSchema>

/* ---------- Revenue and orders ---------- */

export const RevenueFiguresSchema = z.object({
  /** Orders opened in the period and their value (total at opening: package + add-ons − discount). */
  orders: Count,
  orderValueFen: Fen,
  /** orderValueFen ÷ orders, rounded half up to the fen; null with no orders. */
  averageOrderValueFen: Fen.nullable(),
  /** Money received − refunded in the period, whatever order it was for. */
  netReceivedFen: Fen,
  byPackage: z.array(z.object({ packageId: IdSchema, packageName: z.string(), orders: Count, orderValueFen: Fen })),
  byChannel: z.array(z.object({ channel: z.enum([...sourceChannels, 'unknown']), orders: Count, orderValueFen: Fen })),
})
export type RevenueFigures = z.infer<typeof RevenueFiguresSchema>

export const RevenueReportSchema = z.object({
  ...ReportFrame,
  current: RevenueFiguresSchema,
  previous: RevenueFiguresSchema,
  series: z.array(z.object({ ...bucket, orders: Count, orderValueFen: Fen, netReceivedFen: Fen })),
})
export type RevenueReport = z.infer<typeof RevenueReportSchema>

/* ---------- Upsell (加选) ---------- */

export const UpsellLineSchema = z.object({
  /** Orders whose selection was confirmed in the period. */
  selectedOrders: Count,
  /** Of those, orders with any extra photo or upgrade sold. */
  upsoldOrders: Count,
  /** upsoldOrders ÷ selectedOrders in basis points. */
  rateBp: RateBpSchema,
  extraPhotos: Count,
  extraPhotosFen: Fen,
  upgradesFen: Fen,
  /** extraPhotosFen + upgradesFen */
  amountFen: Fen,
})
export const UpsellFiguresSchema = UpsellLineSchema.extend({
  byStaff: z.array(UpsellLineSchema.extend({ staffId: z.string(), staffName: z.string() })),
})
export type UpsellFigures = z.infer<typeof UpsellFiguresSchema>

export const UpsellReportSchema = z.object({
  ...ReportFrame,
  current: UpsellFiguresSchema,
  previous: UpsellFiguresSchema,
  series: z.array(z.object({ ...bucket, selectedOrders: Count, upsoldOrders: Count, rateBp: RateBpSchema, amountFen: Fen })),
})
export type UpsellReport = z.infer<typeof UpsellReportSchema>

/* ---------- Funnel by source channel ---------- */

export const funnelSteps = ['customers', 'booked', 'depositPaid', 'shot', 'completed'] as const
export const FunnelStepSchema = z.enum(funnelSteps)
export const ChannelSchema = z.enum([...sourceChannels, 'unknown'])
export type Channel = z.infer<typeof ChannelSchema>

/** Each step counts the events of the period (customers added, orders booked, deposits paid …) by the customer's channel. */
export const FunnelStepsSchema = z.object({
  customers: Count,
  booked: Count,
  depositPaid: Count,
  shot: Count,
  completed: Count,
})
export const FunnelFiguresSchema = z.object({
  total: FunnelStepsSchema,
  byChannel: z.array(FunnelStepsSchema.extend({ channel: ChannelSchema })),
  cancellations: z.object({ count: Count, byReason: z.array(z.object({ reason: z.string(), count: Count })) }),
  refunds: z.object({ count: Count, amountFen: Fen, byReason: z.array(z.object({ reason: z.string(), count: Count, amountFen: Fen })) }),
})
export type FunnelFigures = z.infer<typeof FunnelFiguresSchema>

export const FunnelReportSchema = z.object({
  ...ReportFrame,
  current: FunnelFiguresSchema,
  previous: FunnelFiguresSchema,
  series: z.array(z.object({ ...bucket, steps: FunnelStepsSchema })),
})
export type FunnelReport = z.infer<typeof FunnelReportSchema>

/* ---------- Receivables ---------- */

export const ReceivableAgeSchema = z.enum(receivableAges)

/** What customers still owe, as of the report's `asOf` day, by days since the shoot. */
export const ReceivablesNowSchema = z.object({
  asOf: IsoDateSchema,
  byAge: z.array(z.object({ age: ReceivableAgeSchema, orders: Count, balanceFen: Fen })),
  balanceFen: Fen,
  orders: Count,
  /** Orders waiting at pick-up (`ready`) with money still due. */
  readyWithBalance: z.object({ orders: Count, balanceFen: Fen }),
})
/** Flows of the period: balance collected (balance and extra-photo payments) and refunds. */
export const ReceivablesFlowSchema = z.object({ collectedFen: Fen, refundedFen: Fen })

export const ReceivablesReportSchema = z.object({
  ...ReportFrame,
  now: ReceivablesNowSchema,
  current: ReceivablesFlowSchema,
  previous: ReceivablesFlowSchema,
  series: z.array(z.object({ ...bucket, collectedFen: Fen })),
})
export type ReceivablesReport = z.infer<typeof ReceivablesReportSchema>

/* ---------- Production ---------- */

export const ProductionStageNowSchema = z.object({
  stage: OrderStageSchema,
  /** Orders in the stage now. */
  orders: Count,
  /** Of those, orders past the stage's expected days. */
  overdue: Count,
})
export const ProductionStageFlowSchema = z.object({
  stage: OrderStageSchema,
  /** Orders that left the stage in the period. */
  exits: Count,
  /** Days they had spent in it, averaged, one decimal (null with no exits). */
  averageDays: z.number().nullable(),
})
export const ProductionFiguresSchema = z.object({ stages: z.array(ProductionStageFlowSchema) })

export const ProductionReportSchema = z.object({
  ...ReportFrame,
  now: z.object({ asOf: IsoDateSchema, stages: z.array(ProductionStageNowSchema) }),
  current: ProductionFiguresSchema,
  previous: ProductionFiguresSchema,
  series: z.array(z.object({ ...bucket, exits: Count })),
})
export type ProductionReport = z.infer<typeof ProductionReportSchema>

/* ---------- Staff ---------- */

export const StaffLineSchema = z.object({
  staffId: z.string(),
  staffName: z.string(),
  role: RoleSchema,
  /** Shoots done (photographer) or made up (makeup). */
  shoots: Count,
  /** Selections confirmed with the customer, and what was sold there. */
  selections: Count,
  upsellFen: Fen,
  /** Net commission (earned − clawed back). */
  commissionFen: Fen,
  /** Minutes of appointments booked for the person in the period. */
  bookedMinutes: Count,
  /** The branch's opening minutes on the person's working days of the period. */
  workingMinutes: Count,
  /** bookedMinutes ÷ workingMinutes in basis points (photographers and makeup artists). */
  utilisationBp: RateBpSchema,
})
export const StaffFiguresSchema = z.object({ staff: z.array(StaffLineSchema), commissionFen: Fen })

export const StaffReportSchema = z.object({
  ...ReportFrame,
  current: StaffFiguresSchema,
  previous: StaffFiguresSchema,
  series: z.array(z.object({ ...bucket, commissionFen: Fen, bookedMinutes: Count })),
})
export type StaffReport = z.infer<typeof StaffReportSchema>

/* ---------- Customers ---------- */

export const CustomerFiguresSchema = z.object({
  /** Customers added in the period. */
  newCustomers: Count,
  /** Orders opened by customers who already had an order. */
  returningOrders: Count,
  bySource: z.array(z.object({ channel: ChannelSchema, newCustomers: Count, returningOrders: Count })),
  followUps: z.object({
    /** Follow-ups whose due day falls in the period. */
    due: Count,
    /** Follow-ups done (outcome recorded) in the period. */
    done: Count,
    /** done ÷ due in basis points. */
    rateBp: RateBpSchema,
  }),
})
export type CustomerFigures = z.infer<typeof CustomerFiguresSchema>

export const CustomersReportSchema = z.object({
  ...ReportFrame,
  current: CustomerFiguresSchema,
  previous: CustomerFiguresSchema,
  series: z.array(z.object({ ...bucket, newCustomers: Count, returningOrders: Count })),
})
export type CustomersReport = z.infer<typeof CustomersReportSchema>

/* ---------- Stock ---------- */

export const StockFiguresSchema = z.object({
  /** Cost of what production consumed, by item. */
  consumption: z.array(z.object({ itemId: IdSchema, itemName: z.string(), quantity: Count, costFen: Fen })),
  consumptionFen: Fen,
  purchasesFen: Fen,
  /** Stock value at the end of each day of the period, averaged (fen, rounded half up). */
  averageStockFen: Fen,
  /** consumptionFen ÷ averageStockFen, in basis points. */
  turnoverBp: RateBpSchema,
})
export type StockFigures = z.infer<typeof StockFiguresSchema>

export const StockReportSchema = z.object({
  ...ReportFrame,
  now: z.object({
    asOf: IsoDateSchema,
    /** On hand × unit cost, every item. */
    valueFen: Fen,
    lowStock: z.array(z.object({ itemId: IdSchema, itemName: z.string(), branchId: IdSchema, onHand: Count, reorderLevel: Count })),
  }),
  current: StockFiguresSchema,
  previous: StockFiguresSchema,
  series: z.array(z.object({ ...bucket, consumptionFen: Fen, stockFen: Fen })),
})
export type StockReport = z.infer<typeof StockReportSchema>

/* ---------- The manager's home ---------- */

export const HomeFiguresSchema = z.object({
  date: IsoDateSchema,
  bookings: Count,
  shoots: Count,
  ordersOpened: Count,
  receivedFen: Fen,
  refundedFen: Fen,
  unauditedFen: Fen,
  expenseFen: Fen,
  netFen: Fen,
})
export const HomeReportSchema = z.object({
  branchIds: z.array(IdSchema),
  timeZone: z.string(),
  today: HomeFiguresSchema,
  /** The same weekday a week ago, for comparison. */
  lastWeek: HomeFiguresSchema,
  /** Orders waiting at pick-up with money due, and orders past their stage's days, now. */
  readyWithBalance: z.object({ orders: Count, balanceFen: Fen }),
  overdueOrders: Count,
})
export type HomeReport = z.infer<typeof HomeReportSchema>

/* ---------- Export and recompute ---------- */

export const reportNames = ['daily', 'revenue', 'upsell', 'funnel', 'receivables', 'production', 'staff', 'customers', 'stock'] as const
export const ReportNameSchema = z.enum(reportNames)
export type ReportName = z.infer<typeof ReportNameSchema>

export const ReportCsvSchema = z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() })

export const FigureDifferenceSchema = z.object({
  branchId: IdSchema,
  date: IsoDateSchema,
  /** The counter's name, e.g. `in#method#cash`. */
  figure: z.string(),
  kept: z.number().int(),
  recomputed: z.number().int(),
})
export const RecomputeResultSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  branchIds: z.array(IdSchema),
  /** Figures items compared (branches × days). */
  days: Count,
  differences: z.array(FigureDifferenceSchema),
  /** Differences in the state figures (orders per stage, owed by shoot day, at pick-up with money due), by branch. */
  nowDifferences: z.array(FigureDifferenceSchema.omit({ date: true })),
  /** True when the kept figures were replaced by the recomputed ones. */
  repaired: z.boolean(),
  /**
   * Differences a repair left: each figure is replaced only while it still holds what was read, and
   * one that kept changing under it (money landing at that moment) is read and compared again a few times.
   */
  unrepaired: z.array(FigureDifferenceSchema.partial({ date: true })),
  /** How many times a repair found figures changed since they were read, and read and compared them again. */
  comparedAgain: Count,
  /**
   * Records that predate a field the recompute relies on, whose figures are left as kept, never
   * compared or repaired: follow-ups naming no branch, WeChat Pay refunds booked on a later day without saying which.
   */
  leftAsKept: z.array(
    z.object({
      records: z.enum(['followUps', 'refunds']),
      count: Count,
      figures: z.array(z.object({ branchId: IdSchema.optional(), date: IsoDateSchema, figure: z.string() })),
    }),
  ),
})
export type RecomputeResult = z.infer<typeof RecomputeResultSchema>
