import * as z from 'zod'
import { IdSchema, PageQuerySchema } from './common'
import {
  BranchStockLineSchema,
  MAX_STOCK,
  StockItemFieldsSchema,
  StockItemSchema,
  StockLevelSchema,
  StockMovementSchema,
  StockQuantitySchema,
  StocktakeSchema,
} from './inventory'
import { FenSchema } from './money'
import { defineOperation } from './operation'

/** Finance and managers keep the stock of their branch; admins every branch. */
export const STOCK_KEEPERS = ['finance', 'manager', 'admin'] as const
const RequestId = IdSchema.describe('Client-generated ULID; a retried request with the same id is applied once')
/** The branch asked about; a manager's or finance's own branch when left out. */
const BranchParam = IdSchema.optional()
const Note = z.string().trim().max(200).optional()
const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true')

export const listStockItems = defineOperation({
  name: 'inventory.listItems',
  scope: 'branch',
  method: 'GET',
  path: '/stock/items',
  summary: 'Stock items with their level, unit cost and value in a branch, and the branch’s stock value',
  tag: 'inventory',
  input: z.strictObject({ branchId: BranchParam, includeInactive: flag }),
  output: z.object({ branchId: IdSchema, valueFen: z.number().int(), items: z.array(BranchStockLineSchema) }),
  access: STOCK_KEEPERS,
})

export const createStockItem = defineOperation({
  name: 'inventory.createItem',
  method: 'POST',
  path: '/stock/items',
  summary: 'Add a stock item to the studio’s list of materials',
  tag: 'inventory',
  input: StockItemFieldsSchema.extend({ requestId: RequestId }),
  output: StockItemSchema,
  access: STOCK_KEEPERS,
})

export const updateStockItem = defineOperation({
  name: 'inventory.updateItem',
  method: 'PUT',
  path: '/stock/items/{itemId}',
  summary: 'Rename, recategorise, change the reorder level, or retire a stock item (with the version read)',
  tag: 'inventory',
  input: StockItemFieldsSchema.extend({ itemId: IdSchema, version: z.number().int().min(1), active: z.boolean() }),
  output: StockItemSchema,
  access: STOCK_KEEPERS,
})

export const listStockMovements = defineOperation({
  name: 'inventory.movements',
  scope: 'branch',
  method: 'GET',
  path: '/stock/movements',
  summary: 'A branch’s stock movements, newest first; of one item when itemId is given',
  tag: 'inventory',
  input: PageQuerySchema.extend({ branchId: BranchParam, itemId: IdSchema.optional() }),
  output: z.object({ items: z.array(StockMovementSchema), nextCursor: z.string().optional() }),
  access: STOCK_KEEPERS,
})

export const recordPurchase = defineOperation({
  name: 'inventory.purchase',
  scope: 'branch',
  method: 'POST',
  path: '/stock/purchases',
  summary: 'Stock bought in: supplier, quantity and unit cost; the branch’s moving-average cost follows',
  tag: 'inventory',
  input: z.strictObject({
    requestId: RequestId,
    branchId: BranchParam,
    itemId: IdSchema,
    quantity: StockQuantitySchema,
    unitCostFen: FenSchema,
    supplier: z.string().trim().min(1).max(60),
    note: Note,
  }),
  output: StockLevelSchema,
  access: STOCK_KEEPERS,
})

export const transferStock = defineOperation({
  name: 'inventory.transfer',
  method: 'POST',
  path: '/stock/transfers',
  summary: 'Send stock from one branch to another at the sending branch’s unit cost',
  tag: 'inventory',
  input: z
    .strictObject({
      requestId: RequestId,
      fromBranchId: BranchParam,
      toBranchId: IdSchema,
      itemId: IdSchema,
      quantity: StockQuantitySchema,
      note: Note,
    })
    .refine((t) => t.fromBranchId !== t.toBranchId, { path: ['toBranchId'], message: 'must be another branch' }),
  output: z.object({ from: StockLevelSchema, to: StockLevelSchema }),
  access: STOCK_KEEPERS,
})

export const stockOverview = defineOperation({
  name: 'inventory.overview',
  method: 'GET',
  path: '/stock/overview',
  summary: 'Per branch the caller keeps: stock value and the items at or below their reorder level',
  tag: 'inventory',
  input: z.strictObject({}),
  output: z.object({
    branches: z.array(z.object({ branchId: IdSchema, branchName: z.string(), valueFen: z.number().int(), low: z.array(BranchStockLineSchema) })),
  }),
  access: STOCK_KEEPERS,
})

export const openStocktake = defineOperation({
  name: 'inventory.openStocktake',
  scope: 'branch',
  method: 'POST',
  path: '/stock/stocktakes',
  summary: 'Open a count sheet for a branch: every active item with what the books say is there',
  tag: 'inventory',
  input: z.strictObject({ requestId: RequestId, branchId: BranchParam }),
  output: StocktakeSchema,
  access: STOCK_KEEPERS,
})

export const listStocktakes = defineOperation({
  name: 'inventory.stocktakes',
  scope: 'branch',
  method: 'GET',
  path: '/stock/stocktakes',
  summary: 'A branch’s count sheets, newest first',
  tag: 'inventory',
  input: z.strictObject({ branchId: BranchParam }),
  output: z.object({ items: z.array(StocktakeSchema) }),
  access: STOCK_KEEPERS,
})

export const getStocktake = defineOperation({
  name: 'inventory.getStocktake',
  method: 'GET',
  path: '/stock/stocktakes/{stocktakeId}',
  summary: 'One count sheet',
  tag: 'inventory',
  input: z.strictObject({ stocktakeId: IdSchema }),
  output: StocktakeSchema,
  access: STOCK_KEEPERS,
})

export const countStocktake = defineOperation({
  name: 'inventory.countStocktake',
  method: 'PUT',
  path: '/stock/stocktakes/{stocktakeId}/counts',
  summary: 'Enter counts on an open sheet (with the version read); a count of nothing clears the line',
  tag: 'inventory',
  input: z.strictObject({
    stocktakeId: IdSchema,
    version: z.number().int().min(1),
    counts: z
      .array(z.strictObject({ itemId: IdSchema, counted: z.number().int('must be a whole number').min(0, 'must not be negative').max(MAX_STOCK).nullable() }))
      .min(1)
      .max(500)
      .refine((c) => new Set(c.map((x) => x.itemId)).size === c.length, 'must not count an item twice'),
  }),
  output: StocktakeSchema,
  access: STOCK_KEEPERS,
})

export const postStocktake = defineOperation({
  name: 'inventory.postStocktake',
  method: 'POST',
  path: '/stock/stocktakes/{stocktakeId}/post',
  summary: 'Post the differences of a sheet as one stock adjustment, with a reason',
  tag: 'inventory',
  input: z.strictObject({ stocktakeId: IdSchema, version: z.number().int().min(1), reason: z.string().trim().min(1).max(200) }),
  output: StocktakeSchema,
  access: STOCK_KEEPERS,
})

export const inventoryOperations = [
  listStockItems,
  createStockItem,
  updateStockItem,
  listStockMovements,
  recordPurchase,
  transferStock,
  stockOverview,
  openStocktake,
  listStocktakes,
  getStocktake,
  countStocktake,
  postStocktake,
] as const
