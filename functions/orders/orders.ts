import type { z } from 'zod'
import type {
  advanceOrder,
  createOrder,
  customerOrders,
  getOrder,
  listOrders,
  saveOrderSettings,
  sendToLab,
  takeOrder,
  updateOrder,
} from '../../types/order-operations'
import type { AddOn, OrderStage } from '../../types/orders'
import { callerOf, type Caller, type RequestContext } from '../api/context'
import { cancelShoot } from '../booking/bookings'
import { checkDiscount, checkTransition, isOverdue, orderTotal } from '../domain/order'
import { DomainError, notFound } from '../domain/errors'
import { studioDate } from '../domain/time'
import { orderDetail, refundCancellation, type PaymentDeps } from '../payments/payments'
import type { FileStore } from '../files/file-store'
import { actorOf, newOrder, orderContextOf, orderSettingsOf, stageChange, summaryOf, visibleTo } from './model'
import type { OrderRecord } from './ports'
import type { NewAuditEntry } from '../identity/ports'

export interface OrderAppDeps extends PaymentDeps {
  files: FileStore
}

export async function readOrderSettings(deps: OrderAppDeps, ctx: RequestContext) {
  return orderSettingsOf(deps, callerOf(ctx).studioId)
}

export async function writeOrderSettings(deps: OrderAppDeps, input: z.output<typeof saveOrderSettings.input>, ctx: RequestContext) {
  await deps.orders.saveSettings(callerOf(ctx).studioId, input)
  return input
}

/** Prices add-ons from the catalogue as it is now; the order keeps the prices it was sold at. */
async function priceAddOns(deps: OrderAppDeps, studioId: string, inputs: z.output<typeof createOrder.input>['addOns'], keep: AddOn[] = []): Promise<AddOn[]> {
  const priced: AddOn[] = [...keep]
  for (const [i, addOn] of inputs.entries()) {
    if (addOn.kind === 'service') {
      priced.push({ id: `service-${i}`, kind: 'service', name: addOn.name, quantity: 1, unitFen: addOn.amountFen, amountFen: addOn.amountFen })
      continue
    }
    const product = await deps.catalog.getProduct(studioId, addOn.productId)
    if (!product?.active) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path: `addOns.${i}.productId`, message: 'is not a product on sale' }] })
    priced.push({ id: `product-${i}`, kind: 'product', name: product.name, productId: product.id, quantity: addOn.quantity, unitFen: product.priceFen, amountFen: product.priceFen * addOn.quantity })
  }
  return priced
}

/** The desk opens an order for a customer; its request id makes a retried request harmless. */
export async function openOrder(deps: OrderAppDeps, input: z.output<typeof createOrder.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const customer = await deps.customers.getCustomer(caller.studioId, input.customerId)
  if (!customer) throw notFound('Customer')
  const pkg = await deps.catalog.getPackage(caller.studioId, input.packageId)
  if (!pkg?.active) throw notFound('Package')
  const context = await orderContextOf(deps, caller.studioId)
  checkDiscount(input.discountFen, pkg.priceFen, context.settings, caller.roles)
  const addOns = await priceAddOns(deps, caller.studioId, input.addOns)
  const totalFen = orderTotal(pkg.priceFen, addOns, input.discountFen)
  return deps.orders.create(
    newOrder({
      id: input.requestId,
      studioId: caller.studioId,
      customer,
      pkg,
      branchId: input.branchId ?? caller.branchId,
      addOns,
      discountFen: input.discountFen,
      discountReason: input.discountReason,
      notes: input.notes,
      totalFen,
      by: actorOf(caller),
      now: ctx.now,
      ...context,
    }),
  )
}

export async function myOrderList(deps: OrderAppDeps, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { timeZone } = await orderContextOf(deps, caller.studioId)
  return { items: (await deps.orders.ofCustomer(caller.studioId, caller.id)).map((o) => summaryOf(o, ctx.now, timeZone)) }
}

export async function customerOrderList(deps: OrderAppDeps, input: z.output<typeof customerOrders.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { timeZone } = await orderContextOf(deps, caller.studioId)
  return { items: (await deps.orders.ofCustomer(caller.studioId, input.customerId)).map((o) => summaryOf(o, ctx.now, timeZone)) }
}

export async function readOrder(deps: OrderAppDeps, input: z.output<typeof getOrder.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  return orderDetail(deps, caller.studioId, input.orderId, caller)
}

export async function ordersInStage(deps: OrderAppDeps, input: z.output<typeof listOrders.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { timeZone } = await orderContextOf(deps, caller.studioId)
  const page = await deps.orders.byStage(caller.studioId, input.stage, { limit: input.limit, cursor: input.cursor })
  return { items: page.items.map((o) => summaryOf(o, ctx.now, timeZone)), nextCursor: page.nextCursor }
}

const OPEN_STAGES: OrderStage[] = ['pending_deposit', 'confirmed', 'shot', 'selecting', 'retouching', 'designing', 'proofing', 'producing', 'ready']

/** Per stage, the orders whose expected date is before today: one index query per stage, oldest first. */
export async function overdueList(deps: OrderAppDeps, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { timeZone } = await orderContextOf(deps, caller.studioId)
  const today = studioDate(ctx.now, timeZone)
  const stages = await Promise.all(
    OPEN_STAGES.map(async (stage) => {
      const { items } = await deps.orders.byStage(caller.studioId, stage, { limit: 100, before: today })
      return { stage, items: items.filter((o) => isOverdue(o.expectedBy, today)).map((o) => summaryOf(o, ctx.now, timeZone)) }
    }),
  )
  return { asOf: today, stages: stages.filter((s) => s.items.length > 0) }
}

const QUEUE_STAGES: OrderStage[] = ['shot', 'retouching', 'designing', 'proofing', 'producing', 'ready']

export async function queue(deps: OrderAppDeps, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { timeZone } = await orderContextOf(deps, caller.studioId)
  const stages = await Promise.all(
    QUEUE_STAGES.map(async (stage) => ({
      stage,
      items: (await deps.orders.byStage(caller.studioId, stage, { limit: 100 })).items.map((o) => summaryOf(o, ctx.now, timeZone)),
    })),
  )
  return { stages }
}

async function loadOrder(deps: OrderAppDeps, caller: Caller, orderId: string): Promise<OrderRecord> {
  const order = await deps.orders.get(caller.studioId, orderId)
  if (!visibleTo(order, caller)) throw notFound('Order')
  return order
}

/** Photos whose upload never arrived are dropped; a stage that shows photos needs at least one. */
async function requirePhotos(deps: OrderAppDeps, order: OrderRecord, kind: 'proof' | 'design') {
  const partition = await deps.orders.partition(order.studioId, order.id)
  let present = 0
  for (const photo of partition?.photos.filter((p) => p.kind === kind) ?? []) {
    if (await deps.files.stat(photo.key)) present++
    else await deps.orders.removePhoto(order.studioId, order.id, photo.id)
  }
  if (present === 0) throw new DomainError('PRECONDITION_FAILED', kind === 'proof' ? 'Upload the proofs first' : 'Upload the album design first')
}

/**
 * Moves an order one step, as the stage's role allows. `from` is the stage the caller saw:
 * if the order moved meanwhile, nothing happens (ILLEGAL_TRANSITION).
 */
export async function advance(deps: OrderAppDeps, input: z.output<typeof advanceOrder.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const order = await loadOrder(deps, caller, input.orderId)
  if (order.stage !== input.from) throw new DomainError('ILLEGAL_TRANSITION', `The order is ${order.stage} now, not ${input.from}`)
  checkTransition(input.from, input.to, caller.roles)
  if (input.from === 'selecting' || input.from === 'proofing') {
    throw new DomainError('PRECONDITION_FAILED', input.from === 'selecting' ? 'Confirm the photo selection to move on' : 'Approve the design or ask for a revision')
  }
  if (input.to === 'cancelled') return cancelOrder(deps, order, input.note, ctx)
  if (input.to === 'selecting') await requirePhotos(deps, order, 'proof')
  if (input.to === 'proofing') await requirePhotos(deps, order, 'design')
  if (input.to === 'ready' && !order.labSentAt) throw new DomainError('PRECONDITION_FAILED', 'Send it to the lab first')
  const context = await orderContextOf(deps, caller.studioId)
  const change = stageChange(order, input.to, actorOf(caller), ctx.now, context, {
    note: input.note,
    requireZeroBalance: input.to === 'completed',
    clearWork: input.to !== 'ready' && input.to !== 'completed',
    set: input.to === 'proofing' ? { proofRounds: [...order.proofRounds, { round: order.proofRounds.length + 1, sentAt: ctx.now.toISOString() }] } : undefined,
    expectVersion: input.to === 'proofing' ? order.version : undefined,
  })
  return deps.orders.changeStage(order, change, await deps.books.stageReached(order, change))
}

async function cancelOrder(deps: OrderAppDeps, order: OrderRecord, note: string | undefined, ctx: RequestContext) {
  const caller = callerOf(ctx)
  if (order.appointmentId) {
    await cancelShoot(deps, { appointmentId: order.appointmentId, reason: note }, ctx)
  } else {
    // An order with no booking behind it gives back everything paid.
    const change = stageChange(order, 'cancelled', actorOf(caller), ctx.now, await orderContextOf(deps, caller.studioId), { note, set: { refundDueFen: order.paidFen } })
    await deps.orders.changeStage(order, change)
  }
  await refundCancellation(deps, caller.studioId, order.id, ctx.now)
  return (await deps.orders.get(caller.studioId, order.id))!
}

/**
 * Add-ons, discount and notes. The version read must still be the order's: two people
 * editing at once cannot overwrite each other (VERSION_CONFLICT), and a payment arriving
 * meanwhile also bumps the version. The total may never fall below what is paid.
 */
export async function editOrder(deps: OrderAppDeps, input: z.output<typeof updateOrder.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const order = await loadOrder(deps, caller, input.orderId)
  if (order.version !== input.version) throw new DomainError('VERSION_CONFLICT', 'Someone else changed this order meanwhile; reload to see their change, then try again')
  if (order.stage === 'completed' || order.stage === 'cancelled') throw new DomainError('ILLEGAL_TRANSITION', `A ${order.stage} order cannot be changed`)
  const context = await orderContextOf(deps, caller.studioId)
  const discountFen = input.discountFen ?? order.discountFen
  if (discountFen !== order.discountFen) checkDiscount(discountFen, order.package.priceFen, context.settings, caller.roles)
  const kept = order.addOns.filter((a) => a.kind === 'extra_photos' || a.id === 'surcharge')
  const addOns = input.addOns ? await priceAddOns(deps, caller.studioId, input.addOns, kept) : order.addOns
  const totalFen = orderTotal(order.package.priceFen, addOns, discountFen)
  if (totalFen < order.paidFen) throw new DomainError('OVERPAYMENT', `The total would fall below the ${order.paidFen} fen already paid`)
  const next: OrderRecord = {
    ...order,
    addOns,
    discountFen,
    discountReason: input.discountReason ?? order.discountReason,
    notes: input.notes ?? order.notes,
    totalFen,
    balanceFen: totalFen - order.paidFen,
    depositFen: Math.min(order.depositFen, totalFen),
    version: order.version + 1,
    updatedAt: ctx.now.toISOString(),
  }
  const audit: NewAuditEntry[] = [{ action: 'order.updated', actorId: caller.id, actorName: caller.displayName, targetId: order.id, detail: { totalFen: { from: order.totalFen, to: totalFen } } }]
  if (discountFen !== order.discountFen) {
    audit.push({ action: 'order.discounted', actorId: caller.id, actorName: caller.displayName, targetId: order.id, detail: { discountFen: { from: order.discountFen, to: discountFen }, reason: next.discountReason } })
  }
  await deps.orders.replace(next, input.version, audit)
  return next
}

export async function takeWork(deps: OrderAppDeps, input: z.output<typeof takeOrder.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const order = await loadOrder(deps, caller, input.orderId)
  if (order.stage !== 'retouching' && order.stage !== 'designing') throw new DomainError('ILLEGAL_TRANSITION', 'Only orders in retouching or design can be taken')
  if (order.assignee) throw new DomainError('CONFLICT', `${order.assignee.name} has taken this order`)
  return deps.orders.take(order, { id: caller.id, name: caller.displayName }, ctx.now.toISOString())
}

export async function toLab(deps: OrderAppDeps, input: z.output<typeof sendToLab.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const order = await loadOrder(deps, caller, input.orderId)
  if (order.stage !== 'producing') throw new DomainError('ILLEGAL_TRANSITION', 'Only orders in production go to the lab')
  return deps.orders.markSentToLab(order, ctx.now.toISOString())
}
