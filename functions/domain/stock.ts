import type { FieldIssue } from '../../types/errors'
import type { Material, Shortage, StocktakeLine } from '../../types/inventory'

/**
 * The moving-average unit cost after `quantity` units come in at `costFen` each, on top of
 * `onHand` units at `unitCostFen`: the value of both over their count, rounded to whole fen.
 * With nothing on hand (or less than nothing, which the database never allows) the new cost is the incoming one.
 */
export function movingAverageCost(onHand: number, unitCostFen: number, quantity: number, costFen: number): number {
  if (onHand <= 0) return costFen
  return Math.round((onHand * unitCostFen + quantity * costFen) / (onHand + quantity))
}

/** What stock is worth: Σ on hand × moving-average unit cost, in integer fen. */
export const stockValueFen = (levels: readonly { onHand: number; unitCostFen: number }[]) =>
  levels.reduce((sum, l) => sum + l.onHand * l.unitCostFen, 0)

/** An item is low in a branch when what is on hand has fallen to its reorder level. */
export const isLow = (onHand: number, reorderLevel: number) => onHand <= reorderLevel

/** The stock change a count sheet posts: counted − expected for every counted line that differs. */
export function stocktakeDifferences(lines: readonly StocktakeLine[]): { itemId: string; difference: number }[] {
  return lines.flatMap((line) => (line.counted === undefined || line.counted === line.expected ? [] : [{ itemId: line.itemId, difference: line.counted - line.expected }]))
}

/** Several bills of materials (a package, its products, add-ons) as one: each item once, quantities summed. */
export function mergeMaterials(...lists: readonly (readonly Material[])[]): Material[] {
  const total = new Map<string, number>()
  for (const list of lists) for (const m of list) total.set(m.stockItemId, (total.get(m.stockItemId) ?? 0) + m.quantity)
  return [...total].map(([stockItemId, quantity]) => ({ stockItemId, quantity }))
}

/** A bill of materials taken `times` over (a product sold three times uses its materials three times). */
export const timesMaterials = (materials: readonly Material[], times: number): Material[] => materials.map((m) => ({ ...m, quantity: m.quantity * times }))

/**
 * Every item of `needed` that the levels cannot cover, and by how much. Used only to explain
 * a refusal the database already made; it never decides whether stock may be taken.
 */
export function shortagesOf(
  needed: readonly Material[],
  levels: ReadonlyMap<string, number>,
  items: ReadonlyMap<string, { name: string; unit: string }>,
): Shortage[] {
  return needed.flatMap((m) => {
    const onHand = Math.max(0, levels.get(m.stockItemId) ?? 0)
    if (onHand >= m.quantity) return []
    const item = items.get(m.stockItemId)
    return [{ itemId: m.stockItemId, name: item?.name ?? m.stockItemId, unit: item?.unit ?? '', needed: m.quantity, onHand, short: m.quantity - onHand }]
  })
}

/** How a shortage reads in an error message: "水晶相册 12寸 short by 2 本 (needs 3, has 1)". */
export const describeShortages = (shortages: readonly Shortage[]) =>
  shortages.map((s) => `${s.name} short by ${s.short}${s.unit ? ` ${s.unit}` : ''} (needs ${s.needed}, has ${s.onHand})`).join('; ')

/**
 * DynamoDB takes at most 100 writes in one transaction. Each item a consumption or a stock
 * count moves takes two (its level and its movement), and the change around them needs a few.
 */
export const MAX_ITEMS_PER_MOVE = 45

/** A bill of materials may only name the studio's own stock items. */
export const materialIssues = (materials: readonly Material[], stockItemIds: ReadonlySet<string>, path = 'materials'): FieldIssue[] =>
  materials.flatMap((m, i) => (stockItemIds.has(m.stockItemId) ? [] : [{ path: `${path}.${i}.stockItemId`, message: 'is not a stock item of this studio' }]))
