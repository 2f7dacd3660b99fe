import type { CatalogRepository } from '../catalog/ports'
import type { LevelChange, StockRepository } from '../inventory/ports'
import type { OrderContextPorts } from '../orders/model'
import type { BookEntries, Bookkeeping, OrderRecord, StageChange } from '../orders/ports'

/** Where an order's stage and the stock room are written together. */
export interface ProductionStore {
  /**
   * Moves the order (as `changeStage` does) and takes `consumption` from stock in one transaction:
   * all or nothing. An item short refuses the move with STOCK_SHORT naming every item short and
   * by how much; an order that moved meanwhile with ILLEGAL_TRANSITION or VERSION_CONFLICT.
   * The commission the move earns (`books`) is written in the same transaction.
   */
  enterProduction(order: OrderRecord, change: StageChange, consumption: LevelChange[], books?: BookEntries): Promise<OrderRecord>
}

/** What entering 制作 needs: the order and its studio's settings, the catalogue's bills of materials, the stock room, and the store that writes both. */
export interface ProductionDeps extends OrderContextPorts {
  catalog: CatalogRepository
  stock: StockRepository
  production: ProductionStore
  /** The commission each stage move earns, written with the move. */
  books: Bookkeeping
}
