import type { z } from 'zod'
import type { transferStock as operation } from '../../types/inventory-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError, notFound } from '../domain/errors'
import { movingAverageCost } from '../domain/stock'
import type { InventoryDeps } from './ports'
import { keeperOf, stockBranch, stockItemOf, studioToday, untilSettled } from './stock-keeping'

/**
 * Stock sent from one branch to another.
 * 1. The sending branch is the keeper's own (an admin names it); the receiving one must be the studio's.
 * 2. Read both levels: the stock leaves at the sender's unit cost and re-averages the receiver's.
 * 3. One transaction: out of the sender only if it has enough (STOCK_SHORT otherwise), into the
 *    receiver only if its level is still what was read (read again if not).
 */
export async function transferStock(deps: InventoryDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const fromBranchId = await stockBranch(deps, caller, input.fromBranchId, 'fromBranchId')
  if (fromBranchId === input.toBranchId) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path: 'toBranchId', message: 'must be another branch' }] })
  if (!(await deps.repo.getBranch(caller.studioId, input.toBranchId))) throw notFound('Branch')
  const item = await stockItemOf(deps, caller.studioId, input.itemId)
  const at = ctx.now.toISOString()
  const by = keeperOf(caller)
  const date = await studioToday(deps, caller.studioId, ctx.now)
  await untilSettled(async () => {
    const [from, to] = await Promise.all([deps.stock.getLevel(caller.studioId, item.id, fromBranchId), deps.stock.getLevel(caller.studioId, item.id, input.toBranchId)])
    const unitCostFen = from?.unitCostFen ?? 0
    const movement = { id: input.requestId, itemId: item.id, itemName: item.name, unitCostFen, reason: input.note, by, at }
    return deps.stock.move(caller.studioId, [
      { movement: { ...movement, kind: 'transfer_out', branchId: fromBranchId, otherBranchId: input.toBranchId, quantity: -input.quantity }, unit: item.unit, delta: -input.quantity, date },
      {
        movement: { ...movement, kind: 'transfer_in', branchId: input.toBranchId, otherBranchId: fromBranchId, quantity: input.quantity },
        unit: item.unit,
        delta: input.quantity,
        date,
        average: { read: to, unitCostFen: movingAverageCost(to?.onHand ?? 0, to?.unitCostFen ?? 0, input.quantity, unitCostFen) },
      },
    ])
  })
  const [from, to] = await Promise.all([deps.stock.getLevel(caller.studioId, item.id, fromBranchId), deps.stock.getLevel(caller.studioId, item.id, input.toBranchId)])
  return { from: from!, to: to! }
}
