import type { z } from 'zod'
import type { listStockItems as operation } from '../../types/inventory-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { stockValueFen } from '../domain/stock'
import type { InventoryDeps } from './ports'
import { branchStock, stockBranch } from './stock-keeping'

/**
 * A branch's stock list.
 * 1. Settle the branch (the keeper's own, or the admin's pick).
 * 2. Read the studio's items and levels in one query; value = Σ on hand × unit cost.
 */
export async function listStockItems(deps: InventoryDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const branchId = await stockBranch(deps, caller, input.branchId)
  const lines = await branchStock(deps, caller.studioId, branchId)
  return { branchId, valueFen: stockValueFen(lines), items: lines.filter((l) => input.includeInactive || l.active) }
}
