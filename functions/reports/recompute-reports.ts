import type { z } from 'zod'
import type { recomputeReports as operation } from '../../types/reports-operations'
import type { RequestContext } from '../domain/context'
import { daysOf } from '../domain/report-figures'
import { isLeftAsKept, oldRecordFigures } from '../domain/report-old-records'
import { figureDifferences, recomputeDays, recomputeNow } from '../domain/report-recompute'
import { studioDate } from '../domain/time'
import type { FigureCorrection, ReportsDeps } from './ports'
import { keptDays, reportScope } from './report-scope'

/** How many times a repair refused because its figures changed meanwhile is read and compared again. */
const REPAIR_ATTEMPTS = 4

/**
 * How long the repair waits before looking again: only a difference seen the same twice, this far
 * apart, is repaired. Orders, bookings, expenses and stock movements are read through indexes, which
 * can trail the write that made them by a moment; the figures that write moved are already kept, and a
 * record missing from one look must not have its money "repaired" away.
 */
const SETTLE_MS = 1_000

interface Difference {
  branchId: string
  date?: string
  figure: string
  kept: number
  recomputed: number
}

/**
 * The recompute job (an admin's, also run by `npm run recompute`):
 * 1. reads the figures kept, then the raw records behind the days asked for (orders and payments,
 *    bookings, expenses, stock movements, commission lines, follow-ups), each once for all branches;
 * 2. works the day figures and the state figures ("now") out again from them;
 * 3. lists every figure that differs, by branch and day (and by branch for "now"), leaving as kept
 *    the figures of records older than a field the recompute relies on (and naming them);
 * 4. with `repair`, looks again a moment later and replaces each figure that differs the same way
 *    in both looks by its recomputed value, while it still holds the value read; a figure changed
 *    meanwhile (money landing) is read and compared again, a few times, and what still could not
 *    be replaced is listed as unrepaired.
 */
export async function recomputeReports(deps: ReportsDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const scope = await reportScope(deps, ctx, input.branchId)
  const studioId = scope.caller.studioId
  const dayOf = (instant: string) => studioDate(new Date(instant), scope.timeZone)

  const compare = async (branchIds: readonly string[]) => {
    // The kept figures first: money landing before the raw records are read then shows as a
    // difference whose repair finds the figure changed, never as one that erases that money.
    const kept = await Promise.all(branchIds.map((b) => Promise.all([keptDays(deps, studioId, [b], input.from, input.to), deps.figures.now(studioId, b)])))
    const records = await deps.figures.records(studioId, branchIds, input.from, input.to)
    const leftAsKept = oldRecordFigures(records, dayOf, input)
    const differences: Difference[] = []
    const nowDifferences: Difference[] = []
    branchIds.forEach((branchId, i) => {
      const [days, now] = kept[i]!
      const branch = records.branches.get(branchId)!
      const recomputed = recomputeDays(branch, dayOf, input.from, input.to, branchId)
      for (const date of daysOf(input)) {
        for (const d of figureDifferences(days.byDay.get(date) ?? {}, recomputed.get(date) ?? {})) {
          if (!isLeftAsKept(leftAsKept, branchId, date, d.figure)) differences.push({ branchId, date, ...d })
        }
      }
      for (const d of figureDifferences(now.counters, recomputeNow(branch, dayOf))) nowDifferences.push({ branchId, ...d })
    })
    return { differences, nowDifferences, leftAsKept }
  }

  const found = await compare(scope.branchIds)
  const everyDifference = (looked: Awaited<ReturnType<typeof compare>>) => [...looked.differences, ...looked.nowDifferences]
  const branchesOf = (differences: Difference[]) => [...new Set(differences.map((d) => d.branchId))].sort()
  let seen = everyDifference(found)
  let unrepaired = seen
  const repaired = input.repair && seen.length > 0
  let comparedAgain = 0
  for (let attempt = 0; input.repair && seen.length && attempt < REPAIR_ATTEMPTS; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    const again = everyDifference(await compare(branchesOf(seen)))
    // Only what both looks agree on is repaired; a figure moved meanwhile is left to the next look.
    const lasting = again.filter((d) => seen.some((s) => sameDifference(s, d)))
    const refused = lasting.length ? await deps.figures.correct(correctionsOf(studioId, lasting)) : []
    if (!refused.length && lasting.length === again.length) {
      unrepaired = []
      break
    }
    comparedAgain++
    seen = everyDifference(await compare(branchesOf(again)))
    unrepaired = seen
  }
  return {
    from: input.from,
    to: input.to,
    branchIds: scope.branchIds,
    days: scope.branchIds.length * daysOf(input).length,
    differences: found.differences as (Difference & { date: string })[],
    nowDifferences: found.nowDifferences.map(({ date: _none, ...d }) => d),
    repaired,
    unrepaired: input.repair ? unrepaired : [],
    comparedAgain,
    leftAsKept: found.leftAsKept,
  }
}

/** The same figure of the same branch and day, kept and recomputed alike. */
function sameDifference(a: Difference, b: Difference) {
  return a.branchId === b.branchId && a.date === b.date && a.figure === b.figure && a.kept === b.kept && a.recomputed === b.recomputed
}

/** The differences as corrections, one per kept item. */
function correctionsOf(studioId: string, differences: Difference[]): FigureCorrection[] {
  const byItem = new Map<string, FigureCorrection>()
  for (const d of differences) {
    const key = `${d.branchId}|${d.date ?? 'now'}`
    const correction = byItem.get(key) ?? { studioId, branchId: d.branchId, ...(d.date ? { date: d.date } : {}), figures: {} }
    correction.figures[d.figure] = { kept: d.kept, recomputed: d.recomputed }
    byItem.set(key, correction)
  }
  return [...byItem.values()]
}

