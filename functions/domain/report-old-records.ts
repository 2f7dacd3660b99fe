import type { FollowUp } from '../../types/customers'
import { addDays, figure } from './report-figures'
import type { BranchRecords } from './report-recompute'

/** The studio's raw records as the recompute job reads them: once, split by branch. */
export interface StudioRecords {
  branches: Map<string, BranchRecords>
  /** Follow-ups that name no branch for their due, or (done) for their done: written before either was recorded. */
  followUpsWithoutBranch: (FollowUp & { dueBranchId?: string; doneBranchId?: string })[]
  /** Each branch's closed days (date → when it was closed), from a month before the range to its end. */
  closedDays: Map<string, Map<string, string>>
}

/** A kept figure the recompute cannot check: a branch's (or, with none, every branch's) figure of a day. */
export interface FigureSpot {
  branchId?: string
  date: string
  figure: string
}

export interface LeftAsKept {
  records: 'followUps' | 'refunds'
  count: number
  figures: FigureSpot[]
}

/** The longest run of closed days a WeChat Pay payment is carried over, as the books do. */
const CARRIED_AT_MOST = 31

/**
 * The figures of records that predate a field the recompute relies on, so that they are left as
 * kept rather than "repaired" away or onto another day:
 * - a follow-up naming no branch was counted (if at all) in a branch no record says: its "due" on
 *   its due date and its "done" on the day it was done are left as kept in every branch;
 * - a WeChat Pay refund made on a day already closed was booked on the next open day, and before
 *   refunds said so (`bookedOn`) the record names neither: its refund figures, from its own day to
 *   the first day that was not closed at its moment, are left as kept in its branch.
 */
export function oldRecordFigures(records: StudioRecords, dayOf: (instant: string) => string, range: { from: string; to: string }): LeftAsKept[] {
  // Each old record's figures within the range; a record with none there is not this run's concern.
  const within = (spots: FigureSpot[]) => spots.filter((s) => s.date >= range.from && s.date <= range.to)
  const followUps = records.followUpsWithoutBranch
    .map((f) =>
      within([
        ...(f.dueBranchId ? [] : [{ date: f.dueDate, figure: figure.followUpsDue }]),
        ...(f.status === 'done' && f.completedAt && !f.doneBranchId ? [{ date: dayOf(f.completedAt), figure: figure.followUpsDone }] : []),
      ]),
    )
    .filter((spots) => spots.length)
  const refunds: FigureSpot[][] = []
  for (const [branchId, branch] of records.branches) {
    const closed = records.closedDays.get(branchId) ?? new Map<string, string>()
    const closedBefore = (date: string, at: string) => {
      const closedAt = closed.get(date)
      return closedAt !== undefined && closedAt <= at
    }
    for (const { payments } of branch.orders) {
      for (const p of payments) {
        if (p.kind !== 'refund' || p.method !== 'wechat' || p.bookedOn || !closedBefore(dayOf(p.at), p.at)) continue
        const reason = p.reason?.trim() || '—'
        const names = [figure.refundByMethod(p.method), figure.refunds, figure.refundReasonCount(reason), figure.refundReasonFen(reason)]
        const spots: FigureSpot[] = []
        let day = dayOf(p.at)
        for (let i = 0; i <= CARRIED_AT_MOST; i++, day = addDays(day, 1)) {
          spots.push(...names.map((name) => ({ branchId, date: day, figure: name })))
          if (!closedBefore(day, p.at)) break
        }
        refunds.push(within(spots))
      }
    }
  }
  const left = (kind: LeftAsKept['records'], each: FigureSpot[][]): LeftAsKept[] =>
    each.some((spots) => spots.length) ? [{ records: kind, count: each.filter((spots) => spots.length).length, figures: uniqueSpots(each.flat()) }] : []
  return [...left('followUps', followUps), ...left('refunds', refunds)]
}

/** Whether a figure of a branch's day is one left as kept. */
export function isLeftAsKept(left: readonly LeftAsKept[], branchId: string, date: string, name: string) {
  return left.some((l) => l.figures.some((s) => s.date === date && s.figure === name && (!s.branchId || s.branchId === branchId)))
}

function uniqueSpots(spots: FigureSpot[]) {
  const seen = new Map(spots.map((s) => [`${s.branchId ?? ''}|${s.date}|${s.figure}`, s]))
  return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date) || a.figure.localeCompare(b.figure) || (a.branchId ?? '').localeCompare(b.branchId ?? ''))
}
