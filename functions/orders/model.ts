import type { Actor, Order, OrderSettings, OrderStage, OrderSummary, OrderSummaryView, WorkOrder } from '../../types/orders'
import { defaultOrderSettings, seesMoney as rolesSeeMoney } from '../../types/vocabulary'
import type { Package } from '../../types/catalog'
import type { SourceChannel } from '../../types/customers'
import type { Caller } from '../domain/context'
import { expectedBy, isOverdue } from '../domain/order'
import { withinBranch } from '../domain/permissions'
import { studioDate } from '../domain/time'
import type { IdentityRepository } from '../identity/ports'
import { studioTimeZone } from '../identity/studio-time-zone'
import type { OrderRecord, OrderRepository, StageChange } from './ports'

/** What dating an order's stages needs: its settings and the studio's time zone. */
export interface OrderContextPorts {
  orders: OrderRepository
  repo: IdentityRepository
}

export const SYSTEM: Actor = { id: 'system', name: 'system', role: 'system' }

export { actorOf } from '../domain/context'

export async function orderSettingsOf(deps: { orders: OrderRepository }, studioId: string): Promise<OrderSettings> {
  return (await deps.orders.getSettings(studioId)) ?? defaultOrderSettings
}

/** What a stage change needs to date the next stage: the order settings and the studio's time zone, read together. */
export async function orderContextOf(deps: OrderContextPorts, studioId: string): Promise<{ settings: OrderSettings; timeZone: string }> {
  const [settings, timeZone] = await Promise.all([orderSettingsOf(deps, studioId), studioTimeZone(deps, studioId)])
  return { settings, timeZone }
}

/** Whether a customer had any order before (for the reports' returning customers). */
export async function hasOrdered(deps: { orders: OrderRepository }, studioId: string, customerId: string): Promise<boolean> {
  return (await deps.orders.ofCustomer(studioId, customerId)).length > 0
}

/** A stage change with the expected date of the stage entered. */
export function stageChange(
  order: Pick<OrderRecord, 'stage' | 'shootAt'>,
  to: OrderStage,
  by: Actor,
  at: Date,
  context: { settings: OrderSettings; timeZone: string },
  extra: Omit<StageChange, 'from' | 'to' | 'event' | 'expectedBy'> & { note?: string; from?: OrderStage } = {},
): StageChange {
  const { note, from, ...rest } = extra
  return {
    from: from ?? order.stage,
    to,
    event: { at: at.toISOString(), by, ...(note ? { note } : {}) },
    expectedBy: expectedBy(to, at, context.settings, context.timeZone, order.shootAt),
    ...rest,
  }
}

/** A new order, priced from the package as it is today: later price changes never alter it. */
export function newOrder(input: {
  id: string
  studioId: string
  customer: { id: string; name: string; source?: SourceChannel }
  /** Whether the customer had an order before this one. */
  returning?: boolean
  pkg: Package
  branchId?: string
  appointmentId?: string
  shootAt?: string
  addOns: OrderRecord['addOns']
  discountFen: number
  discountReason?: string
  notes?: string
  totalFen: number
  by: Actor
  now: Date
  settings: OrderSettings
  timeZone: string
}): OrderRecord {
  const at = input.now.toISOString()
  return {
    id: input.id,
    studioId: input.studioId,
    customerId: input.customer.id,
    customerName: input.customer.name,
    channel: input.customer.source ?? 'unknown',
    returning: input.returning ?? false,
    branchId: input.branchId,
    stage: 'pending_deposit',
    package: {
      id: input.pkg.id,
      name: input.pkg.name,
      priceFen: input.pkg.priceFen,
      depositFen: input.pkg.depositFen,
      shootMinutes: input.pkg.shootMinutes,
      retouchedPhotos: input.pkg.retouchedPhotos,
      extraPhotoPriceFen: input.pkg.extraPhotoPriceFen,
    },
    addOns: input.addOns,
    discountFen: input.discountFen,
    discountReason: input.discountReason,
    totalFen: input.totalFen,
    paidFen: 0,
    balanceFen: input.totalFen,
    unauditedFen: 0,
    refundedFen: 0,
    depositFen: Math.min(input.pkg.depositFen, input.totalFen),
    appointmentId: input.appointmentId,
    shootAt: input.shootAt,
    timeline: [{ stage: 'pending_deposit', at, by: input.by }],
    stageEnteredAt: at,
    expectedBy: expectedBy('pending_deposit', input.now, input.settings, input.timeZone),
    proofRounds: [],
    notes: input.notes,
    version: 1,
    createdAt: at,
    updatedAt: at,
  }
}

export function summaryOf(order: OrderRecord, now: Date, timeZone: string): OrderSummary {
  return {
    id: order.id,
    customerId: order.customerId,
    customerName: order.customerName,
    stage: order.stage,
    totalFen: order.totalFen,
    paidFen: order.paidFen,
    balanceFen: order.balanceFen,
    expectedBy: order.expectedBy,
    stageEnteredAt: order.stageEnteredAt,
    shootAt: order.shootAt,
    assignee: order.assignee,
    labSentAt: order.labSentAt,
    version: order.version,
    createdAt: order.createdAt,
    packageName: order.package.name,
    overdue: isOverdue(order.expectedBy, studioDate(now, timeZone)),
  }
}

/** Whether the caller sees an order's money: a customer and the desk do, the crew (photographer, makeup artist, retoucher) does not. */
export const seesMoney = (caller: Caller) => rolesSeeMoney(caller.roles)

/** The order as the caller may see it: without any amount for a role that sees no money. */
export const orderSeenBy = (caller: Caller, order: Order): Order | WorkOrder => (seesMoney(caller) ? order : withoutMoney(order))

/**
 * The order without any amount, as the work order's schema keeps it. That schema (with the
 * order's whole graph) is built when a request first needs it, not when the function loads.
 */
export function withoutMoney(order: Order | WorkOrder): WorkOrder {
  const { WorkOrderSchema } = require('../../types/orders') as typeof import('../../types/orders')
  return WorkOrderSchema.parse(order)
}

/** A list's summary as the caller may see it: without total, paid and balance for a role that sees no money. */
export function summarySeenBy(caller: Caller, summary: OrderSummary): OrderSummaryView {
  if (seesMoney(caller)) return summary
  const { totalFen: _total, paidFen: _paid, balanceFen: _balance, ...work } = summary
  return work
}

/** What a caller may see of an order: customers only their own; anything else is "not found". */
/** Whether the caller may see and act on the order: a customer their own, staff their branch's (admins every branch's). */
export function visibleTo(order: OrderRecord | undefined, caller: Caller): order is OrderRecord {
  if (!order) return false
  return caller.kind === 'staff' ? withinBranch(caller, order.branchId) : order.customerId === caller.id
}

/** The orders of a list the caller may see (staff of a branch see their branch's). */
export const inBranchOf = <T extends { branchId?: string }>(caller: Caller, items: T[]): T[] => items.filter((o) => withinBranch(caller, o.branchId))
