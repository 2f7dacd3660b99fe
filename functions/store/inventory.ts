import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { StockItem, StockLevel, StockMovement, Stocktake } from '../../types/inventory'
import { DomainError } from '../domain/errors'
import type { CountedLevel, LevelChange, MoveOutcome, StockRepository } from '../inventory/ports'
import { stockItemItem } from './entities/stock-item'
import { levelAsRead, stockCancellation, stockFigures, stockWrites } from './entities/stock-level'
import { figureWrites } from './entities/books'
import { conditionHeld, retryingConflicts } from './errors'
import { stocktakeItem } from './entities/stocktake'
import { entity, pageCursor, putIfAbsent, queryAll } from './items'
import { keys } from './keys'

const staleVersion = (what: string) => new DomainError('VERSION_CONFLICT', `Someone else changed this ${what} meanwhile; reload and try again`)

/** Stock items and levels share one partition per studio; movements and count sheets have their own items, indexed by branch. */
export class DynamoStockRepository implements StockRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async load(studioId: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.stock(studioId) },
      ConsistentRead: true,
    })
    return {
      items: items.filter((i) => i.type === 'StockItem').map((i) => entity<StockItem>(i)!),
      levels: items.filter((i) => i.type === 'StockLevel').map((i) => entity<StockLevel>(i)!),
    }
  }

  async getItem(studioId: string, itemId: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.stockItem(studioId, itemId) }))
    return entity<StockItem>(Item)
  }

  async getLevel(studioId: string, itemId: string, branchId: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.stockLevel(studioId, itemId, branchId), ConsistentRead: true }))
    return entity<StockLevel>(Item)
  }

  /** Writes an item that must not exist yet: false if it does (a retried request). */
  private async putOnce(item: Record<string, unknown>) {
    return conditionHeld(this.db.send(new PutCommand(putIfAbsent(this.table, item).Put)))
  }

  createItem(studioId: string, item: StockItem) {
    return this.putOnce(stockItemItem(studioId, item))
  }

  async updateItem(studioId: string, item: StockItem, readVersion: number) {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: stockItemItem(studioId, item),
          ConditionExpression: 'attribute_exists(pk) AND #version = :read',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':read': readVersion },
        }),
      )
    } catch (error) {
      throw error instanceof ConditionalCheckFailedException ? staleVersion('stock item') : error
    }
  }

  async move(studioId: string, changes: LevelChange[]): Promise<MoveOutcome> {
    try {
      await retryingConflicts(() =>
        this.db.send(new TransactWriteCommand({ TransactItems: [...stockWrites(this.table, studioId, changes), ...figureWrites(this.table, stockFigures(studioId, changes)).map((i) => i.write)] as never })),
      )
      return 'moved'
    } catch (error) {
      const outcome = await stockCancellation(this.db, this.table, studioId, error, changes, 0)
      if (outcome instanceof DomainError) throw outcome
      if (outcome) return outcome
      throw error
    }
  }

  async movements(studioId: string, branchId: string, options: { itemId?: string; limit: number; cursor?: string }) {
    const [index, partition] = options.itemId ? ['gsi2', keys.itemStockMovements(studioId, branchId, options.itemId)] : ['gsi1', keys.branchStockMovements(studioId, branchId)]
    const answer = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: index,
        KeyConditionExpression: `${index}pk = :p`,
        ExpressionAttributeValues: { ':p': partition },
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: pageCursor.decode(options.cursor, `${index}pk`, partition),
      }),
    )
    return { items: (answer.Items ?? []).map((i) => entity<StockMovement>(i)!), nextCursor: pageCursor.encode(answer.LastEvaluatedKey) }
  }

  createStocktake(studioId: string, stocktake: Stocktake) {
    return this.putOnce(stocktakeItem(studioId, stocktake))
  }

  async getStocktake(studioId: string, stocktakeId: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.stocktake(studioId, stocktakeId), ConsistentRead: true }))
    return entity<Stocktake>(Item)
  }

  async stocktakes(studioId: string, branchId: string, limit: number) {
    const answer = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': keys.branchStocktakes(studioId, branchId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    )
    return (answer.Items ?? []).map((i) => entity<Stocktake>(i)!)
  }

  /** The sheet replaced only while it is open and still the version read. */
  private stocktakePut(studioId: string, stocktake: Stocktake, readVersion: number) {
    return {
      TableName: this.table,
      Item: stocktakeItem(studioId, stocktake),
      ConditionExpression: '#version = :read AND #status = :open',
      ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
      ExpressionAttributeValues: { ':read': readVersion, ':open': 'open' },
    }
  }

  async saveStocktake(studioId: string, stocktake: Stocktake, readVersion: number, levelsRead: readonly CountedLevel[]): Promise<'saved' | 'stale'> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [{ Put: this.stocktakePut(studioId, stocktake, readVersion) }, ...levelsRead.map((l) => levelAsRead(this.table, studioId, l))] }))
      return 'saved'
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error
      const reasons = error.CancellationReasons ?? []
      if (reasons[0]?.Code === 'ConditionalCheckFailed') throw staleVersion('count sheet')
      if (reasons.slice(1).some((r) => r.Code === 'ConditionalCheckFailed')) return 'stale'
      throw new DomainError('CONFLICT', 'The stock changed at the same moment; try again')
    }
  }

  async postStocktake(studioId: string, posted: Stocktake, readVersion: number, changes: LevelChange[]) {
    try {
      await retryingConflicts(() =>
        this.db.send(
          new TransactWriteCommand({
            TransactItems: [{ Put: this.stocktakePut(studioId, posted, readVersion) }, ...stockWrites(this.table, studioId, changes), ...figureWrites(this.table, stockFigures(studioId, changes)).map((i) => i.write)] as never,
          }),
        ),
      )
    } catch (error) {
      const sheetChanged = error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      if (sheetChanged) throw staleVersion('count sheet')
      const outcome = await stockCancellation(this.db, this.table, studioId, error, changes, 1)
      if (outcome instanceof DomainError) throw outcome
      throw error
    }
  }
}
