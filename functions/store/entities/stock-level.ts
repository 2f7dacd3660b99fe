import type { LevelChange } from '../../inventory/ports'
import { putIfAbsent } from '../items'
import { keys } from '../keys'
import { stockMovementItem } from './stock-movement'

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
