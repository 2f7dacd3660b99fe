import type { BranchSchedule, StaffSchedule } from '../../types/booking'
import type { Branch, StaffMember } from '../../types/entities'
import type { StockItem, StockLevel } from '../../types/inventory'
import type { OrderSettings } from '../../types/orders'
import type { Counters } from '../domain/report-figures'
import type { StudioRecords } from '../domain/report-old-records'

/** A branch's kept figures: its counters, and the names the events wrote beside them (staff, packages, stock items). */
export interface KeptFigures {
  counters: Counters
  names: Record<string, string>
}

/**
 * The report figures a branch keeps (written by the stores with each event). Reading them costs
 * the same whatever the number of orders: one query per branch for a range of days, one read
 * per branch for the state figures.
 */
export interface ReportFigures {
  /** The branch's figures of each day from `from` to `to` that has any: one query. */
  days(studioId: string, branchId: string, from: string, to: string): Promise<Map<string, KeptFigures>>
  /** The branch's state figures now (orders per stage, balance due by shoot day, orders at pick-up with money due). */
  now(studioId: string, branchId: string): Promise<KeptFigures>
  /**
   * The raw records the branches' figures of [from, to] come from — their orders with their
   * payments, bookings, expenses, stock movements, commission lines and follow-ups, and their
   * closed days — each read once and split by branch. For the recompute job only: this reads every
   * order of the studio, which no report ever does.
   */
  records(studioId: string, branchIds: readonly string[], from: string, to: string): Promise<StudioRecords>
  /**
   * Replaces kept figures by recomputed ones (recompute's repair), each item only while its
   * figures still hold what was read; answers the corrections refused because they changed meanwhile.
   */
  correct(corrections: FigureCorrection[]): Promise<FigureCorrection[]>
  /**
   * Takes counters out of a branch's "now" item, each only while it is 0 (a counter moved
   * meanwhile stays); answers how many were taken out.
   */
  removeZeroCounters(studioId: string, branchId: string, counters: readonly string[]): Promise<number>
}

/** The figures of one kept item (a branch's day, or its NOW) to replace: each as read, and as recomputed. */
export interface FigureCorrection {
  studioId: string
  branchId: string
  date?: string
  figures: Record<string, { kept: number; recomputed: number }>
}

/** The studio and its branches, as the reports need them. */
export interface ReportsDirectory {
  getStudio(studioId: string): Promise<{ timeZone: string } | undefined>
  getBranch(studioId: string, branchId: string): Promise<Branch | undefined>
  listBranches(studioId: string): Promise<Branch[]>
}

/** Every studio of the stage, for the jobs that go through them all. */
export interface StudioList {
  listStudioIds(): Promise<string[]>
}

/** The studio's stock items and levels: one query, bounded by its items, not its orders. */
export interface StockLevels {
  load(studioId: string): Promise<{ items: StockItem[]; levels: StockLevel[] }>
}

/** A branch's opening hours and staff with their schedules: one query, bounded by its staff. */
export interface BranchRoster {
  branchResources(studioId: string, branchId: string): Promise<{ schedule?: BranchSchedule; staff: (StaffMember & { schedule?: StaffSchedule })[] }>
}

export interface ReportsDeps {
  repo: ReportsDirectory
  figures: ReportFigures
  orders: { getSettings(studioId: string): Promise<OrderSettings | undefined> }
  stock: StockLevels
  scheduling: BranchRoster
}
