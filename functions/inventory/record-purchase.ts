import type { z } from 'zod'
import type { recordPurchase as operation } from '../../types/inventory-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { movingAverageCost } from '../domain/stock'
import type { InventoryDeps } from './ports'
import { keeperOf, stockBranch, stockItemOf, studioToday, untilSettled } from './stock-keeping'

/**
 * Stock bought in.
 * 1. Settle the branch and the item (active, of this studio).
 * 2. Read the branch's level and average the unit cost with the purchase's.
 * 3. Write the movement and the level in one transaction, on the condition that the level is
 *    still what was read; if it moved, read again. The request id makes a retry harmless.
 */
export async function recordPurchase(deps: InventoryDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const branchId = await stockBranch(deps, caller, input.branchId)
  const item = await stockItemOf(deps, caller.studioId, input.itemId)
  if (!item.active) throw new DomainError('VALIDATION_FAILED', 'This stock item is retired', { fields: [{ path: 'itemId', message: 'is retired' }] })
  const date = await studioToday(deps, caller.studioId, ctx.now)
  await untilSettled(async () => {
    const level = await deps.stock.getLevel(caller.studioId, item.id, branchId)
    return deps.stock.move(caller.studioId, [
      {
        movement: {
          id: input.requestId,
          kind: 'purchase',
          itemId: item.id,
          itemName: item.name,
          branchId,
          quantity: input.quantity,
          unitCostFen: input.unitCostFen,
          supplier: input.supplier,
          reason: input.note,
          by: keeperOf(caller),
          at: ctx.now.toISOString(),
        },
        unit: item.unit,
        delta: input.quantity,
        date,
        average: { read: level, unitCostFen: movingAverageCost(level?.onHand ?? 0, level?.unitCostFen ?? 0, input.quantity, input.unitCostFen) },
      },
    ])
  })
  return (await deps.stock.getLevel(caller.studioId, item.id, branchId))!
}
