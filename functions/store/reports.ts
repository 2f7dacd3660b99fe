import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { Appointment } from '../../types/booking'
import type { FollowUpRecord } from '../customers/ports'
import type { CommissionLine, Expense } from '../../types/finance'
import type { StockMovement } from '../../types/inventory'
import type { Order, Payment } from '../../types/orders'
import { orderStages } from '../../types/vocabulary'
import { addDays } from '../domain/report-figures'
import type { StudioRecords } from '../domain/report-old-records'
import type { BranchRecords } from '../domain/report-recompute'
import type { FigureCorrection, KeptFigures, ReportFigures } from '../reports/ports'
import { dayBookOf } from './entities/branch-day'
import { figuresCorrection, keptFiguresOf, zeroCountersRemoval } from './entities/report-figures'
import { entity, queryAll } from './items'
import { keys } from './keys'
import { conditionHeld } from './errors'

/** Counters one sweep update takes out of a "now" item: its expression stays far below DynamoDB's 4 KB. */
const ZERO_COUNTERS_PER_UPDATE = 100

/**
 * The branches' kept report figures. A range of days is one query of the branch's figures
 * partition (a year of days is a few hundred small items); the state figures one read. Neither
 * grows with the number of orders.
 */
export class DynamoReportFigures implements ReportFigures {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async days(studioId: string, branchId: string, from: string, to: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':p': keys.branchFigures(studioId, branchId), ':from': `DAY#${from}`, ':to': `DAY#${to}` },
    })
    return new Map<string, KeptFigures>(items.map((item) => [String(item.sk).slice('DAY#'.length), keptFiguresOf(item)]))
  }

  async now(studioId: string, branchId: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.figuresNow(studioId, branchId) }))
    return keptFiguresOf(Item)
  }

  private index(partition: string, between?: [string, string], indexName = 'gsi1') {
    return queryAll(this.db, {
      TableName: this.table,
      IndexName: indexName,
      KeyConditionExpression: between ? `${indexName}pk = :p AND ${indexName}sk BETWEEN :from AND :to` : `${indexName}pk = :p`,
      ExpressionAttributeValues: { ':p': partition, ...(between ? { ':from': between[0], ':to': between[1] } : {}) },
    })
  }

  /** Every follow-up of the studio: each customer's file, once. */
  private async followUps(studioId: string) {
    const customers = await this.index(keys.customersByName(studioId), undefined, 'gsi2')
    const files = await Promise.all(
      customers.map((c) =>
        queryAll(this.db, {
          TableName: this.table,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :f)',
          ExpressionAttributeValues: { ':p': c.pk, ':f': 'FOLLOWUP#' },
          ConsistentRead: true,
        }),
      ),
    )
    return files.flat().map((i) => entity<FollowUpRecord>(i)!)
  }

  /** Every order of the studio, stage by stage, each with its payments: once, whatever the number of branches. */
  private async orders(studioId: string, branchIds: readonly string[]) {
    const orders = (await Promise.all(orderStages.map((stage) => this.index(keys.ordersInStage(studioId, stage)))))
      .flat()
      .map((i) => entity<Order & { branchId?: string }>(i)!)
      .filter((o) => o.branchId !== undefined && branchIds.includes(o.branchId))
    return Promise.all(
      orders.map(async (order) => {
        const items = await queryAll(this.db, {
          TableName: this.table,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :pay)',
          ExpressionAttributeValues: { ':p': keys.orderPartition(studioId, order.id), ':pay': 'PAY#' },
          ConsistentRead: true,
        })
        return { order, payments: items.map((i) => entity<Payment>(i)!) }
      }),
    )
  }

  /** The branch's days closed from `from` to `to`, with the moment each was closed. */
  private async closedDays(studioId: string, branchId: string, from: string, to: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':p': keys.branchDay(studioId, branchId, from).pk, ':from': `DAY#${from}`, ':to': `DAY#${to}` },
    })
    return new Map(items.flatMap((item) => {
      const { closed, close } = dayBookOf(item)
      return closed && close ? [[String(item.date), close.closedAt] as const] : []
    }))
  }

  /** What each branch records by itself, each from its own index. */
  private async branchRecords(studioId: string, branchId: string, from: string, to: string) {
    // A day's events happen within a day of its UTC date, whatever the studio's zone.
    const wideFrom = addDays(from, -1)
    const wideTo = addDays(to, 1)
    const months: string[] = []
    for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addDays(`${m}-28`, 4).slice(0, 7)) months.push(m)
    const [appointments, expenses, movements, commission, closedDays] = await Promise.all([
      this.index(keys.branchBookings(studioId, branchId)),
      this.index(keys.branchExpenses(studioId, branchId), [`${from}#`, `${to}#~`]),
      this.index(keys.branchStockMovements(studioId, branchId)),
      Promise.all(months.map((m) => this.index(keys.branchCommission(studioId, branchId, m)))).then((pages) => pages.flat()),
      this.closedDays(studioId, branchId, addDays(from, -31), to),
    ])
    return {
      appointments: appointments.map((i) => entity<Appointment>(i)!),
      expenses: expenses.map((i) => entity<Expense>(i)!),
      movements: movements.map((i) => entity<StockMovement>(i)!).filter((m) => m.at.slice(0, 10) >= wideFrom && m.at.slice(0, 10) <= wideTo),
      commission: commission.map((i) => entity<CommissionLine>(i)!),
      closedDays,
    }
  }

  async records(studioId: string, branchIds: readonly string[], from: string, to: string): Promise<StudioRecords> {
    // The studio's orders and follow-ups are read once and split by branch here.
    const [orders, followUps, perBranch] = await Promise.all([
      this.orders(studioId, branchIds),
      this.followUps(studioId),
      Promise.all(branchIds.map((b) => this.branchRecords(studioId, b, from, to))),
    ])
    const branches = new Map<string, BranchRecords>()
    const closedDays = new Map<string, Map<string, string>>()
    branchIds.forEach((branchId, i) => {
      const { closedDays: closed, ...own } = perBranch[i]!
      closedDays.set(branchId, closed)
      branches.set(branchId, {
        orders: orders.filter(({ order }) => order.branchId === branchId),
        ...own,
        followUps: followUps.filter((f) => f.dueBranchId === branchId || f.doneBranchId === branchId),
      })
    })
    const followUpsWithoutBranch = followUps.filter((f) => !f.dueBranchId || (f.status === 'done' && !f.doneBranchId))
    return { branches, followUpsWithoutBranch, closedDays }
  }

  async removeZeroCounters(studioId: string, branchId: string, counters: readonly string[]) {
    const removeWhileZero = (batch: readonly string[]) => conditionHeld(this.db.send(new UpdateCommand(zeroCountersRemoval(this.table, studioId, branchId, batch))))
    let removed = 0
    for (let start = 0; start < counters.length; start += ZERO_COUNTERS_PER_UPDATE) {
      const batch = counters.slice(start, start + ZERO_COUNTERS_PER_UPDATE)
      if (await removeWhileZero(batch)) removed += batch.length
      // One of them moved meanwhile: the others go one by one, the moved one stays for the next sweep.
      else for (const counter of batch) if (await removeWhileZero([counter])) removed++
    }
    return removed
  }

  async correct(corrections: FigureCorrection[]) {
    const refused: FigureCorrection[] = []
    for (const correction of corrections) {
      if (!(await conditionHeld(this.db.send(new UpdateCommand(figuresCorrection(this.table, correction)))))) refused.push(correction)
    }
    return refused
  }
}
