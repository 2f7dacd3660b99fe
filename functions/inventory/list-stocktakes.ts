import type { z } from 'zod'
import type { listStocktakes as operation } from '../../types/inventory-operations'
import { callerOf, type RequestContext } from '../domain/context'
import type { InventoryDeps } from './ports'
import { stockBranch } from './stock-keeping'

/** A branch's latest count sheets, newest first: one index query. */
export async function listStocktakes(deps: InventoryDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const branchId = await stockBranch(deps, caller, input.branchId)
  return { items: await deps.stock.stocktakes(caller.studioId, branchId, 20) }
}
