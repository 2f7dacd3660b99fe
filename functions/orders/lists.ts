import type { z } from 'zod'
import type * as op from '../../types/order-operations'
import type { OrderStage } from '../../types/orders'
import type { CustomerRepository } from '../customers/ports'
import { callerOf, type RequestContext } from '../domain/context'
import { notFound } from '../domain/errors'
import { isOverdue } from '../domain/order'
import { studioDate } from '../domain/time'
import { orderDetail } from './detail'
import { inBranchOf, orderContextOf, summaryOf, summarySeenBy, withoutMoney, type OrderContextPorts } from './model'
import type { OrderRepository } from './ports'

export async function myOrders(deps: OrderContextPorts, _input: z.output<typeof op.myOrders.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { timeZone } = await orderContextOf(deps, caller.studioId)
  return { items: (await deps.orders.ofCustomer(caller.studioId, caller.id)).map((o) => summaryOf(o, ctx.now, timeZone)) }
}

export async function customerOrders(deps: OrderContextPorts & { customers: CustomerRepository }, input: z.output<typeof op.customerOrders.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  if (!(await deps.customers.getCustomer(caller.studioId, input.customerId))) throw notFound('Customer')
  const { timeZone } = await orderContextOf(deps, caller.studioId)
  return { items: inBranchOf(caller, await deps.orders.ofCustomer(caller.studioId, input.customerId)).map((o) => summaryOf(o, ctx.now, timeZone)) }
}

export async function getOrder(deps: { orders: OrderRepository }, input: z.output<typeof op.getOrder.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  return orderDetail(deps, caller.studioId, input.orderId, caller)
}

/** The order as post-production works it: no amounts, no payments. */
export async function getWorkOrder(deps: { orders: OrderRepository }, input: z.output<typeof op.getWorkOrder.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { order, nextStage } = await orderDetail(deps, caller.studioId, input.orderId, caller)
  return { order: withoutMoney(order), nextStage }
}

export async function listOrders(deps: OrderContextPorts, input: z.output<typeof op.listOrders.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { timeZone } = await orderContextOf(deps, caller.studioId)
  const page = await deps.orders.byStage(caller.studioId, input.stage, { limit: input.limit, cursor: input.cursor })
  return { items: inBranchOf(caller, page.items).map((o) => summarySeenBy(caller, summaryOf(o, ctx.now, timeZone))), nextCursor: page.nextCursor }
}

const OPEN_STAGES: OrderStage[] = ['pending_deposit', 'confirmed', 'shot', 'selecting', 'retouching', 'designing', 'proofing', 'producing', 'ready']

/** Per stage, the orders whose expected date is before today: one index query per stage, oldest first. */
export async function overdueOrders(deps: OrderContextPorts, _input: z.output<typeof op.overdueOrders.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { timeZone } = await orderContextOf(deps, caller.studioId)
  const today = studioDate(ctx.now, timeZone)
  const stages = await Promise.all(
    OPEN_STAGES.map(async (stage) => {
      const { items } = await deps.orders.byStage(caller.studioId, stage, { limit: 100, before: today })
      return { stage, items: inBranchOf(caller, items).filter((o) => isOverdue(o.expectedBy, today)).map((o) => summaryOf(o, ctx.now, timeZone)) }
    }),
  )
  return { asOf: today, stages: stages.filter((s) => s.items.length > 0) }
}

const QUEUE_STAGES: OrderStage[] = ['shot', 'retouching', 'designing', 'proofing', 'producing', 'ready']

export async function productionQueue(deps: OrderContextPorts, _input: z.output<typeof op.productionQueue.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { timeZone } = await orderContextOf(deps, caller.studioId)
  const stages = await Promise.all(
    QUEUE_STAGES.map(async (stage) => ({
      stage,
      items: inBranchOf(caller, (await deps.orders.byStage(caller.studioId, stage, { limit: 100 })).items).map((o) => summarySeenBy(caller, summaryOf(o, ctx.now, timeZone))),
    })),
  )
  return { stages }
}
