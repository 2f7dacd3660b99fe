import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { StockItem, StockLevel, StockMovement, Stocktake } from '../../types/inventory'
import { DomainError } from '../domain/errors'
import { describeShortages, mergeMaterials, shortagesOf } from '../domain/stock'
import type { LevelChange, MoveOutcome, StockRepository } from '../inventory/ports'
import { stockItemItem } from './entities/stock-item'
import { levelChangeWrites } from './entities/stock-level'
import { stocktakeItem } from './entities/stocktake'
import { conditionFailure } from './errors'
import { entity, pageCursor, putIfAbsent, queryAll } from './items'
import { keys } from './keys'

const staleVersion = (what: string) => new DomainError('VERSION_CONFLICT', `Someone else changed this ${what} meanwhile; reload and try again`)

/** The writes of several level changes, in order: level then movement for each. */
export const stockWrites = (table: string, studioId: string, changes: readonly LevelChange[]) => changes.flatMap((c) => levelChangeWrites(table, studioId, c))

/**
 * Reads a transaction's cancellation for the stock writes starting at `offset`: a movement that
 * exists already is a replay, an incoming level that moved is stale, and an outgoing level that
 * could not cover its stock is a shortage — explained by reading the levels now, every item
 * short named with how much. Undefined when no stock write failed.
 */
export async function stockCancellation(
  db: DynamoDBDocumentClient,
  table: string,
  studioId: string,
  error: unknown,
  changes: readonly LevelChange[],
  offset: number,
): Promise<Exclude<MoveOutcome, 'moved'> | DomainError | undefined> {
  if (!(error instanceof TransactionCanceledException)) return undefined
  const reasons = error.CancellationReasons ?? []
  const failed = changes.map((_, i) => ({ level: reasons[offset + 2 * i]?.Code === 'ConditionalCheckFailed', movement: reasons[offset + 2 * i + 1]?.Code === 'ConditionalCheckFailed' }))
  if (failed.some((f) => f.movement)) return 'replayed'
  if (failed.some((f, i) => f.level && changes[i]!.delta >= 0)) return 'stale'
  if (!failed.some((f) => f.level)) return undefined
  const outgoing = changes.filter((c) => c.delta < 0)
  const needed = mergeMaterials(outgoing.map((c) => ({ stockItemId: c.movement.itemId, quantity: -c.delta })))
  const branchId = outgoing[0]!.movement.branchId
  const levels = await readLevels(db, table, studioId, branchId, needed.map((m) => m.stockItemId))
  const names = new Map(outgoing.map((c) => [c.movement.itemId, { name: c.movement.itemName, unit: c.unit }]))
  const shortages = shortagesOf(needed, new Map(levels.map((l) => [l.itemId, l.onHand])), names)
  if (!shortages.length) return new DomainError('CONFLICT', 'The stock changed at the same moment; try again')
  return new DomainError('STOCK_SHORT', `Not enough stock: ${describeShortages(shortages)}`, { shortages })
}

/** The levels of some items in one branch, read consistently (after a cancelled transaction). */
async function readLevels(db: DynamoDBDocumentClient, table: string, studioId: string, branchId: string, itemIds: string[]): Promise<StockLevel[]> {
  const levels: StockLevel[] = []
  for (let i = 0; i < itemIds.length; i += 100) {
    let request: Record<string, unknown>[] | undefined = itemIds.slice(i, i + 100).map((id) => keys.stockLevel(studioId, id, branchId))
    while (request?.length) {
      const answer: BatchGetCommandOutput = await db.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: request, ConsistentRead: true } } }))
      levels.push(...(answer.Responses?.[table] ?? []).map((item) => entity<StockLevel>(item)!))
      request = answer.UnprocessedKeys?.[table]?.Keys
    }
  }
  return levels
}

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
    try {
      await this.db.send(new PutCommand(putIfAbsent(this.table, item).Put))
      return true
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false
      throw error
    }
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
      throw conditionFailure(error, [staleVersion('stock item')])
    }
  }

  async move(studioId: string, changes: LevelChange[]): Promise<MoveOutcome> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: stockWrites(this.table, studioId, changes) }))
      return 'moved'
    } catch (error) {
      const outcome = await stockCancellation(this.db, this.table, studioId, error, changes, 0)
      if (outcome instanceof DomainError) throw outcome
      if (outcome) return outcome
      throw conditionFailure(error, [])
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

  async saveStocktake(studioId: string, stocktake: Stocktake, readVersion: number) {
    try {
      await this.db.send(new PutCommand(this.stocktakePut(studioId, stocktake, readVersion)))
    } catch (error) {
      throw conditionFailure(error, [staleVersion('count sheet')])
    }
  }

  async postStocktake(studioId: string, posted: Stocktake, readVersion: number, changes: LevelChange[]) {
    try {
      await this.db.send(
        new TransactWriteCommand({ TransactItems: [{ Put: this.stocktakePut(studioId, posted, readVersion) }, ...stockWrites(this.table, studioId, changes)] }),
      )
    } catch (error) {
      const sheetChanged = error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      if (sheetChanged) throw staleVersion('count sheet')
      const outcome = await stockCancellation(this.db, this.table, studioId, error, changes, 1)
      if (outcome instanceof DomainError) throw outcome
      throw conditionFailure(error, [])
    }
  }
}
