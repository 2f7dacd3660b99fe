import type { Branch } from '../../types/entities'
import type { OrderSettings } from '../../types/orders'
import type { Counters } from '../domain/report-figures'

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
  /** The branch's state figures now (orders per stage, balance due by shoot day, stock value). */
  now(studioId: string, branchId: string): Promise<KeptFigures>
}

/** The studio and its branches, as the reports need them. */
export interface ReportsDirectory {
  getStudio(studioId: string): Promise<{ timeZone: string } | undefined>
  getBranch(studioId: string, branchId: string): Promise<Branch | undefined>
  listBranches(studioId: string): Promise<Branch[]>
}

/** Low stock of a branch: a read of the studio's stock levels (bounded by its items, not its orders). */
export interface LowStock {
  lowStock(studioId: string, branchId: string): Promise<{ itemId: string; itemName: string; branchId: string; onHand: number; reorderLevel: number }[]>
}

/** The working minutes of each staff member of a branch over days (opening hours on their working days). */
export interface WorkingTime {
  workingMinutes(studioId: string, branchId: string, from: string, to: string): Promise<Map<string, { name: string; role: string; minutes: number }>>
}

export interface ReportsDeps {
  repo: ReportsDirectory
  figures: ReportFigures
  orderSettings: { getSettings(studioId: string): Promise<OrderSettings | undefined> }
  stockLevels: LowStock
  workingTime: WorkingTime
}
