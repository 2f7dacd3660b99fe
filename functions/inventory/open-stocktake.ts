import type { z } from 'zod'
import type { Stocktake } from '../../types/inventory'
import type { openStocktake as operation } from '../../types/inventory-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import type { InventoryDeps } from './ports'
import { branchStock, keeperOf, stockBranch } from './stock-keeping'

/**
 * A count sheet for a branch.
 * 1. Settle the branch.
 * 2. One line per active item, with what the books say is on hand now; counts are entered later.
 * The request id is the sheet's id, so a retried request opens one sheet.
 */
export async function openStocktake(deps: InventoryDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const branchId = await stockBranch(deps, caller, input.branchId)
  const lines = (await branchStock(deps, caller.studioId, branchId)).filter((l) => l.active)
  const sheet: Stocktake = {
    id: input.requestId,
    branchId,
    status: 'open',
    lines: lines.map((l) => ({ itemId: l.id, itemName: l.name, unit: l.unit, expected: l.onHand })),
    openedBy: keeperOf(caller),
    openedAt: ctx.now.toISOString(),
    version: 1,
  }
  if (await deps.stock.createStocktake(caller.studioId, sheet)) return sheet
  const existing = await deps.stock.getStocktake(caller.studioId, input.requestId)
  if (existing?.branchId !== branchId) throw new DomainError('CONFLICT', 'This request id was used for another count sheet')
  return existing
}
