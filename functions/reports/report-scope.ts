import type { ReportGranularity, ReportPeriod } from '../../types/reports'
import { callerOf, type RequestContext } from '../domain/context'
import { forbidden, notFound } from '../domain/errors'
import { isAdmin } from '../domain/permissions'
import { addCounters, bucketsOf, daysOf, periodOf, previousPeriod, type Counters } from '../domain/report-figures'
import { studioDate } from '../domain/time'
import { studioTimeZone } from '../identity/studio-time-zone'
import type { ReportsDeps } from './ports'

/**
 * Whose figures a report adds up: the branch asked for — any of the studio's for an admin, their
 * own for everyone else (the dispatcher refuses another) — or, with none named, every branch
 * for an admin and their own for everyone else. Answers with the studio's time zone and today.
 */
export async function reportScope(deps: Pick<ReportsDeps, 'repo'>, ctx: RequestContext, branchId: string | undefined) {
  const caller = callerOf(ctx)
  const timeZone = await studioTimeZone(deps, caller.studioId)
  const today = studioDate(ctx.now, timeZone)
  if (branchId) {
    if (!isAdmin(caller) && caller.branchId !== branchId) throw forbidden('You see the reports of your own branch')
    if (!(await deps.repo.getBranch(caller.studioId, branchId))) throw notFound('Branch')
    return { caller, timeZone, today, branchIds: [branchId] }
  }
  if (isAdmin(caller)) return { caller, timeZone, today, branchIds: (await deps.repo.listBranches(caller.studioId)).map((b) => b.id).sort() }
  if (!caller.branchId) throw forbidden('You see the reports of your own branch, and you have none')
  return { caller, timeZone, today, branchIds: [caller.branchId] }
}

export type ReportScope = Awaited<ReturnType<typeof reportScope>>

/** The branches' figures of every day in [from, to], added up across branches, with the names kept beside them. */
export async function keptDays(deps: Pick<ReportsDeps, 'figures'>, studioId: string, branchIds: readonly string[], from: string, to: string) {
  const byDay = new Map<string, Counters>()
  const names: Record<string, string> = {}
  for (const days of await Promise.all(branchIds.map((b) => deps.figures.days(studioId, b, from, to)))) {
    for (const [day, kept] of days) {
      byDay.set(day, addCounters(byDay.get(day) ?? {}, kept.counters))
      Object.assign(names, kept.names)
    }
  }
  return { byDay, names }
}

/** The branches' state figures now, added up. */
export async function keptNow(deps: Pick<ReportsDeps, 'figures'>, studioId: string, branchIds: readonly string[]) {
  const counters: Counters = {}
  for (const kept of await Promise.all(branchIds.map((b) => deps.figures.now(studioId, b)))) addCounters(counters, kept.counters)
  return counters
}

/** The counters of the days of a period, added up. */
export function periodCounters(byDay: Map<string, Counters>, period: { from: string; to: string }): Counters {
  const total: Counters = {}
  for (const day of daysOf(period)) {
    const kept = byDay.get(day)
    if (kept) addCounters(total, kept)
  }
  return total
}

/**
 * A period report's figures: the period asked for and the one of equal length before it, read
 * with one query per branch, and the period cut into chart buckets.
 */
export async function periodFigures(
  deps: Pick<ReportsDeps, 'repo' | 'figures'>,
  ctx: RequestContext,
  input: { from: string; to: string; branchId?: string; granularity: ReportGranularity },
  options: { through?: (scope: ReportScope) => string } = {},
) {
  const scope = await reportScope(deps, ctx, input.branchId)
  const period: ReportPeriod = periodOf(input.from, input.to)
  const previous = previousPeriod(period)
  const through = options.through ? [input.to, options.through(scope)].sort().at(-1)! : input.to
  const { byDay, names } = await keptDays(deps, scope.caller.studioId, scope.branchIds, previous.from, through)
  const frame = { period, previousPeriod: previous, branchIds: scope.branchIds, granularity: input.granularity, timeZone: scope.timeZone }
  return {
    scope,
    frame,
    byDay,
    names,
    current: periodCounters(byDay, period),
    previous: periodCounters(byDay, previous),
    buckets: bucketsOf(period, input.granularity).map((b) => ({ ...b, counters: periodCounters(byDay, { from: b.bucket, to: b.bucketTo }) })),
  }
}

/** A name kept beside the figures, else the id itself. */
export const nameIn = (names: Record<string, string>) => (id: string) => names[id] ?? id
