import type { z } from 'zod'
import type { StockItem } from '../../types/inventory'
import type { createStockItem as operation } from '../../types/inventory-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import type { InventoryDeps } from './ports'

/**
 * Adds a material to the studio's list; it has no stock anywhere until bought or counted.
 * The request id is the item's id, so a retried request creates it once.
 */
export async function createStockItem(deps: InventoryDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { requestId, ...fields } = input
  const at = ctx.now.toISOString()
  const item: StockItem = { id: requestId, ...fields, active: true, version: 1, createdAt: at, updatedAt: at }
  if (await deps.stock.createItem(caller.studioId, item)) return item
  const existing = await deps.stock.getItem(caller.studioId, requestId)
  if (existing?.name !== item.name) throw new DomainError('CONFLICT', 'This request id was used for another stock item')
  return existing
}
