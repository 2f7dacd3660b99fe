import type { z } from 'zod'
import type { updateStockItem as operation } from '../../types/inventory-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import type { InventoryDeps } from './ports'
import { stockItemOf } from './stock-keeping'

/** Changes an item's description or retires it; its stock and history stay. Two editors cannot overwrite each other (VERSION_CONFLICT). */
export async function updateStockItem(deps: InventoryDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { itemId, version, ...fields } = input
  const item = await stockItemOf(deps, caller.studioId, itemId)
  if (item.version !== version) throw new DomainError('VERSION_CONFLICT', 'Someone else changed this stock item meanwhile; reload and try again')
  const next = { ...item, ...fields, version: version + 1, updatedAt: ctx.now.toISOString() }
  await deps.stock.updateItem(caller.studioId, next, version)
  return next
}
