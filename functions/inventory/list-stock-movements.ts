import type { z } from 'zod'
import type { listStockMovements as operation } from '../../types/inventory-operations'
import { callerOf, type RequestContext } from '../domain/context'
import type { InventoryDeps } from './ports'
import { stockBranch } from './stock-keeping'

/** A branch's movements (or one item's there), newest first: one index query a page. */
export async function listStockMovements(deps: InventoryDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const branchId = await stockBranch(deps, caller, input.branchId)
  return deps.stock.movements(caller.studioId, branchId, { itemId: input.itemId, limit: input.limit, cursor: input.cursor })
}
