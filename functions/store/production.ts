import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { DomainError } from '../domain/errors'
import type { LevelChange } from '../inventory/ports'
import type { BookEntries, OrderRecord, StageChange } from '../orders/ports'
import type { ProductionStore } from '../production/ports'
import { bookWrites } from './entities/books'
import { stockCancellation, stockFigures, stockWrites } from './entities/stock-level'
import { retryingConflicts } from './errors'
import { entity } from './items'
import { keys } from './keys'
import { stageUpdate } from './entities/order'

/** An order's move into 制作 and the stock it takes, as one DynamoDB transaction. */
export class DynamoProductionStore implements ProductionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async enterProduction(order: OrderRecord, change: StageChange, consumption: LevelChange[], books?: BookEntries) {
    const key = keys.order(order.studioId, order.id)
    const stock = stockWrites(this.table, order.studioId, consumption)
    // The commission the move earns stands or falls with the move and the stock it takes.
    const entries = bookWrites(this.table, { ...books, figures: [...(books?.figures ?? []), ...stockFigures(order.studioId, consumption)] })
    try {
      // The branch's figures are written by every money and stock event of the day: a move held up by
      // one of them is tried again (retryingConflicts), not failed.
      await retryingConflicts(() =>
        this.db.send(new TransactWriteCommand({ TransactItems: [{ Update: stageUpdate(order, change).build(this.table, key) }, ...stock, ...entries.map((e) => e.write)] as never })),
      )
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') throw await this.orderMoved(order, change)
      const booked = error instanceof TransactionCanceledException ? entries[(error.CancellationReasons ?? []).slice(1 + stock.length).findIndex((r) => r.Code === 'ConditionalCheckFailed')] : undefined
      if (booked?.onFailure instanceof DomainError) throw booked.onFailure
      const outcome = await stockCancellation(this.db, this.table, order.studioId, error, consumption, 1)
      // A replayed consumption means this very move was made already.
      if (outcome === 'replayed') throw await this.orderMoved(order, change)
      if (outcome instanceof DomainError) throw outcome
      throw error
    }
    return (await this.read(order))!
  }

  private async read(order: OrderRecord) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.order(order.studioId, order.id), ConsistentRead: true }))
    return entity<OrderRecord>(Item)
  }

  /** Why the order's condition failed: it moved on, or someone changed it in its stage. */
  private async orderMoved(order: OrderRecord, change: StageChange) {
    const fresh = await this.read(order)
    return fresh?.stage === change.from
      ? new DomainError('VERSION_CONFLICT', 'Someone else changed this order meanwhile; reload and try again')
      : new DomainError('ILLEGAL_TRANSITION', `The order is no longer ${change.from}; it moved on meanwhile`)
  }
}
