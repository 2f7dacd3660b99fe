import type { RequestContext } from '../domain/context'
import { callerOf } from '../domain/context'
import { isAdmin } from '../domain/permissions'
import { stockValueFen } from '../domain/stock'
import type { InventoryDeps } from './ports'
import { branchLine } from './stock-keeping'

/**
 * For each branch the caller keeps (all of them for an admin): the stock value and the items
 * at or below their reorder level, lowest first. One query for the items and levels of every branch.
 */
export async function stockOverview(deps: InventoryDeps, _input: unknown, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const [{ items, levels }, branches] = await Promise.all([deps.stock.load(caller.studioId), deps.repo.listBranches(caller.studioId)])
  const kept = branches.filter((b) => isAdmin(caller) || b.id === caller.branchId)
  return {
    branches: kept.map((branch) => {
      const here = new Map(levels.filter((l) => l.branchId === branch.id).map((l) => [l.itemId, l]))
      const lines = items.map((item) => branchLine(item, here.get(item.id), branch.id))
      return {
        branchId: branch.id,
        branchName: branch.name,
        valueFen: stockValueFen(lines),
        low: lines.filter((l) => l.low).sort((a, b) => a.onHand - a.reorderLevel - (b.onHand - b.reorderLevel)),
      }
    }),
  }
}
