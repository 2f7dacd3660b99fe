import type { LevelChange, StockRepository } from '../inventory/ports'
import type { OrderAppDeps } from '../orders/orders'
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

export interface ProductionDeps extends OrderAppDeps {
  stock: StockRepository
  production: ProductionStore
}
