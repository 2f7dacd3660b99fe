import type { z } from 'zod'
import type { postStocktake as operation } from '../../types/inventory-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { MAX_ITEMS_PER_MOVE, stocktakeDifferences } from '../domain/stock'
import { openSheetOf } from './get-stocktake'
import type { InventoryDeps, LevelChange } from './ports'
import { keeperOf, studioToday } from './stock-keeping'

/**
 * The differences of a count sheet posted as one adjustment.
 * 1. The sheet must be open, of a branch the caller keeps, at the version read, with something counted.
 * 2. Each counted line that differs from the books becomes a movement of counted − expected, at
 *    the branch's unit cost, with the reason given; lines not counted are left as they are.
 * 3. The sheet is marked posted and every adjustment written in one transaction; a loss larger
 *    than what is on hand by now (stock used since the sheet was opened) refuses it all (STOCK_SHORT).
 */
export async function postStocktake(deps: InventoryDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const sheet = await openSheetOf(deps, caller, input.stocktakeId, input.version)
  if (!sheet.lines.some((l) => l.counted !== undefined)) throw new DomainError('PRECONDITION_FAILED', 'Count at least one item first')
  const differences = stocktakeDifferences(sheet.lines)
  if (differences.length > MAX_ITEMS_PER_MOVE) {
    throw new DomainError('PRECONDITION_FAILED', `At most ${MAX_ITEMS_PER_MOVE} differences can be posted at once; post this branch's count in several sheets`)
  }
  const { levels } = await deps.stock.load(caller.studioId)
  const cost = new Map(levels.filter((l) => l.branchId === sheet.branchId).map((l) => [l.itemId, l.unitCostFen]))
  const lines = new Map(sheet.lines.map((l) => [l.itemId, l]))
  const by = keeperOf(caller)
  const at = ctx.now.toISOString()
  const date = await studioToday(deps, caller.studioId, ctx.now)
  const changes: LevelChange[] = differences.map(({ itemId, difference }) => ({
    movement: {
      id: sheet.id,
      kind: 'adjustment',
      itemId,
      itemName: lines.get(itemId)!.itemName,
      branchId: sheet.branchId,
      quantity: difference,
      unitCostFen: cost.get(itemId) ?? 0,
      reason: input.reason,
      stocktakeId: sheet.id,
      by,
      at,
    },
    unit: lines.get(itemId)!.unit,
    delta: difference,
    date,
  }))
  const posted = { ...sheet, status: 'posted' as const, reason: input.reason, postedBy: by, postedAt: at, version: sheet.version + 1 }
  await deps.stock.postStocktake(caller.studioId, posted, sheet.version, changes)
  return posted
}
