import type { ImportedOrder, OrderHistory } from '../history-import/ports'
import { studioDate } from '../domain/time'
import { AlreadyWritten, guarded, transact, transactOnce, type TransactionItem } from './errors'
import { importedDayBookUpdate } from './entities/branch-day'
import { dayClosed } from './entities/books'
import { orderItem } from './entities/order'
import { paymentItem } from './entities/payment'
import { AuditedStore, batchGetAll, putIfAbsent } from './items'
import { keys } from './keys'

/**
 * Past orders from the old system. Each is written in one transaction with its payments (the
 * same order and payment items as live ones), the mark of its old number (created only if
 * absent: the same number twice, even from two runs at once, writes once) and its days' books.
 */
export class DynamoOrderHistory extends AuditedStore implements OrderHistory {
  async importedNumbers(studioId: string, orderNumbers: string[]) {
    const items = await batchGetAll(this.db, this.table, [...new Set(orderNumbers)].map((n) => keys.legacyOrder(studioId, n)))
    return new Set(items.map((i) => i.orderNumber as string))
  }

  /** The transaction items of one order: its number's mark first (its failing means imported before). */
  private writes({ orderNumber, order, payments, audit, timeZone }: ImportedOrder): TransactionItem[] {
    const byDay = new Map<string, typeof payments>()
    for (const p of payments) {
      const date = studioDate(new Date(p.at), timeZone)
      byDay.set(date, [...(byDay.get(date) ?? []), p])
    }
    return [
      guarded(putIfAbsent(this.table, { ...keys.legacyOrder(order.studioId, orderNumber), type: 'LegacyOrder', orderNumber, orderId: order.id }), new AlreadyWritten()),
      guarded(putIfAbsent(this.table, orderItem(order))),
      ...payments.map((p) => guarded(putIfAbsent(this.table, paymentItem(p)))),
      guarded(this.auditPut(order.studioId, audit)),
      ...(order.branchId
        ? [...byDay].map(([date, paid]) => guarded({ Update: importedDayBookUpdate(this.table, { studioId: order.studioId, branchId: order.branchId!, date }, paid) }, dayClosed(date)))
        : []),
    ]
  }

  importOrder(entry: ImportedOrder) {
    return transactOnce(this.db, this.writes(entry))
  }

  async importOrders(entries: ImportedOrder[]) {
    await transact(this.db, entries.flatMap((entry) => this.writes(entry)))
  }
}
