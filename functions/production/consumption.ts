import type { Material } from '../../types/inventory'
import type { Actor } from '../../types/orders'
import { DomainError } from '../domain/errors'
import { studioDate } from '../domain/time'
import { studioTimeZone } from '../identity/studio-time-zone'
import { mergeMaterials, MAX_ITEMS_PER_MOVE, timesMaterials } from '../domain/stock'
import type { LevelChange } from '../inventory/ports'
import type { OrderRecord } from '../orders/ports'
import type { ProductionDeps } from './ports'

/**
 * What an order uses, read from the catalogue when it enters 制作 (what the lab makes is
 * decided then; the order keeps the prices it was sold at): the package's own materials, each
 * included product's as many times as included, and each product add-on's times its quantity.
 */
export async function billOfMaterials(deps: ProductionDeps, order: OrderRecord): Promise<Material[]> {
  const { packages, products } = await deps.catalog.loadCatalog(order.studioId)
  const pkg = packages.find((p) => p.id === order.package.id)
  const productMaterials = (productId: string | undefined, times: number) => timesMaterials(products.find((p) => p.id === productId)?.materials ?? [], times)
  return mergeMaterials(
    pkg?.materials ?? [],
    ...(pkg?.includedProducts ?? []).map((i) => productMaterials(i.productId, i.quantity)),
    ...order.addOns.filter((a) => a.kind === 'product').map((a) => productMaterials(a.productId, a.quantity)),
  )
}

/**
 * The stock movements that take `materials` out of the order's branch, each at the branch's unit
 * cost. Their id is the order's version: the same move replayed cannot take stock twice.
 */
export async function consumptionOf(deps: ProductionDeps, order: OrderRecord, materials: Material[], by: Actor, at: string, reason?: string): Promise<LevelChange[]> {
  if (!materials.length) return []
  if (!order.branchId) throw new DomainError('PRECONDITION_FAILED', 'The order has no branch to take its materials from')
  if (materials.length > MAX_ITEMS_PER_MOVE) throw new DomainError('PRECONDITION_FAILED', `An order can take at most ${MAX_ITEMS_PER_MOVE} different materials at once`)
  const { items, levels } = await deps.stock.load(order.studioId)
  const byId = new Map(items.map((i) => [i.id, i]))
  const cost = new Map(levels.filter((l) => l.branchId === order.branchId).map((l) => [l.itemId, l.unitCostFen]))
  const date = studioDate(new Date(at), await studioTimeZone(deps, order.studioId))
  return materials.flatMap((m) => {
    const item = byId.get(m.stockItemId)
    if (!item) return []
    return [
      {
        movement: {
          id: `ORDER-${order.id}-${order.version}`,
          kind: 'consumption' as const,
          itemId: item.id,
          itemName: item.name,
          branchId: order.branchId!,
          quantity: -m.quantity,
          unitCostFen: cost.get(item.id) ?? 0,
          reason,
          orderId: order.id,
          by,
          at,
        },
        unit: item.unit,
        delta: -m.quantity,
        date,
      },
    ]
  })
}
