import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { Appointment } from '../../types/booking'
import type { FollowUpRecord } from '../customers/ports'
import type { CommissionLine, Expense } from '../../types/finance'
import type { StockMovement } from '../../types/inventory'
import type { Order, Payment } from '../../types/orders'
import { orderStages } from '../../types/vocabulary'
import type { FigureWrite } from '../domain/report-events'
import { addDays } from '../domain/report-figures'
import type { BranchRecords } from '../domain/report-recompute'
import type { KeptFigures, ReportFigures } from '../reports/ports'
import { figureWrites } from './entities/books'
import { keptFiguresOf } from './entities/report-figures'
import { entity, queryAll } from './items'
import { keys } from './keys'

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

  /** Every follow-up of the studio due or done in the branch: each customer's file, one by one. */
  private async followUps(studioId: string, branchId: string) {
    const customers = await this.index(keys.customersByName(studioId), undefined, 'gsi2')
    const files = await Promise.all(
      customers.map((c) =>
        queryAll(this.db, {
          TableName: this.table,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :f)',
          ExpressionAttributeValues: { ':p': c.pk, ':f': 'FOLLOWUP#' },
        }),
      ),
    )
    return files
      .flat()
      .map((i) => entity<FollowUpRecord>(i)!)
      .filter((f) => f.dueBranchId === branchId || f.doneBranchId === branchId)
  }

  async records(studioId: string, branchId: string, from: string, to: string): Promise<BranchRecords> {
    // Every order of the studio, stage by stage, then each of the branch's orders' payments.
    const orders = (await Promise.all(orderStages.map((stage) => this.index(keys.ordersInStage(studioId, stage)))))
      .flat()
      .map((i) => entity<Order & { branchId?: string }>(i)!)
      .filter((o) => o.branchId === branchId)
    const withPayments = await Promise.all(
      orders.map(async (order) => {
        const items = await queryAll(this.db, {
          TableName: this.table,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :pay)',
          ExpressionAttributeValues: { ':p': keys.orderPartition(studioId, order.id), ':pay': 'PAY#' },
        })
        return { order, payments: items.map((i) => entity<Payment>(i)!) }
      }),
    )
    // A day's events happen within a day of its UTC date, whatever the studio's zone.
    const wideFrom = addDays(from, -1)
    const wideTo = addDays(to, 1)
    const months: string[] = []
    for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addDays(`${m}-28`, 4).slice(0, 7)) months.push(m)
    const [appointments, expenses, movements, commission, followUps] = await Promise.all([
      this.index(keys.branchBookings(studioId, branchId)),
      this.index(keys.branchExpenses(studioId, branchId), [`${from}#`, `${to}#~`]),
      this.index(keys.branchStockMovements(studioId, branchId)),
      Promise.all(months.map((m) => this.index(keys.branchCommission(studioId, branchId, m)))).then((pages) => pages.flat()),
      this.followUps(studioId, branchId),
    ])
    return {
      orders: withPayments,
      appointments: appointments.map((i) => entity<Appointment>(i)!),
      expenses: expenses.map((i) => entity<Expense>(i)!),
      movements: movements.map((i) => entity<StockMovement>(i)!).filter((m) => m.at.slice(0, 10) >= wideFrom && m.at.slice(0, 10) <= wideTo),
      commission: commission.map((i) => entity<CommissionLine>(i)!),
      followUps,
    }
  }

  async correct(writes: FigureWrite[]) {
    const items = figureWrites(this.table, writes)
    for (let i = 0; i < items.length; i += 25) {
      await this.db.send(new TransactWriteCommand({ TransactItems: items.slice(i, i + 25).map((w) => w.write) as never }))
    }
  }
}
