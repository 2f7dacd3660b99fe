import * as z from 'zod'
import { IdSchema, IsoDateSchema, IsoDateTimeSchema } from './common'
import { FenSchema, MAX_FEN } from './money'
import { ActorSchema, PaymentMethodSchema } from './orders'
import { StaffRoleSchema } from './roles'

/** A month in the studio's calendar, YYYY-MM. */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month (YYYY-MM)')

/* ---------- Expenses and other income (支出 / 其他收入) ---------- */

export const ExpenseCategorySchema = z.strictObject({
  code: z.string().trim().regex(/^[a-z0-9_-]{1,32}$/, 'must be 1–32 lower-case letters, digits, dashes or underscores'),
  name: z.string().trim().min(1).max(20),
  nameEn: z.string().trim().min(1).max(40),
})
export type ExpenseCategory = z.infer<typeof ExpenseCategorySchema>

export const ExpenseKindSchema = z.enum(['expense', 'income'])
export type ExpenseKind = z.infer<typeof ExpenseKindSchema>

/** A recorded amount: positive, except a correction, which may take back (negative) what it corrects. */
export const SignedFenSchema = z.number().int('must be whole fen').min(-MAX_FEN).max(MAX_FEN)

export const ExpenseSchema = z.object({
  id: IdSchema,
  branchId: IdSchema,
  kind: ExpenseKindSchema,
  category: z.string(),
  amountFen: SignedFenSchema,
  /** The studio day the money went out or came in. */
  date: IsoDateSchema,
  payee: z.string(),
  note: z.string().optional(),
  /** The file-store key of the receipt photo. */
  receiptKey: z.string().optional(),
  receiptUrl: z.string().optional(),
  /** A correction recorded on an open day names the entry of a closed day it corrects. */
  corrects: IdSchema.optional(),
  status: z.enum(['active', 'void']),
  voidReason: z.string().optional(),
  recordedBy: ActorSchema,
  version: z.number().int(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
})
export type Expense = z.infer<typeof ExpenseSchema>

/** The entry as it stood before an edit or a void: nothing recorded is ever lost. */
export const ExpenseRevisionSchema = z.object({
  version: z.number().int(),
  change: z.enum(['edited', 'voided']),
  by: ActorSchema,
  at: IsoDateTimeSchema,
  before: ExpenseSchema.omit({ receiptUrl: true }),
})
export type ExpenseRevision = z.infer<typeof ExpenseRevisionSchema>

/* ---------- The daily close (日结) ---------- */

export const DeskTakingSchema = z.object({
  /** The staff member who took the money at the desk; `wechat` for WeChat Pay online. */
  deskId: z.string(),
  deskName: z.string(),
  method: PaymentMethodSchema,
  amountFen: z.number().int(),
  count: z.number().int(),
})

export const MethodTotalsSchema = z.object({
  method: PaymentMethodSchema,
  receivedFen: z.number().int(),
  refundedFen: z.number().int(),
  netFen: z.number().int(),
})

export const UnauditedReceiptSchema = z.object({
  paymentId: z.string(),
  orderId: IdSchema,
  method: PaymentMethodSchema,
  amountFen: z.number().int(),
  recordedBy: ActorSchema,
  at: IsoDateTimeSchema,
})

export const DayCloseSchema = z.object({
  countedCashFen: z.number().int(),
  expectedCashFen: z.number().int(),
  /** counted − expected: positive is cash over, negative is short. */
  differenceFen: z.number().int(),
  differenceReason: z.string().optional(),
  closedBy: ActorSchema,
  closedAt: IsoDateTimeSchema,
})

export const DayReopeningSchema = z.object({ by: ActorSchema, at: IsoDateTimeSchema, reason: z.string() })

export const BranchDaySchema = z.object({
  branchId: IdSchema,
  date: IsoDateSchema,
  status: z.enum(['open', 'closed']),
  /** Changes with every money event of the day: a close names the revision it counted. */
  revision: z.number().int(),
  desks: z.array(DeskTakingSchema),
  methods: z.array(MethodTotalsSchema),
  receivedFen: z.number().int(),
  refundedFen: z.number().int(),
  expenseFen: z.number().int(),
  incomeFen: z.number().int(),
  /** received − refunded + other income − expenses */
  netFen: z.number().int(),
  /** Cash the till should hold from the day's takings: cash received − cash refunded. */
  expectedCashFen: z.number().int(),
  unaudited: z.array(UnauditedReceiptSchema),
  expenses: z.array(ExpenseSchema),
  close: DayCloseSchema.optional(),
  reopenings: z.array(DayReopeningSchema),
})
export type BranchDay = z.infer<typeof BranchDaySchema>

/* ---------- Commission (提成) ---------- */

/** The kinds of work that earn commission: 门市 the sale, 摄影/化妆 the shoot, 修图/设计 post-production, 选片/二销 the upsell at selection. */
export const commissionWorks = ['sale', 'shoot', 'post', 'upsell'] as const
export const CommissionWorkSchema = z.enum(commissionWorks)
export type CommissionWork = z.infer<typeof CommissionWorkSchema>

/** What a rule takes its share of: the order's value, or the money actually received. */
export const CommissionBaseSchema = z.enum(['order_value', 'received'])

/** Basis points: 100 = 1 %. Keeps percentages exact in integers. */
export const BasisPointsSchema = z.number().int('must be whole basis points').min(0).max(10_000)

export const CommissionCalcSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), basisPoints: BasisPointsSchema }),
  /** A fixed amount per unit of work: per order, or per extra photo sold at selection. */
  z.strictObject({ kind: z.literal('fixed'), fen: FenSchema }),
])
export type CommissionCalc = z.infer<typeof CommissionCalcSchema>

/** From `fromFen` of the month's base onwards, this rate applies (marginally, like tax brackets). */
export const CommissionTierSchema = z.strictObject({ fromFen: FenSchema, basisPoints: BasisPointsSchema })
export type CommissionTier = z.infer<typeof CommissionTierSchema>

export const CommissionOverrideSchema = z.strictObject({
  target: z.enum(['package', 'product']),
  targetId: IdSchema,
  calc: CommissionCalcSchema,
})
export type CommissionOverride = z.infer<typeof CommissionOverrideSchema>

/** When several staff did the work of one order: split the share equally, or each earns it whole. */
export const CommissionSplitSchema = z.enum(['equal', 'each'])
export type CommissionSplit = z.infer<typeof CommissionSplitSchema>

export const CommissionRuleTermsSchema = z.strictObject({
  base: CommissionBaseSchema,
  calc: CommissionCalcSchema,
  tiers: z.array(CommissionTierSchema).max(10).default([]),
  overrides: z.array(CommissionOverrideSchema).max(50).default([]),
  split: CommissionSplitSchema.default('equal'),
})
export type CommissionRuleTerms = z.infer<typeof CommissionRuleTermsSchema>

export const CommissionRuleSchema = z.object({
  id: z.string(),
  branchId: IdSchema,
  role: StaffRoleSchema,
  work: CommissionWorkSchema,
  version: z.number().int().min(1),
  effectiveFrom: IsoDateSchema,
  base: CommissionBaseSchema,
  calc: CommissionCalcSchema,
  tiers: z.array(CommissionTierSchema),
  overrides: z.array(CommissionOverrideSchema),
  split: CommissionSplitSchema,
  createdBy: ActorSchema,
  createdAt: IsoDateTimeSchema,
})
export type CommissionRule = z.infer<typeof CommissionRuleSchema>

export const CommissionSourceSchema = z.object({
  kind: z.enum(['payment', 'stage', 'refund']),
  /** The payment or refund id, or the stage reached. */
  id: z.string(),
})

export const CommissionLineSchema = z.object({
  id: z.string(),
  branchId: IdSchema,
  staffId: IdSchema,
  staffName: z.string(),
  role: StaffRoleSchema,
  work: CommissionWorkSchema,
  month: MonthSchema,
  date: IsoDateSchema,
  orderId: IdSchema,
  source: CommissionSourceSchema,
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  baseFen: z.number().int(),
  /** Negative for a claw-back. */
  amountFen: z.number().int(),
  /** A claw-back points at the line it takes back from. */
  clawsBack: z.string().optional(),
  createdAt: IsoDateTimeSchema,
})
export type CommissionLine = z.infer<typeof CommissionLineSchema>
