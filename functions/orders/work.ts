import type { z } from 'zod'
import type * as op from '../../types/order-operations'
import type { CatalogRepository } from '../catalog/ports'
import { callerOf, type RequestContext } from '../domain/context'
import { checkDiscount, checkTotalCoversPaid, orderTotal, upgradesAtSelection } from '../domain/order'
import { DomainError } from '../domain/errors'
import type { NewAuditEntry } from '../identity/ports'
import { loadOrder } from './advance-order'
import { priceAddOns } from './create-order'
import { orderContextOf, orderSeenBy, type OrderContextPorts } from './model'
import type { Bookkeeping, OrderRecord, OrderRepository } from './ports'

/**
 * Add-ons, discount and notes. The version read must still be the order's: two people
 * editing at once cannot overwrite each other (VERSION_CONFLICT), and a payment arriving
 * meanwhile also bumps the version. The total may never fall below what is paid.
 * Add-ons changed while the order is in selection move what it keeps as sold there; the
 * version also holds the stage, so an edit racing the selection's confirmation counts in
 * selection only if it is written before it.
 */
export async function updateOrder(deps: OrderContextPorts & { catalog: CatalogRepository; books: Bookkeeping }, input: z.output<typeof op.updateOrder.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const order = await loadOrder(deps, caller, input.orderId)
  if (order.version !== input.version) throw new DomainError('VERSION_CONFLICT', 'Someone else changed this order meanwhile; reload to see their change, then try again')
  if (order.stage === 'completed' || order.stage === 'cancelled') throw new DomainError('ILLEGAL_TRANSITION', `A ${order.stage} order cannot be changed`)
  const context = await orderContextOf(deps, caller.studioId)
  const discountFen = input.discountFen ?? order.discountFen
  if (discountFen !== order.discountFen) checkDiscount(discountFen, order.package.priceFen, context.settings, caller.roles)
  const kept = order.addOns.filter((a) => a.kind === 'extra_photos' || a.id === 'surcharge')
  const addOns = input.addOns ? await priceAddOns(deps, caller.studioId, input.addOns, kept, order.addOns) : order.addOns
  const totalFen = orderTotal(order.package.priceFen, addOns, discountFen)
  checkTotalCoversPaid(totalFen, order.paidFen)
  const next: OrderRecord = {
    ...order,
    addOns,
    discountFen,
    discountReason: input.discountReason ?? order.discountReason,
    notes: input.notes ?? order.notes,
    totalFen,
    balanceFen: totalFen - order.paidFen,
    upgradesFen: upgradesAtSelection(order, addOns),
    depositFen: Math.min(order.depositFen, totalFen),
    version: order.version + 1,
    updatedAt: ctx.now.toISOString(),
  }
  const audit: NewAuditEntry[] = [{ action: 'order.updated', actorId: caller.id, actorName: caller.displayName, targetId: order.id, detail: { totalFen: { from: order.totalFen, to: totalFen } } }]
  if (discountFen !== order.discountFen) {
    audit.push({ action: 'order.discounted', actorId: caller.id, actorName: caller.displayName, targetId: order.id, detail: { discountFen: { from: order.discountFen, to: discountFen }, reason: next.discountReason } })
  }
  // The order's value and what is owed move in the reports with the change, in its transaction.
  await deps.orders.replace(next, input.version, audit, await deps.books.revalued(order, next))
  return next
}

export async function takeOrder(deps: { orders: OrderRepository }, input: z.output<typeof op.takeOrder.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const order = await loadOrder(deps, caller, input.orderId)
  if (order.stage !== 'retouching' && order.stage !== 'designing') throw new DomainError('ILLEGAL_TRANSITION', 'Only orders in retouching or design can be taken')
  if (order.assignee) throw new DomainError('CONFLICT', `${order.assignee.name} has taken this order`)
  return orderSeenBy(caller, await deps.orders.take(order, { id: caller.id, name: caller.displayName }, ctx.now.toISOString()))
}

export async function sendToLab(deps: { orders: OrderRepository }, input: z.output<typeof op.sendToLab.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const order = await loadOrder(deps, caller, input.orderId)
  if (order.stage !== 'producing') throw new DomainError('ILLEGAL_TRANSITION', 'Only orders in production go to the lab')
  return orderSeenBy(caller, await deps.orders.markSentToLab(order, ctx.now.toISOString()))
}
