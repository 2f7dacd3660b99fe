import type { ReportGranularity } from '../../types/reports'
import { addDays } from '../lib/studio-time'

export const rangeKinds = ['day', 'week', 'month', 'custom'] as const
export type RangeKind = (typeof rangeKinds)[number]

export interface ReportRange {
  from: string
  to: string
  granularity: ReportGranularity
}

/**
 * The days a report covers, in the studio's calendar: the day itself, the seven days up to it,
 * the month up to it, or two days chosen by hand (by week when that is more than two months).
 */
export function rangeOf(kind: RangeKind, today: string, custom: { from: string; to: string }): ReportRange {
  if (kind === 'day') return { from: today, to: today, granularity: 'day' }
  if (kind === 'week') return { from: addDays(today, -6), to: today, granularity: 'day' }
  if (kind === 'month') return { from: `${today.slice(0, 8)}01`, to: today, granularity: 'day' }
  const from = custom.from <= custom.to ? custom.from : custom.to
  const to = custom.from <= custom.to ? custom.to : custom.from
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1
  return { from, to, granularity: days > 62 ? 'week' : 'day' }
}
