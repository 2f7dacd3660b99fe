import type { z } from 'zod'
import type { getStocktake as operation } from '../../types/inventory-operations'
import { callerOf, type Caller, type RequestContext } from '../domain/context'
import { DomainError, notFound } from '../domain/errors'
import type { InventoryDeps } from './ports'
import { stockBranch } from './stock-keeping'

/** A sheet of the caller's studio and of a branch they keep; NOT_FOUND otherwise. */
export async function stocktakeOf(deps: InventoryDeps, caller: Caller, stocktakeId: string) {
  const sheet = await deps.stock.getStocktake(caller.studioId, stocktakeId)
  if (!sheet) throw notFound('Count sheet')
  await stockBranch(deps, caller, sheet.branchId)
  return sheet
}

/** An open sheet at the version the caller read. */
export async function openSheetOf(deps: InventoryDeps, caller: Caller, stocktakeId: string, version: number) {
  const sheet = await stocktakeOf(deps, caller, stocktakeId)
  if (sheet.status !== 'open') throw new DomainError('PRECONDITION_FAILED', 'This count sheet is posted already')
  if (sheet.version !== version) throw new DomainError('VERSION_CONFLICT', 'Someone else changed this count sheet meanwhile; reload and try again')
  return sheet
}

export async function getStocktake(deps: InventoryDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  return stocktakeOf(deps, callerOf(ctx), input.stocktakeId)
}
