import type { StockItem } from '../../../types/inventory'
import type { Item } from '../items'
import { keys } from '../keys'

/** A stock item with its key: it lives in the studio's stock partition, next to its levels. */
export const stockItemItem = (studioId: string, item: StockItem): Item => ({ ...keys.stockItem(studioId, item.id), type: 'StockItem', ...item })
