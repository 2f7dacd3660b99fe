import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { ExpenseCategory, ExpenseRevision } from '../../types/finance'
import type { PaymentRecord } from '../orders/ports'
import { DomainError } from '../domain/errors'
import type {
  CommissionLineRecord,
  CommissionRuleRecord,
  DayBookEntry,
  DayClose,
  DayReopening,
  ExpenseRecord,
  FinanceRepository,
  UnauditedReceipt,
  UnauditedReceipts,
} from '../finance/ports'
import type { NewAuditEntry } from '../identity/ports'
import { DAY_OPEN, dayBookOf, dayBookUpdate } from './entities/branch-day'
import { dayClosed, figureWrites } from './entities/books'
import { expenseBooked } from '../domain/report-events'
import { commissionRuleItem } from './entities/commission'
import { expenseItem, expenseRevisionItem } from './entities/expense'
import { AlreadyWritten, guarded, transact, transactOnce } from './errors'
import { AuditedStore, entity, queryAll } from './items'
import { keys } from './keys'


/** What an expense entry adds to its day's book (negated to take it off again). */
function bookEntry(expense: ExpenseRecord, sign: 1 | -1): DayBookEntry {
  const amount = expense.status === 'void' ? 0 : sign * expense.amountFen
  return {
    studioId: expense.studioId,
    branchId: expense.branchId,
    date: expense.date,
    ...(expense.kind === 'expense' ? { expenseFen: amount } : { incomeFen: amount }),
  }
}

/** What an entry counts for: its amount while active, nothing once void. */
const counted = (expense: ExpenseRecord) => (expense.status === 'void' ? 0 : expense.amountFen)

const tooMuchTakenBack = () =>
  new DomainError('VALIDATION_FAILED', 'Some fields are not valid', {
    fields: [{ path: 'amountFen', message: 'must not take back more than is left of the entry it corrects' }],
  })

/** The report figures of expense entries booked into their days. */
const expenseFigures = (entries: DayBookEntry[]) => entries.flatMap((e) => expenseBooked(e.studioId, e.branchId, e.date, e))

/** Two entries for the same day book become one (a transaction may touch an item once). */
function mergeEntries(entries: DayBookEntry[]): DayBookEntry[] {
  const byDay = new Map<string, DayBookEntry>()
  for (const e of entries) {
    const key = `${e.branchId}|${e.date}`
    const seen = byDay.get(key)
    byDay.set(key, seen ? { ...seen, expenseFen: (seen.expenseFen ?? 0) + (e.expenseFen ?? 0), incomeFen: (seen.incomeFen ?? 0) + (e.incomeFen ?? 0) } : e)
  }
  return [...byDay.values()]
}

export class DynamoFinanceRepository extends AuditedStore implements FinanceRepository, UnauditedReceipts {
  async expenseCategories(studioId: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.expenseCategories(studioId) }))
    return entity<{ items: ExpenseCategory[] }>(Item)?.items
  }

  async saveExpenseCategories(studioId: string, items: ExpenseCategory[]) {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...keys.expenseCategories(studioId), type: 'ExpenseCategories', items } }))
  }

  async recordExpense(expense: ExpenseRecord, audit: NewAuditEntry, corrected?: ExpenseRecord) {
    return transactOnce(this.db, [
      guarded({ Put: { TableName: this.table, Item: expenseItem(expense), ConditionExpression: 'attribute_not_exists(pk)' } }, new AlreadyWritten()),
      guarded({ Update: dayBookUpdate(this.table, bookEntry(expense, 1)) }, dayClosed(expense.date)),
      ...(corrected ? this.correctionWrites(expense, corrected) : []),
      ...figureWrites(this.table, expenseFigures([bookEntry(expense, 1)])),
      guarded(this.auditPut(expense.studioId, audit)),
    ])
  }

  /** A correction takes its amount from what is left of the entry it corrects, while that entry's day stays closed. */
  private correctionWrites(correction: ExpenseRecord, corrected: ExpenseRecord) {
    return [
      guarded({ Update: this.leftUpdate(corrected.studioId, corrected.id, correction.amountFen) }, tooMuchTakenBack()),
      guarded(
        {
          ConditionCheck: {
            TableName: this.table,
            Key: keys.branchDay(corrected.studioId, corrected.branchId, corrected.date),
            ConditionExpression: 'closed = :closed',
            ExpressionAttributeValues: { ':closed': true },
          },
        },
        new DomainError('PRECONDITION_FAILED', `${corrected.date} was reopened: edit or void the entry itself`),
      ),
    ]
  }

  /**
   * Changes what is left of an active entry to correct by `deltaFen` (negative: taken back), never
   * below zero, and moves the entry's version on so an edit read before cannot overwrite it.
   */
  private leftUpdate(studioId: string, expenseId: string, deltaFen: number) {
    return {
      TableName: this.table,
      Key: keys.expense(studioId, expenseId),
      UpdateExpression: 'SET leftFen = if_not_exists(leftFen, amountFen) + :delta, #version = #version + :one',
      ConditionExpression: '#status = :active AND ((attribute_not_exists(leftFen) AND amountFen >= :need) OR leftFen >= :need)',
      ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
      ExpressionAttributeValues: { ':delta': deltaFen, ':need': Math.max(0, -deltaFen), ':active': 'active', ':one': 1 },
    }
  }

  async getExpense(studioId: string, expenseId: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.expensePartition(studioId, expenseId) },
      ConsistentRead: true,
    })
    const expense = entity<ExpenseRecord>(items.find((i) => i.type === 'Expense'))
    if (!expense) return undefined
    const revisions = items.filter((i) => i.type === 'ExpenseRevision').map((i) => entity<ExpenseRevision>(i)!)
    return { expense, revisions }
  }

  async reviseExpense(before: ExpenseRecord, after: ExpenseRecord, revision: ExpenseRevision, audit: NewAuditEntry) {
    const entries = mergeEntries([bookEntry(before, -1), bookEntry(after, 1)])
    const stale = new DomainError('VERSION_CONFLICT', 'Someone else changed this entry meanwhile; reload and try again')
    const items = [
      guarded({
        Put: {
          TableName: this.table,
          Item: expenseItem(after),
          ConditionExpression: '#version = :v',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':v': before.version },
        },
      }, stale),
      guarded({ Put: { TableName: this.table, Item: expenseRevisionItem(before.studioId, before.id, revision), ConditionExpression: 'attribute_not_exists(pk)' } }, stale),
      ...entries.map((entry) => guarded({ Update: dayBookUpdate(this.table, entry) }, dayClosed(entry.date))),
      ...figureWrites(this.table, expenseFigures(entries)),
      guarded(this.auditPut(before.studioId, audit)),
    ]
    // A correction voided (or its amount changed) gives back to, or takes more from, the entry it corrects.
    const correctedBy = counted(after) - counted(before)
    if (before.corrects && correctedBy !== 0) items.push(guarded({ Update: this.leftUpdate(before.studioId, before.corrects, correctedBy) }, tooMuchTakenBack()))
    await transact(this.db, items)
  }

  async branchExpenses(studioId: string, branchId: string, from: string, to: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':p': keys.branchExpenses(studioId, branchId), ':from': `${from}#`, ':to': `${to}#~` },
    })
    return items.map((i) => entity<ExpenseRecord>(i)!)
  }

  async dayBook(studioId: string, branchId: string, date: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.branchDay(studioId, branchId, date), ConsistentRead: true }))
    return dayBookOf(Item)
  }

  async closeDay(studioId: string, branchId: string, date: string, revision: number, close: DayClose, audit: NewAuditEntry) {
    // The day closed meanwhile, or money was recorded on it since it was read: a fresh read tells them apart.
    const refused = async () => {
      const book = await this.dayBook(studioId, branchId, date)
      if (book.closed) return new DomainError('CONFLICT', `${date} is closed already`)
      return new DomainError('VERSION_CONFLICT', 'Money was recorded on this day since you read it; check the new figures and close again')
    }
    await transact(this.db, [
      guarded({
        Update: {
          TableName: this.table,
          Key: keys.branchDay(studioId, branchId, date),
          UpdateExpression: 'SET closed = :closed, #close = :close, #type = :type, branchId = :branchId, #date = :date',
          ConditionExpression: `(${DAY_OPEN}) AND ${revision === 0 ? 'attribute_not_exists(revision)' : 'revision = :revision'}`,
          ExpressionAttributeNames: { '#close': 'close', '#type': 'type', '#date': 'date' },
          ExpressionAttributeValues: {
            ':closed': true,
            ':dayOpen': false,
            ':close': close,
            ':type': 'BranchDay',
            ':branchId': branchId,
            ':date': date,
            ...(revision === 0 ? {} : { ':revision': revision }),
          },
        },
      }, refused),
      guarded(this.auditPut(studioId, audit)),
    ])
  }

  async reopenDay(studioId: string, branchId: string, date: string, reopening: DayReopening, audit: NewAuditEntry) {
    await transact(this.db, [
      guarded({
        Update: {
          TableName: this.table,
          Key: keys.branchDay(studioId, branchId, date),
          UpdateExpression: 'SET closed = :open, reopenings = list_append(if_not_exists(reopenings, :none), :reopening) REMOVE #close',
          ConditionExpression: 'closed = :closed',
          ExpressionAttributeNames: { '#close': 'close' },
          ExpressionAttributeValues: { ':open': false, ':closed': true, ':none': [], ':reopening': [reopening] },
        },
      }, new DomainError('PRECONDITION_FAILED', `${date} is not closed`)),
      guarded(this.auditPut(studioId, audit)),
    ])
  }

  async ruleVersions(studioId: string, branchId: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.commissionRules(studioId, branchId) },
      ScanIndexForward: false,
    })
    return items.map((i) => entity<CommissionRuleRecord>(i)!)
  }

  async putRule(rule: CommissionRuleRecord, audit: NewAuditEntry) {
    await transact(this.db, [
      guarded(
        { Put: { TableName: this.table, Item: commissionRuleItem(rule), ConditionExpression: 'attribute_not_exists(pk)' } },
        new DomainError('CONFLICT', 'Someone saved this rule at the same moment; reload and try again'),
      ),
      guarded(this.auditPut(rule.studioId, audit)),
    ])
  }

  async staffLines(studioId: string, staffId: string, month: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :line)',
      ExpressionAttributeValues: { ':p': keys.staffCommission(studioId, staffId, month), ':line': 'LINE#' },
    })
    return items.map((i) => entity<CommissionLineRecord>(i)!).sort(byDate)
  }

  async branchLines(studioId: string, branchId: string, month: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.branchCommission(studioId, branchId, month) },
    })
    return items.map((i) => entity<CommissionLineRecord>(i)!)
  }

  async orderLines(studioId: string, orderId: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': keys.orderCommission(studioId, orderId) },
    })
    return items.map((i) => entity<CommissionLineRecord>(i)!)
  }

  async monthBase(studioId: string, staffId: string, month: string, ruleId: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.commissionBase(studioId, staffId, month, ruleId), ConsistentRead: true }))
    return typeof Item?.baseFen === 'number' ? Item.baseFen : 0
  }

  /**
   * Unaudited payments of the studio recorded in [from, to), those of the branch. A payment names
   * its order's branch; one recorded before payments did takes its order's.
   */
  async ofBranchDay(studioId: string, branchId: string, from: string, to: string): Promise<UnauditedReceipt[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':p': keys.unauditedPayments(studioId), ':from': from, ':to': to },
    })
    const payments = items.map((i) => entity<PaymentRecord & { branchId?: string }>(i)!)
    const orderBranches = await this.branchesOfOrders(studioId, [...new Set(payments.filter((p) => !p.branchId).map((p) => p.orderId))])
    return payments
      .filter((p) => (p.branchId ?? orderBranches.get(p.orderId)) === branchId)
      .map((p) => ({ paymentId: p.id, orderId: p.orderId, method: p.method, amountFen: p.amountFen, recordedBy: p.recordedBy, at: p.at }))
  }

  private async branchesOfOrders(studioId: string, orderIds: string[]): Promise<Map<string, string | undefined>> {
    const found = await Promise.all(
      orderIds.map(async (orderId) => {
        const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.order(studioId, orderId), ProjectionExpression: 'branchId' }))
        return [orderId, typeof Item?.branchId === 'string' ? Item.branchId : undefined] as const
      }),
    )
    return new Map(found)
  }
}

const byDate = (a: CommissionLineRecord, b: CommissionLineRecord) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt)

