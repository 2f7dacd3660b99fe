import type { z } from 'zod'
import type { countStocktake as operation } from '../../types/inventory-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { openSheetOf } from './get-stocktake'
import type { InventoryDeps } from './ports'
import { untilSettled } from './stock-keeping'

/**
 * Counts entered on a phone, a few at a time.
 * 1. The sheet must be open, of a branch the caller keeps, at the version read.
 * 2. Every count must be for a line of the sheet; a null count clears the line.
 * 3. Each line counted takes what the books say at that moment as its expected quantity: stock
 *    used or moved after the sheet was opened but before the count is already in the books, so
 *    the count's difference is against the level it counted, and what moves after the count
 *    stays. The posting then adds counted − expected to whatever the level is by then.
 * 4. Saved on the condition that nobody saved in between (VERSION_CONFLICT) and that those
 *    levels are still as read (read again if not).
 */
export async function countStocktake(deps: InventoryDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const sheet = await openSheetOf(deps, caller, input.stocktakeId, input.version)
  const lines = new Map(sheet.lines.map((l) => [l.itemId, l]))
  const unknown = input.counts.flatMap((c, i) => (lines.has(c.itemId) ? [] : [{ path: `counts.${i}.itemId`, message: 'is not on this count sheet' }]))
  if (unknown.length) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: unknown })
  const counted = new Map(input.counts.map((c) => [c.itemId, c.counted ?? undefined]))
  let next = sheet
  await untilSettled(async () => {
    const { levels } = await deps.stock.load(caller.studioId)
    const now = new Map(levels.filter((l) => l.branchId === sheet.branchId).map((l) => [l.itemId, l.onHand]))
    const levelsRead = [...counted.keys()].map((itemId) => ({ itemId, branchId: sheet.branchId, onHand: now.get(itemId) ?? 0 }))
    next = {
      ...sheet,
      lines: sheet.lines.map((l) => (counted.has(l.itemId) ? { ...l, expected: now.get(l.itemId) ?? 0, counted: counted.get(l.itemId) } : l)),
      version: sheet.version + 1,
    }
    return (await deps.stock.saveStocktake(caller.studioId, next, sheet.version, levelsRead)) === 'saved' ? 'moved' : 'stale'
  })
  return next
}
