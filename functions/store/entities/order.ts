import type { OrderRepricing } from '../../booking/ports'
import type { OrderRecord, StageChange } from '../../orders/ports'
import { Update } from '../expressions'
import type { Item } from '../items'
import { keys } from '../keys'

/** Far-future sort key for orders with no expected date, so they sort after every dated one. */
const NO_DATE = '9999-12-31'

/** The order's place in its stage's list (gsi1), sorted by the date the next stage is expected. */
const byStageSortKey = (expectedBy: string | undefined, orderId: string) => `${expectedBy ?? NO_DATE}#${orderId}`
const byStageIndex = (studioId: string, stage: string, expectedBy: string | undefined, orderId: string) => ({
  gsi1pk: keys.ordersInStage(studioId, stage),
  gsi1sk: byStageSortKey(expectedBy, orderId),
})

/** The order's place among refunds due while its cancellation's refund is still owed (gsi3, sparse). */
const refundsDueIndex = (studioId: string, at: string, orderId: string) => ({ gsi3pk: keys.refundsDue(studioId), gsi3sk: `${at}#${orderId}` })

/** The order item with its index keys: by stage (gsi1), by customer (gsi2) and, while a refund is owed, refunds due (gsi3). */
export function orderItem(order: OrderRecord): Item {
  const owed = order.stage === 'cancelled' && (order.refundDueFen ?? 0) > order.refundedFen
  return {
    ...keys.order(order.studioId, order.id),
    type: 'Order',
    ...byStageIndex(order.studioId, order.stage, order.expectedBy, order.id),
    gsi2pk: keys.customerOrders(order.studioId, order.customerId),
    gsi2sk: `${order.createdAt}#${order.id}`,
    ...(owed ? refundsDueIndex(order.studioId, order.updatedAt, order.id) : {}),
    ...order,
  }
}

/** The moves of an order from one stage to the next, conditioned on it still being in the first. */
export function stageUpdate(order: Pick<OrderRecord, 'studioId' | 'id'> & { refundedFen?: number }, change: StageChange, update = new Update()): Update {
  const index = byStageIndex(order.studioId, change.to, change.expectedBy, order.id)
  update
    .when('stage', '=', change.from)
    .set('stage', change.to)
    .set('stageEnteredAt', change.event.at)
    .set('updatedAt', change.event.at)
    .append('timeline', [{ stage: change.to, ...change.event }])
    .set('expectedBy', change.expectedBy)
    .set('gsi1pk', index.gsi1pk)
    .set('gsi1sk', index.gsi1sk)
    .add('version', 1)
  for (const [attribute, v] of Object.entries(change.set ?? {})) update.set(attribute, v)
  if (change.addToTotalFen) update.add('totalFen', change.addToTotalFen).add('balanceFen', change.addToTotalFen)
  if (change.requireZeroBalance) update.when('balanceFen', '=', 0)
  if (change.expectVersion !== undefined) update.when('version', '=', change.expectVersion)
  if (change.expectPaidFen !== undefined) update.when('paidFen', '=', change.expectPaidFen)
  if (change.clearWork) update.remove('assignee').remove('labSentAt')
  // Owed back is what refunds must still reach (refunds made before the cancellation count).
  if (change.to === 'cancelled' && (change.set?.refundDueFen ?? 0) > (order.refundedFen ?? 0)) markRefundOwed(order, change.event.at, update)
  // A lapsed hold taken back by its late deposit is live again: nothing is owed back for its cancellation.
  if (change.from === 'cancelled') clearRefundOwed(update).remove('refundDueFen')
  return update
}

/** The order shows its shoot's date; while confirmed that date is also when it is expected by. */
export function shootDateUpdate(order: Pick<OrderRecord, 'id'>, shoot: { shootAt: string; expectedBy?: string; refundFromAt?: string }, update = new Update()): Update {
  update.set('shootAt', shoot.shootAt)
  if (shoot.refundFromAt) update.set('refundFromAt', shoot.refundFromAt)
  if (shoot.expectedBy) update.set('expectedBy', shoot.expectedBy).set('gsi1sk', byStageSortKey(shoot.expectedBy, order.id))
  return update
}

/** The order's add-ons and money as re-priced from the version read; refused if anything changed the order since. */
export function repricedUpdate(repricing: OrderRepricing, update = new Update()): Update {
  return update
    .when('version', '=', repricing.readVersion)
    .set('addOns', repricing.addOns)
    .set('totalFen', repricing.totalFen)
    .set('balanceFen', repricing.balanceFen)
    .set('depositFen', repricing.depositFen)
}

/** Lists the order among refunds due. */
export const markRefundOwed = (order: Pick<OrderRecord, 'studioId' | 'id'>, at: string, update = new Update()) => {
  const index = refundsDueIndex(order.studioId, at, order.id)
  return update.set('gsi3pk', index.gsi3pk).set('gsi3sk', index.gsi3sk)
}

/** Takes the order off refunds due. */
export const clearRefundOwed = (update = new Update()) => update.remove('gsi3pk').remove('gsi3sk')

/** An Update of the order item, for a transaction. */
export const orderUpdate = (table: string, order: Pick<OrderRecord, 'studioId' | 'id'>, update: Update) => ({
  Update: update.build(table, keys.order(order.studioId, order.id)),
})
