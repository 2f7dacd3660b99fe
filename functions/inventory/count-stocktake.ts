import type { z } from 'zod'
import type { countStocktake as operation } from '../../types/inventory-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { openSheetOf } from './get-stocktake'
import type { InventoryDeps } from './ports'

/**
 * Counts entered on a phone, a few at a time.
 * 1. The sheet must be open, of a branch the caller keeps, at the version read.
 * 2. Every count must be for a line of the sheet; a null count clears the line.
 * 3. Saved on the condition that nobody saved in between (VERSION_CONFLICT).
 */
export async function countStocktake(deps: InventoryDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const sheet = await openSheetOf(deps, caller, input.stocktakeId, input.version)
  const lines = new Map(sheet.lines.map((l) => [l.itemId, l]))
  const unknown = input.counts.flatMap((c, i) => (lines.has(c.itemId) ? [] : [{ path: `counts.${i}.itemId`, message: 'is not on this count sheet' }]))
  if (unknown.length) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: unknown })
  const counted = new Map(input.counts.map((c) => [c.itemId, c.counted ?? undefined]))
  const next = {
    ...sheet,
    lines: sheet.lines.map((l) => (counted.has(l.itemId) ? { ...l, counted: counted.get(l.itemId) } : l)),
    version: sheet.version + 1,
  }
  await deps.stock.saveStocktake(caller.studioId, next, sheet.version)
  return next
}
