import * as z from 'zod'
import { IdSchema, IsoDateTimeSchema } from './common'
import { FenSchema } from './money'
import { ActorSchema } from './orders'

/** What a stock room holds: 相册, 相框, 摆台, 冲印, 水晶, 耗材, anything else. */
export const stockCategories = ['album', 'frame', 'stand', 'print', 'crystal', 'consumable', 'other'] as const
export const StockCategorySchema = z.enum(stockCategories)
export type StockCategory = z.infer<typeof StockCategorySchema>

/** Stock is counted in whole units (本, 个, 张…); a million of one thing is more than any stock room holds. */
export const MAX_STOCK = 1_000_000
export const StockQuantitySchema = z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_STOCK)

/** What a manager fills in for a stock item (the studio-wide list of materials). */
export const StockItemFieldsSchema = z.strictObject({
  name: z.string().trim().min(1).max(40),
  category: StockCategorySchema,
  unit: z.string().trim().min(1).max(8),
  /** At or below this many in a branch, the item is on that branch's low-stock list. */
  reorderLevel: z.number().int('must be a whole number').min(0).max(MAX_STOCK),
})

export const StockItemSchema = z.object({
  id: IdSchema,
  name: z.string(),
  category: StockCategorySchema,
  unit: z.string(),
  reorderLevel: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
})
export type StockItem = z.infer<typeof StockItemSchema>

/**
 * An item's stock in one branch: the sum of its movements there, with the moving-average
 * unit cost of what is on hand (integer fen, re-averaged on every purchase and transfer in).
 */
export const StockLevelSchema = z.object({
  itemId: IdSchema,
  branchId: IdSchema,
  onHand: z.number().int(),
  unitCostFen: FenSchema,
  updatedAt: IsoDateTimeSchema,
})
export type StockLevel = z.infer<typeof StockLevelSchema>

/** A stock item as a branch sees it: its level there, what it is worth and whether it needs reordering. */
export const BranchStockLineSchema = StockItemSchema.extend({
  branchId: IdSchema,
  onHand: z.number().int(),
  unitCostFen: FenSchema,
  valueFen: z.number().int(),
  low: z.boolean(),
})
export type BranchStockLine = z.infer<typeof BranchStockLineSchema>

export const movementKinds = ['purchase', 'transfer_out', 'transfer_in', 'consumption', 'adjustment'] as const
export const MovementKindSchema = z.enum(movementKinds)
export type MovementKind = z.infer<typeof MovementKindSchema>

/** One change to one item's stock in one branch, with who, when and why. `quantity` is signed: + in, − out. */
export const StockMovementSchema = z.object({
  id: z.string(),
  kind: MovementKindSchema,
  itemId: IdSchema,
  itemName: z.string(),
  branchId: IdSchema,
  quantity: z.number().int(),
  /** The unit cost it moved at (the purchase price, or the branch's moving average). */
  unitCostFen: FenSchema,
  supplier: z.string().optional(),
  reason: z.string().optional(),
  orderId: IdSchema.optional(),
  stocktakeId: IdSchema.optional(),
  /** The other branch of a transfer. */
  otherBranchId: IdSchema.optional(),
  by: ActorSchema,
  at: IsoDateTimeSchema,
})
export type StockMovement = z.infer<typeof StockMovementSchema>

/** One material and how many of it a package or product uses (its bill of materials). */
export const MaterialSchema = z.strictObject({ stockItemId: IdSchema, quantity: z.number().int().min(1).max(999) })
export type Material = z.infer<typeof MaterialSchema>
export const MaterialsSchema = z
  .array(MaterialSchema)
  .max(20)
  .refine((m) => new Set(m.map((x) => x.stockItemId)).size === m.length, 'must not list a material twice')

/** A count sheet line: what the books said when the sheet was opened, and what was counted. */
export const StocktakeLineSchema = z.object({
  itemId: IdSchema,
  itemName: z.string(),
  unit: z.string(),
  expected: z.number().int(),
  counted: z.number().int().optional(),
})
export type StocktakeLine = z.infer<typeof StocktakeLineSchema>

export const StocktakeSchema = z.object({
  id: IdSchema,
  branchId: IdSchema,
  status: z.enum(['open', 'posted']),
  lines: z.array(StocktakeLineSchema),
  reason: z.string().optional(),
  openedBy: ActorSchema,
  openedAt: IsoDateTimeSchema,
  postedBy: ActorSchema.optional(),
  postedAt: IsoDateTimeSchema.optional(),
  version: z.number().int(),
})
export type Stocktake = z.infer<typeof StocktakeSchema>

/** One item a stage change or an adjustment could not take: how many were needed and how many are there. */
export const ShortageSchema = z.object({
  itemId: IdSchema,
  name: z.string(),
  unit: z.string(),
  needed: z.number().int(),
  onHand: z.number().int(),
  short: z.number().int(),
})
export type Shortage = z.infer<typeof ShortageSchema>
