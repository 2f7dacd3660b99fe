import type { ReportFigures, ReportsDirectory, StudioList } from './ports'

/**
 * The daily sweep of the branches' "now" items (a scheduled job): each keeps one counter per stage
 * per day orders entered it and two per shoot day with money due, and a counter back at 0 would
 * otherwise stay forever, growing the item with every day the studio trades.
 * 1. lists every studio and its branches;
 * 2. reads each branch's "now" item and picks the counters at 0;
 * 3. takes them out, each only while it is still 0 (one moved meanwhile stays until the next run).
 * Reports read an absent counter as 0, so they answer the same before and after.
 */
export async function sweepReportCounters(deps: { repo: ReportsDirectory & StudioList; figures: ReportFigures }): Promise<{ branches: number; removed: number; leftMoved: number }> {
  let branches = 0
  let removed = 0
  let leftMoved = 0
  for (const studioId of await deps.repo.listStudioIds()) {
    for (const branch of await deps.repo.listBranches(studioId)) {
      branches++
      const { counters } = await deps.figures.now(studioId, branch.id)
      const zeros = Object.keys(counters).filter((name) => counters[name] === 0)
      if (!zeros.length) continue
      const taken = await deps.figures.removeZeroCounters(studioId, branch.id, zeros)
      removed += taken
      leftMoved += zeros.length - taken
    }
  }
  return { branches, removed, leftMoved }
}
