import type { Branch } from '../../types/entities'
import type { StockItem, StockLevel, StockMovement, Stocktake } from '../../types/inventory'

/**
 * One movement and the change it makes to its item's level in its branch. Stock going out is
 * taken only if the level covers it; stock coming in re-averages the unit cost from the level
 * as it was read, and is written only if the level is still that (otherwise it is `stale`).
 */
export interface LevelChange {
  movement: StockMovement
  /** The item's unit, for a shortage to name. */
  unit: string
  /** Signed: + in, − out. */
  delta: number
  /** The studio day it happens on, for the branch's report figures. */
  date: string
  /** Incoming stock: the level read (none if the branch never had the item) and the new average cost. */
  average?: { read: Pick<StockLevel, 'onHand' | 'unitCostFen'> | undefined; unitCostFen: number }
}

/** What writing some movements came to: all written, a replay of movements written before, or a level that moved since it was read. */
export type MoveOutcome = 'moved' | 'replayed' | 'stale'

export interface StockRepository {
  /** The studio's stock items and every level of every branch: one query. */
  load(studioId: string): Promise<{ items: StockItem[]; levels: StockLevel[] }>
  getItem(studioId: string, itemId: string): Promise<StockItem | undefined>
  getLevel(studioId: string, itemId: string, branchId: string): Promise<StockLevel | undefined>
  /** Creates the item once: false if an item with this id exists already. */
  createItem(studioId: string, item: StockItem): Promise<boolean>
  /** Replaces the item if it is still at `readVersion` (VERSION_CONFLICT otherwise). */
  updateItem(studioId: string, item: StockItem, readVersion: number): Promise<void>
  /**
   * Writes the movements with their level changes in one transaction, all or nothing. Stock
   * never goes below zero: if any item is short, nothing is written and STOCK_SHORT names every
   * item short and by how much.
   */
  move(studioId: string, changes: LevelChange[]): Promise<MoveOutcome>
  movements(studioId: string, branchId: string, options: { itemId?: string; limit: number; cursor?: string }): Promise<{ items: StockMovement[]; nextCursor?: string }>

  createStocktake(studioId: string, stocktake: Stocktake): Promise<boolean>
  getStocktake(studioId: string, stocktakeId: string): Promise<Stocktake | undefined>
  stocktakes(studioId: string, branchId: string, limit: number): Promise<Stocktake[]>
  /** Saves the sheet's lines if it is still open at `readVersion` (VERSION_CONFLICT otherwise). */
  saveStocktake(studioId: string, stocktake: Stocktake, readVersion: number): Promise<void>
  /** Marks the sheet posted and writes its adjustments in the same transaction (VERSION_CONFLICT if it changed, STOCK_SHORT if a level cannot take a loss). */
  postStocktake(studioId: string, posted: Stocktake, readVersion: number, changes: LevelChange[]): Promise<void>
}

/** What the inventory needs to know about the studio's branches. */
export interface BranchDirectory {
  getStudio(studioId: string): Promise<{ timeZone: string } | undefined>
  listBranches(studioId: string): Promise<Branch[]>
  getBranch(studioId: string, branchId: string): Promise<Branch | undefined>
}

export interface InventoryDeps {
  stock: StockRepository
  repo: BranchDirectory
}
