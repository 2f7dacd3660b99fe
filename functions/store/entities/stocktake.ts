import type { Stocktake } from '../../../types/inventory'
import type { Item } from '../items'
import { keys } from '../keys'

/** A count sheet with its key and its place among the branch's sheets (gsi1, by when it was opened). */
export const stocktakeItem = (studioId: string, stocktake: Stocktake): Item => ({
  ...keys.stocktake(studioId, stocktake.id),
  type: 'Stocktake',
  gsi1pk: keys.branchStocktakes(studioId, stocktake.branchId),
  gsi1sk: `${stocktake.openedAt}#${stocktake.id}`,
  ...stocktake,
})
