import { NEXT_STAGE } from '../domain/order'
import { notFound } from '../domain/errors'
import type { Caller } from '../domain/context'
import { visibleTo } from './model'
import type { OrderPartition, OrderRepository } from './ports'

/** An order with its payments and where it goes next, as the order page shows it. */
export function detailOf(partition: OrderPartition) {
  return { order: partition.order, payments: partition.payments, nextStage: NEXT_STAGE[partition.order.stage] }
}

/** The order's detail, read in one query; a customer sees only their own. */
export async function orderDetail(deps: { orders: OrderRepository }, studioId: string, orderId: string, caller?: Caller) {
  const partition = await deps.orders.partition(studioId, orderId)
  if (!partition || (caller && !visibleTo(partition.order, caller))) throw notFound('Order')
  return detailOf(partition)
}
