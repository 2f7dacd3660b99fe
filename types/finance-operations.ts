import * as z from 'zod'
import { IdSchema, IsoDateSchema } from './common'
import {
  BranchDaySchema,
  CommissionLineSchema,
  CommissionRuleSchema,
  CommissionRuleTermsSchema,
  CommissionWorkSchema,
  ExpenseCategorySchema,
  ExpenseKindSchema,
  ExpenseRevisionSchema,
  ExpenseSchema,
  MonthSchema,
  SignedFenSchema,
} from './finance'
import { FenSchema } from './money'
import { defineOperation } from './operation'
import { ANY_STAFF, StaffRoleSchema } from './roles'

/** Finance and managers keep the books of their branch; admins of every branch. */
const BOOKS = ['finance', 'manager', 'admin'] as const
const MANAGERS = ['manager', 'admin'] as const
/** A client-made id: the same request sent twice records once. */
const RequestId = IdSchema.describe('Client-generated ULID; a retried request with the same id is applied once')
const Text = (max: number) => z.string().trim().min(1).max(max)
const ReceiptContentType = z.enum(['image/jpeg', 'image/png', 'image/webp'])
const ReceiptKey = z.string().regex(/^studios\/[0-9A-Z]{26}\/receipts\/[0-9A-Z]{26}\.(jpg|png|webp)$/, 'must be a receipt uploaded through this app')

export const listExpenseCategories = defineOperation({
  name: 'expenses.listCategories',
  method: 'GET',
  path: '/finance/expense-categories',
  summary: 'The studio’s own list of expense and income categories',
  tag: 'finance',
  input: z.strictObject({}),
  output: z.object({ items: z.array(ExpenseCategorySchema) }),
  access: BOOKS,
})

export const saveExpenseCategories = defineOperation({
  name: 'expenses.saveCategories',
  method: 'PUT',
  path: '/finance/expense-categories',
  summary: 'Replace the studio’s expense and income categories',
  tag: 'finance',
  input: z.strictObject({
    items: z
      .array(ExpenseCategorySchema)
      .min(1)
      .max(50)
      .refine((items) => new Set(items.map((c) => c.code)).size === items.length, 'must not repeat a code'),
  }),
  output: z.object({ items: z.array(ExpenseCategorySchema) }),
  access: MANAGERS,
})

export const prepareReceiptUpload = defineOperation({
  name: 'expenses.prepareReceiptUpload',
  method: 'POST',
  path: '/finance/receipts/uploads',
  summary: 'An upload link for a receipt photo (JPEG/PNG/WebP, 10 MB)',
  tag: 'finance',
  input: z.strictObject({ contentType: ReceiptContentType }),
  output: z.object({
    receiptKey: z.string(),
    upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()), fileField: z.string(), expiresAt: z.string() }),
  }),
  access: BOOKS,
})

const ExpenseFields = z.strictObject({
  branchId: IdSchema,
  kind: ExpenseKindSchema,
  category: z.string().trim().min(1).max(32),
  amountFen: SignedFenSchema,
  date: IsoDateSchema,
  payee: Text(60),
  note: z.string().trim().max(200).optional(),
  receiptKey: ReceiptKey.optional(),
})

/** Only a correction of another entry may take money back; everything else is a positive amount. */
const positiveUnlessCorrecting = <T extends { amountFen: number; corrects?: string }>(v: T) => v.amountFen > 0 || (v.corrects !== undefined && v.amountFen !== 0)

export const recordExpense = defineOperation({
  name: 'expenses.record',
  scope: 'branch',
  method: 'POST',
  path: '/finance/expenses',
  summary: 'Record an expense or other income of a branch and day (a correction names the entry it corrects)',
  tag: 'finance',
  input: ExpenseFields.extend({ requestId: RequestId, corrects: IdSchema.optional() }).refine(positiveUnlessCorrecting, {
    path: ['amountFen'],
    message: 'must be more than zero (only a correction may be negative)',
  }),
  output: ExpenseSchema,
  access: BOOKS,
})

export const editExpense = defineOperation({
  name: 'expenses.edit',
  scope: 'branch',
  method: 'PATCH',
  path: '/finance/expenses/{expenseId}',
  summary: 'Edit an entry of an open day; the entry as it stood is kept and the change audited',
  tag: 'finance',
  input: ExpenseFields.partial()
    .extend({ expenseId: IdSchema, version: z.number().int().min(1) })
    .refine((v) => Object.keys(v).some((k) => !['expenseId', 'version'].includes(k)), { message: 'nothing to change' })
    .refine((v) => v.amountFen === undefined || v.amountFen > 0, { path: ['amountFen'], message: 'must be more than zero' }),
  output: ExpenseSchema,
  access: BOOKS,
})

export const voidExpense = defineOperation({
  name: 'expenses.void',
  method: 'POST',
  path: '/finance/expenses/{expenseId}/void',
  summary: 'Void an entry of an open day with a reason; it stays on record, marked void',
  tag: 'finance',
  input: z.strictObject({ expenseId: IdSchema, version: z.number().int().min(1), reason: Text(200) }),
  output: ExpenseSchema,
  access: BOOKS,
})

export const getExpense = defineOperation({
  name: 'expenses.get',
  method: 'GET',
  path: '/finance/expenses/{expenseId}',
  summary: 'An entry with every earlier state it had',
  tag: 'finance',
  input: z.strictObject({ expenseId: IdSchema }),
  output: z.object({ expense: ExpenseSchema, revisions: z.array(ExpenseRevisionSchema) }),
  access: BOOKS,
})

export const listExpenses = defineOperation({
  name: 'expenses.list',
  scope: 'branch',
  method: 'GET',
  path: '/finance/expenses',
  summary: 'A branch’s entries between two days (at most 62 days)',
  tag: 'finance',
  input: z
    .strictObject({ branchId: IdSchema, from: IsoDateSchema, to: IsoDateSchema })
    .refine((v) => v.from <= v.to, { path: ['to'], message: 'must not be before from' })
    .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 62 * 86_400_000, { path: ['to'], message: 'must be at most 62 days after from' }),
  output: z.object({ items: z.array(ExpenseSchema) }),
  access: BOOKS,
})

const BranchDayRef = z.strictObject({ branchId: IdSchema, date: IsoDateSchema })

export const getBranchDay = defineOperation({
  name: 'finance.day',
  scope: 'branch',
  method: 'GET',
  path: '/finance/days/{branchId}/{date}',
  summary: 'A branch’s day: what each desk and method took, refunds, expenses, unaudited receipts and the close',
  tag: 'finance',
  input: BranchDayRef,
  output: BranchDaySchema,
  access: BOOKS,
})

export const closeDay = defineOperation({
  name: 'finance.closeDay',
  scope: 'branch',
  method: 'POST',
  path: '/finance/days/{branchId}/{date}/close',
  summary: 'Close the day (日结) on the figures seen: the cash counted, and a reason for any difference. Locks the day',
  tag: 'finance',
  input: BranchDayRef.extend({
    revision: z.number().int().min(0).describe('The day’s revision the figures were read at'),
    countedCashFen: FenSchema,
    differenceReason: z.string().trim().max(200).optional(),
  }),
  output: BranchDaySchema,
  access: BOOKS,
})

export const reopenDay = defineOperation({
  name: 'finance.reopenDay',
  scope: 'branch',
  method: 'POST',
  path: '/finance/days/{branchId}/{date}/reopen',
  summary: 'Reopen a closed day, with the reason recorded in the audit log',
  tag: 'finance',
  input: BranchDayRef.extend({ reason: Text(200) }),
  output: BranchDaySchema,
  access: MANAGERS,
})

export const listCommissionRules = defineOperation({
  name: 'commission.rules',
  scope: 'branch',
  method: 'GET',
  path: '/commission/rules',
  summary: 'A branch’s commission rules, every version, newest first',
  tag: 'commission',
  input: z.strictObject({ branchId: IdSchema }),
  output: z.object({ items: z.array(CommissionRuleSchema) }),
  access: MANAGERS,
})

export const saveCommissionRule = defineOperation({
  name: 'commission.saveRule',
  scope: 'branch',
  method: 'POST',
  path: '/commission/rules',
  summary: 'A new version of a role’s rule for a kind of work, effective from a day not yet past; earlier versions and their lines stay as they are',
  tag: 'commission',
  input: CommissionRuleTermsSchema.extend({
    branchId: IdSchema,
    role: StaffRoleSchema,
    work: CommissionWorkSchema,
    effectiveFrom: IsoDateSchema,
  }).refine((v) => v.tiers.every((t, i) => i === 0 || t.fromFen > v.tiers[i - 1]!.fromFen), {
    path: ['tiers'],
    message: 'must rise: each tier starts above the one before',
  }),
  output: CommissionRuleSchema,
  access: MANAGERS,
})

const CommissionMonth = z.strictObject({ month: MonthSchema })
const CommissionTotals = z.object({ earnedFen: z.number().int(), clawedBackFen: z.number().int(), netFen: z.number().int() })

export const myCommission = defineOperation({
  name: 'commission.mine',
  method: 'GET',
  path: '/commission/mine',
  summary: 'The caller’s own commission lines of a month',
  tag: 'commission',
  input: CommissionMonth,
  /** Without each line's base (an order's value or money received) for the crew, who see what they earned. */
  output: z.object({ items: z.array(CommissionLineSchema.partial({ baseFen: true })), totals: CommissionTotals }),
  access: ANY_STAFF,
})

export const branchCommission = defineOperation({
  name: 'commission.branch',
  scope: 'branch',
  method: 'GET',
  path: '/commission/branch',
  summary: 'Every commission line of a branch and month, with each person’s total',
  tag: 'commission',
  input: CommissionMonth.extend({ branchId: IdSchema }),
  output: z.object({
    items: z.array(CommissionLineSchema),
    totals: CommissionTotals,
    staff: z.array(z.object({ staffId: IdSchema, staffName: z.string(), netFen: z.number().int(), lines: z.number().int() })),
  }),
  access: MANAGERS,
})

export const exportCommission = defineOperation({
  name: 'commission.export',
  scope: 'branch',
  method: 'GET',
  path: '/commission/export',
  summary: 'A branch’s commission lines of a month as a CSV that Excel opens, for payroll',
  tag: 'commission',
  input: CommissionMonth.extend({ branchId: IdSchema }),
  output: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  access: MANAGERS,
})

export const financeOperations = [
  listExpenseCategories,
  saveExpenseCategories,
  prepareReceiptUpload,
  recordExpense,
  editExpense,
  voidExpense,
  getExpense,
  listExpenses,
  getBranchDay,
  closeDay,
  reopenDay,
  listCommissionRules,
  saveCommissionRule,
  myCommission,
  branchCommission,
  exportCommission,
] as const
