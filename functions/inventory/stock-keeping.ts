import type { BranchStockLine, StockItem, StockLevel } from '../../types/inventory'
import type { Actor } from '../../types/orders'
import type { Caller } from '../domain/context'
import { DomainError, forbidden, notFound } from '../domain/errors'
import { isAdmin } from '../domain/permissions'
import { isLow } from '../domain/stock'
import { studioDate } from '../domain/time'
import { studioTimeZone } from '../identity/studio-time-zone'
import type { InventoryDeps, MoveOutcome } from './ports'

/**
 * The branch a stock keeper acts on: finance and managers their own (the default), an admin
 * any branch of the studio, named. Every branch id is checked to be the caller's studio's.
 */
export async function stockBranch(deps: InventoryDeps, caller: Caller, requested: string | undefined, field = 'branchId'): Promise<string> {
  if (!isAdmin(caller)) {
    if (!caller.branchId) throw forbidden('You keep no branch’s stock')
    if (requested && requested !== caller.branchId) throw forbidden('You keep the stock of your own branch only')
    return caller.branchId
  }
  const branchId = requested ?? caller.branchId
  if (!branchId) throw new DomainError('VALIDATION_FAILED', 'Name the branch', { fields: [{ path: field, message: 'is required' }] })
  if (!(await deps.repo.getBranch(caller.studioId, branchId))) throw notFound('Branch')
  return branchId
}

/** Who moved stock, as movements record them. */
export function keeperOf(caller: Caller): Actor {
  const role = caller.roles.find((r) => r === 'admin' || r === 'manager' || r === 'finance') ?? caller.roles[0]!
  return { id: caller.id, name: caller.displayName, role }
}

export async function stockItemOf(deps: InventoryDeps, studioId: string, itemId: string, field = 'itemId'): Promise<StockItem> {
  const item = await deps.stock.getItem(studioId, itemId)
  if (!item) throw new DomainError('NOT_FOUND', 'Stock item not found', { fields: [{ path: field, message: 'is not a stock item of this studio' }] })
  return item
}

/** An item as a branch sees it: on hand, unit cost, value and whether to reorder. */
export function branchLine(item: StockItem, level: StockLevel | undefined, branchId: string): BranchStockLine {
  const onHand = level?.onHand ?? 0
  const unitCostFen = level?.unitCostFen ?? 0
  return { ...item, branchId, onHand, unitCostFen, valueFen: onHand * unitCostFen, low: item.active && isLow(onHand, item.reorderLevel) }
}

/** Every item of the studio in one branch, by category then name. */
export async function branchStock(deps: InventoryDeps, studioId: string, branchId: string): Promise<BranchStockLine[]> {
  const { items, levels } = await deps.stock.load(studioId)
  const here = new Map(levels.filter((l) => l.branchId === branchId).map((l) => [l.itemId, l]))
  return items
    .map((item) => branchLine(item, here.get(item.id), branchId))
    .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name, 'zh-CN'))
}

/** Another purchase or count touching the same level between a read and its write is rare; a few fresh reads, spread out, settle it. */
const ATTEMPTS = 8

/** Runs `write` (which reads the levels it averages from afresh each time) until its levels were not stale. */
export async function untilSettled(write: () => Promise<MoveOutcome>): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if ((await write()) !== 'stale') return
    // Writers that collided wait different times, so they do not collide again.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 40 * (attempt + 1)))
  }
  throw new DomainError('CONFLICT', 'The stock of this item kept changing; try again')
}

/** The studio's today: the day a movement lands on in the branch's report figures. */
export async function studioToday(deps: Pick<InventoryDeps, 'repo'>, studioId: string, now: Date): Promise<string> {
  return studioDate(now, await studioTimeZone(deps, studioId))
}
