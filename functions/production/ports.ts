import type { CatalogRepository } from '../catalog/ports'
import type { LevelChange, StockRepository } from '../inventory/ports'
import type { OrderContextPorts } from '../orders/model'
import type { OrderRecord, StageChange } from '../orders/ports'

/** Where an order's stage and the stock room are written together. */
export interface ProductionStore {
  /**
   * Moves the order (as `changeStage` does) and takes `consumption` from stock in one transaction:
   * all or nothing. An item short refuses the move with STOCK_SHORT naming every item short and
   * by how much; an order that moved meanwhile with ILLEGAL_TRANSITION or VERSION_CONFLICT.
   */
  enterProduction(order: OrderRecord, change: StageChange, consumption: LevelChange[]): Promise<OrderRecord>
}

/** What entering 制作 needs: the order and its studio's settings, the catalogue's bills of materials, the stock room, and the store that writes both. */
export interface ProductionDeps extends OrderContextPorts {
  catalog: CatalogRepository
  stock: StockRepository
  production: ProductionStore
}
