import type { z } from 'zod'
import type {
  CommissionRule,
  DayCloseSchema,
  DayReopeningSchema,
  Expense,
  ExpenseCategory,
  ExpenseRevision,
  UnauditedReceiptSchema,
} from '../../types/finance'
import type { CommissionLineRecord } from '../domain/commission'
import type { DayLedger } from '../domain/day-close'
import type { FileStore } from '../orders/ports'
import type { NewAuditEntry } from '../identity/ports'

export type { CommissionBaseCount, CommissionLineRecord } from '../domain/commission'
export type { DayBookEntry } from '../domain/day-close'

export interface ExpenseRecord extends Omit<Expense, 'receiptUrl'> {
  studioId: string
  /** What corrections may still take back of this entry: its amount less what they took; absent until first corrected. */
  leftFen?: number
}

export type DayClose = z.infer<typeof DayCloseSchema>
export type DayReopening = z.infer<typeof DayReopeningSchema>
export type UnauditedReceipt = z.infer<typeof UnauditedReceiptSchema>

/** A branch's day as its book holds it. */
export interface DayBook {
  ledger: DayLedger
  closed: boolean
  close?: DayClose
  reopenings: DayReopening[]
}

export interface CommissionRuleRecord extends CommissionRule {
  studioId: string
}

export interface FinanceRepository {
  expenseCategories(studioId: string): Promise<ExpenseCategory[] | undefined>
  saveExpenseCategories(studioId: string, items: ExpenseCategory[]): Promise<void>

  /**
   * Records the entry and adds it to its day's book, unless that day is closed (DAY_CLOSED). False when this id was recorded before.
   * A correction (`expense.corrects`, the entry `corrected` as read) takes its amount from what is left of that entry, in the
   * same transaction and only while that entry is active, its day closed and enough is left (VALIDATION_FAILED on amountFen).
   */
  recordExpense(expense: ExpenseRecord, audit: NewAuditEntry, corrected?: ExpenseRecord): Promise<boolean>
  getExpense(studioId: string, expenseId: string): Promise<{ expense: ExpenseRecord; revisions: ExpenseRevision[] } | undefined>
  /**
   * Replaces the entry if it is still at `before.version` (VERSION_CONFLICT otherwise), keeps
   * `before` as a revision, and moves its money between the days' books — refused with
   * DAY_CLOSED when either day is closed. A correction voided gives back to the entry it corrects what it took.
   */
  reviseExpense(before: ExpenseRecord, after: ExpenseRecord, revision: ExpenseRevision, audit: NewAuditEntry): Promise<void>
  branchExpenses(studioId: string, branchId: string, from: string, to: string): Promise<ExpenseRecord[]>

  dayBook(studioId: string, branchId: string, date: string): Promise<DayBook>
  /** Closes the day if it is open and its book is still at `revision` (VERSION_CONFLICT otherwise; CONFLICT when closed already). */
  closeDay(studioId: string, branchId: string, date: string, revision: number, close: DayClose, audit: NewAuditEntry): Promise<void>
  /** Reopens a closed day (PRECONDITION_FAILED when it is not closed). */
  reopenDay(studioId: string, branchId: string, date: string, reopening: DayReopening, audit: NewAuditEntry): Promise<void>

  ruleVersions(studioId: string, branchId: string): Promise<CommissionRuleRecord[]>
  /** Adds a version; CONFLICT when that version exists (someone saved the same rule at the same moment). */
  putRule(rule: CommissionRuleRecord, audit: NewAuditEntry): Promise<void>
  staffLines(studioId: string, staffId: string, month: string): Promise<CommissionLineRecord[]>
  branchLines(studioId: string, branchId: string, month: string): Promise<CommissionLineRecord[]>
  orderLines(studioId: string, orderId: string): Promise<CommissionLineRecord[]>
  /** A staff member's base so far this month under each rule (for tiers). */
  monthBase(studioId: string, staffId: string, month: string, ruleId: string): Promise<number>
}

/** The payments of a branch-day still waiting for finance's audit. */
export interface UnauditedReceipts {
  ofBranchDay(studioId: string, branchId: string, from: string, to: string): Promise<UnauditedReceipt[]>
}

/** The studio and its branches, as finance needs them. */
export interface StudioDirectory {
  getStudio(studioId: string): Promise<{ timeZone: string } | undefined>
  getBranch(studioId: string, branchId: string): Promise<{ id: string } | undefined>
}

/** The catalogue, to check what a rule's overrides name. */
export interface CatalogLookup {
  getPackage(studioId: string, packageId: string): Promise<{ id: string } | undefined>
  getProduct(studioId: string, productId: string): Promise<{ id: string } | undefined>
}

export interface FinanceDeps {
  repo: StudioDirectory
  catalog: CatalogLookup
  finance: FinanceRepository
  receipts: UnauditedReceipts
  files: FileStore
}
