import type { StockMovement } from '../../../types/inventory'
import type { Item } from '../items'
import { keys } from '../keys'

/** A movement with its key (the request's id, so a replay collides) and its indexes: the branch's movements (gsi1) and the item's in that branch (gsi2), by time. */
export function stockMovementItem(studioId: string, movement: StockMovement): Item {
  const sortKey = `${movement.at}#${movement.id}#${movement.itemId}`
  return {
    ...keys.stockMovement(studioId, movement.id, movement.itemId, movement.branchId),
    type: 'StockMovement',
    gsi1pk: keys.branchStockMovements(studioId, movement.branchId),
    gsi1sk: sortKey,
    gsi2pk: keys.itemStockMovements(studioId, movement.branchId, movement.itemId),
    gsi2sk: sortKey,
    ...movement,
  }
}
