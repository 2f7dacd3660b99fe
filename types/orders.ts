import * as z from 'zod'
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from './common'
import { FenSchema } from './money'
import { RoleSchema } from './roles'
import { defaultOrderSettings as defaults, orderStages, OUT_TRADE_NO_PREFIX, timedStages, type TimedStage } from './vocabulary'

export { orderStages, timedStages, type TimedStage }

/** The order's stages in their order; `cancelled` is the side exit before the shoot. */
export const OrderStageSchema = z.enum(orderStages)
export type OrderStage = z.infer<typeof OrderStageSchema>


export const ActorSchema = z.object({ id: z.string(), name: z.string(), role: RoleSchema.or(z.literal('system')) })
export type Actor = z.infer<typeof ActorSchema>

export const StageEventSchema = z.object({
  stage: OrderStageSchema,
  at: IsoDateTimeSchema,
  by: ActorSchema,
  note: z.string().optional(),
})
export type StageEvent = z.infer<typeof StageEventSchema>

export const AddOnKindSchema = z.enum(['extra_photos', 'product', 'service'])
export const AddOnSchema = z.object({
  id: z.string(),
  kind: AddOnKindSchema,
  name: z.string(),
  productId: IdSchema.optional(),
  quantity: z.number().int(),
  unitFen: z.number().int(),
  amountFen: z.number().int(),
})
export type AddOn = z.infer<typeof AddOnSchema>

export const OrderPackageSchema = z.object({
  id: IdSchema,
  name: z.string(),
  priceFen: z.number().int(),
  depositFen: z.number().int(),
  shootMinutes: z.number().int(),
  retouchedPhotos: z.number().int(),
  extraPhotoPriceFen: z.number().int(),
})

export const SelectionSchema = z.object({
  photoIds: z.array(z.string()),
  includedCount: z.number().int(),
  extraCount: z.number().int(),
  extraFen: z.number().int(),
  confirmedAt: IsoDateTimeSchema.optional(),
  confirmedBy: ActorSchema.optional(),
})
export type Selection = z.infer<typeof SelectionSchema>

export const ProofRoundSchema = z.object({
  round: z.number().int(),
  sentAt: IsoDateTimeSchema,
  decision: z.enum(['approved', 'revision']).optional(),
  comment: z.string().optional(),
  decidedAt: IsoDateTimeSchema.optional(),
  decidedBy: ActorSchema.optional(),
})

export const OrderSchema = z.object({
  id: IdSchema,
  customerId: IdSchema,
  customerName: z.string(),
  branchId: IdSchema.optional(),
  stage: OrderStageSchema,
  package: OrderPackageSchema,
  addOns: z.array(AddOnSchema),
  discountFen: z.number().int(),
  discountReason: z.string().optional(),
  /** package + add-ons − discount */
  totalFen: z.number().int(),
  /** captured payments − refunds */
  paidFen: z.number().int(),
  /** total − paid, never below zero */
  balanceFen: z.number().int(),
  /** Offline payments not yet audited by finance (included in paid). */
  unauditedFen: z.number().int(),
  depositFen: z.number().int(),
  appointmentId: IdSchema.optional(),
  shootAt: IsoDateTimeSchema.optional(),
  /** A booking moved since it was made: the earliest start it has held, from which a cancellation's refund is judged. */
  refundFromAt: IsoDateTimeSchema.optional(),
  timeline: z.array(StageEventSchema),
  stageEnteredAt: IsoDateTimeSchema,
  /** When the next stage is expected to start (studio date); none for finished orders. */
  expectedBy: IsoDateSchema.optional(),
  assignee: z.object({ id: IdSchema, name: z.string() }).optional(),
  labSentAt: IsoDateTimeSchema.optional(),
  selection: SelectionSchema.optional(),
  proofRounds: z.array(ProofRoundSchema),
  /** What the cancellation policy refunds, when cancelled; `refundedFen` shows how much of it went back. */
  refundDueFen: z.number().int().optional(),
  refundedFen: z.number().int(),
  notes: z.string().optional(),
  /** The old system's order number, on an order imported from it. */
  importedFrom: z.string().optional(),
  version: z.number().int(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
})
export type Order = z.infer<typeof OrderSchema>

export const PaymentKindSchema = z.enum(['deposit', 'balance', 'extra_photos', 'refund'])
export type PaymentKind = z.infer<typeof PaymentKindSchema>
export const PaymentMethodSchema = z.enum(['wechat', 'cash', 'card', 'transfer'])
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>
export const OfflineMethodSchema = z.enum(['cash', 'card', 'transfer'])

export const PaymentSchema = z.object({
  id: z.string(),
  orderId: IdSchema,
  customerId: IdSchema,
  kind: PaymentKindSchema,
  method: PaymentMethodSchema,
  /** Negative for refunds. */
  amountFen: z.number().int(),
  /** What can still be refunded of a payment. */
  refundableFen: z.number().int(),
  /** A refund points at the payment it refunds. */
  refundOf: z.string().optional(),
  status: z.enum(['captured', 'refund_processing', 'refunded', 'refund_failed']),
  audited: z.boolean(),
  auditedBy: ActorSchema.optional(),
  auditedAt: IsoDateTimeSchema.optional(),
  recordedBy: ActorSchema,
  reference: z.string().optional(),
  reason: z.string().optional(),
  outTradeNo: z.string().optional(),
  outRefundNo: z.string().optional(),
  transactionId: z.string().optional(),
  /** Taken before the studio used this system, and imported with its order's history. */
  imported: z.literal(true).optional(),
  at: IsoDateTimeSchema,
  /** WeChat Pay money credited (or refunded) after its own day was closed: the open day it was booked on instead. */
  bookedOn: IsoDateSchema.optional(),
})
export type Payment = z.infer<typeof PaymentSchema>

export const PhotoKindSchema = z.enum(['proof', 'design'])
export const PhotoSchema = z.object({
  id: IdSchema,
  kind: PhotoKindSchema,
  name: z.string(),
  /** A small image for grids (about 360 px wide). */
  thumbUrl: z.string(),
  /** A screen-size image for the viewer (about 1600 px wide). */
  previewUrl: z.string(),
  /** The original as uploaded (often 5–20 MB): only for downloading it on purpose. */
  url: z.string(),
  uploadedAt: IsoDateTimeSchema,
})
export type Photo = z.infer<typeof PhotoSchema>

/**
 * An order as a role that sees no money receives it (the crew: photographer, makeup artist, retoucher): the
 * work — package, photos, selection, timeline, notes — and none of the amounts.
 */
export const WorkOrderSchema = OrderSchema.omit({
  discountFen: true,
  discountReason: true,
  totalFen: true,
  paidFen: true,
  balanceFen: true,
  unauditedFen: true,
  depositFen: true,
  refundDueFen: true,
  refundedFen: true,
}).extend({
  package: OrderPackageSchema.omit({ priceFen: true, depositFen: true, extraPhotoPriceFen: true }),
  addOns: z.array(AddOnSchema.omit({ unitFen: true, amountFen: true })),
  selection: SelectionSchema.omit({ extraFen: true }).optional(),
})
export type WorkOrder = z.infer<typeof WorkOrderSchema>

/** An order as the caller may see it: whole, or without its money. */
export const OrderViewSchema = z.union([OrderSchema, WorkOrderSchema])

export const WorkOrderDetailSchema = z.object({ order: WorkOrderSchema, nextStage: OrderStageSchema.optional() })

export const OrderDetailSchema = z.object({
  order: OrderSchema,
  payments: z.array(PaymentSchema),
  /** Whether the balance can be paid online now, and the stage the order is waiting for. */
  nextStage: OrderStageSchema.optional(),
})

export const StageDaysSchema = z.strictObject(
  Object.fromEntries(timedStages.map((s) => [s, z.number().int().min(0).max(365)])) as Record<TimedStage, z.ZodNumber>,
)
export const OrderSettingsSchema = z.strictObject({
  /** Days each stage is expected to take before the next begins (`confirmed` waits for the shoot date). */
  stageDays: StageDaysSchema,
  /** Discounts above this share of the package price need a manager. */
  discountLimitPercent: z.number().int().min(0).max(100),
})
export type OrderSettings = z.infer<typeof OrderSettingsSchema>

export const defaultOrderSettings: OrderSettings = defaults

export { OUT_TRADE_NO_PREFIX }
/**
 * A WeChat Pay charge number (out_trade_no): `W` and 26 characters, so it is never a request id and
 * no desk payment or refund can be recorded under the id its payment will have. Charges asked for
 * before the prefix (26 characters alone) are still recognised.
 */
export const OutTradeNoSchema = z.string().regex(/^W?[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a WeChat Pay charge number')

export const PrepaySchema = z.object({
  outTradeNo: OutTradeNoSchema,
  amountFen: z.number().int(),
  /** True when the local simulator stands in for WeChat Pay: the app shows its labelled pay step. */
  simulated: z.boolean(),
  params: z.object({
    appId: z.string(),
    timeStamp: z.string(),
    nonceStr: z.string(),
    package: z.string(),
    signType: z.literal('RSA'),
    paySign: z.string(),
  }),
})

export const OrderSummarySchema = OrderSchema.pick({
  id: true,
  customerId: true,
  customerName: true,
  stage: true,
  totalFen: true,
  paidFen: true,
  balanceFen: true,
  expectedBy: true,
  stageEnteredAt: true,
  shootAt: true,
  assignee: true,
  labSentAt: true,
  version: true,
  createdAt: true,
}).extend({ packageName: z.string(), overdue: z.boolean() })
export type OrderSummary = z.infer<typeof OrderSummarySchema>

/** Order summaries in lists staff share: the amounts are absent for a role that sees no money. */
export const OrderSummaryViewSchema = OrderSummarySchema.partial({ totalFen: true, paidFen: true, balanceFen: true })
export type OrderSummaryView = z.infer<typeof OrderSummaryViewSchema>

export const AddOnInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('product'), productId: IdSchema, quantity: z.number().int().min(1).max(100) }),
  z.strictObject({ kind: z.literal('service'), name: z.string().trim().min(1).max(40), amountFen: FenSchema.refine((v) => v > 0, 'must be more than zero') }),
])
