import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { BatchGetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { StockLevel } from '../../../types/inventory'
import { DomainError } from '../../domain/errors'
import { describeShortages, mergeMaterials, shortagesOf } from '../../domain/stock'
import type { LevelChange, MoveOutcome } from '../../inventory/ports'
import { entity, putIfAbsent } from '../items'
import { keys } from '../keys'
import { stockMovementItem } from './stock-movement'
import { stockMoved, type FigureWrite } from '../../domain/report-events'

/**
 * The two writes of one level change: the level, changed with ADD (created on first use) under
 * its condition — enough on hand for stock going out, the level as read for stock coming in at a
 * new average — and the movement, created only if its id is new.
 */
export function levelChangeWrites(table: string, studioId: string, change: LevelChange) {
  const { movement, delta, average } = change
  const values: Record<string, unknown> = {
    ':type': 'StockLevel',
    ':item': movement.itemId,
    ':branch': movement.branchId,
    ':at': movement.at,
    ':delta': delta,
    ':cost': average?.unitCostFen ?? 0,
  }
  let condition: string | undefined
  if (delta < 0) {
    condition = 'onHand >= :need'
    values[':need'] = -delta
  } else if (average) {
    condition = average.read ? 'onHand = :readOnHand AND unitCostFen = :readCost' : 'attribute_not_exists(onHand)'
    if (average.read) Object.assign(values, { ':readOnHand': average.read.onHand, ':readCost': average.read.unitCostFen })
  }
  const cost = average ? ':cost' : 'if_not_exists(unitCostFen, :cost)'
  return [
    {
      Update: {
        TableName: table,
        Key: keys.stockLevel(studioId, movement.itemId, movement.branchId),
        UpdateExpression: `SET #type = :type, itemId = :item, branchId = :branch, updatedAt = :at, unitCostFen = ${cost} ADD onHand :delta`,
        ...(condition ? { ConditionExpression: condition } : {}),
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: values,
      },
    },
    putIfAbsent(table, stockMovementItem(studioId, movement)),
  ]
}

/**
 * What level changes add to their branches' report figures: each movement's quantity at the cost
 * it moved at (a purchase at its price, anything else at the branch's moving average), as the
 * movement itself records it.
 */
export function stockFigures(studioId: string, changes: readonly LevelChange[]): FigureWrite[] {
  return changes.flatMap(({ movement, delta, date }) =>
    stockMoved(studioId, movement.branchId, date, { kind: movement.kind, itemId: movement.itemId, itemName: movement.itemName, quantity: delta, valueFen: delta * movement.unitCostFen }),
  )
}

/** The writes of several level changes, in order: level then movement for each. */
export const stockWrites = (table: string, studioId: string, changes: readonly LevelChange[]) => changes.flatMap((c) => levelChangeWrites(table, studioId, c))

/**
 * Reads a transaction's cancellation for the stock writes starting at `offset`: a movement that
 * exists already is a replay, an incoming level that moved is stale, and an outgoing level that
 * could not cover its stock is a shortage — explained by reading the levels now, every item
 * short named with how much; two writers on the same stock at once is a CONFLICT to retry.
 * Undefined when the cancellation was about another item of the transaction.
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
  if (!failed.some((f) => f.level || f.movement)) {
    return reasons.some((r) => r.Code === 'TransactionConflict') ? new DomainError('CONFLICT', 'Another change to the same stock happened at the same moment; try again') : undefined
  }
  if (failed.some((f) => f.movement)) return 'replayed'
  if (failed.some((f, i) => f.level && changes[i]!.delta >= 0)) return 'stale'
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
