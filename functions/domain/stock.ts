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

/** One broken stock invariant, said the way a stock keeper would. */
export interface StockViolation {
  itemId: string
  branchId: string
  message: string
}

/**
 * The stock invariants, stated once: for every item in every branch, what the books say is on
 * hand is the sum of its movements and never below zero; and a branch's stock value is
 * Σ on hand × moving-average unit cost, in whole fen. `reportedValueFen` is the value a page or
 * report shows per branch, checked against the levels when given.
 */
export function stockViolations(
  levels: readonly { itemId: string; branchId: string; onHand: number; unitCostFen: number }[],
  movements: readonly { itemId: string; branchId: string; quantity: number }[],
  reportedValueFen?: ReadonlyMap<string, number>,
): StockViolation[] {
  const key = (m: { itemId: string; branchId: string }) => `${m.itemId}|${m.branchId}`
  const moved = new Map<string, number>()
  for (const m of movements) moved.set(key(m), (moved.get(key(m)) ?? 0) + m.quantity)
  const violations: StockViolation[] = []
  const seen = new Set<string>()
  for (const level of levels) {
    seen.add(key(level))
    const sum = moved.get(key(level)) ?? 0
    if (level.onHand < 0) violations.push({ ...pick(level), message: `${level.onHand} on hand, below zero` })
    if (level.onHand !== sum) violations.push({ ...pick(level), message: `${level.onHand} on hand but the movements add up to ${sum}` })
    if (!Number.isInteger(level.unitCostFen) || level.unitCostFen < 0) violations.push({ ...pick(level), message: `unit cost ${level.unitCostFen} is not whole fen` })
  }
  for (const [k, sum] of moved) {
    if (seen.has(k) || sum === 0) continue
    const [itemId, branchId] = k.split('|') as [string, string]
    violations.push({ itemId, branchId, message: `no level kept, but the movements add up to ${sum}` })
  }
  for (const [branchId, valueFen] of reportedValueFen ?? []) {
    const expected = stockValueFen(levels.filter((l) => l.branchId === branchId))
    if (valueFen !== expected) violations.push({ itemId: '', branchId, message: `value shown ${valueFen} fen, but Σ on hand × unit cost is ${expected} fen` })
  }
  return violations
}

const pick = (level: { itemId: string; branchId: string }) => ({ itemId: level.itemId, branchId: level.branchId })
