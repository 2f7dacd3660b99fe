import type { z } from 'zod'
import type * as op from '../../types/order-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { assertMayChangeAcross } from '../domain/permissions'
import { orderSettingsOf } from './model'
import type { OrderRepository } from './ports'

export async function getOrderSettings(deps: { orders: OrderRepository }, _input: z.output<typeof op.getOrderSettings.input>, ctx: RequestContext) {
  return orderSettingsOf(deps, callerOf(ctx).studioId)
}

/** The studio's settings for every branch's orders: only its admin changes them, and the change is audited. */
export async function saveOrderSettings(deps: { orders: OrderRepository }, input: z.output<typeof op.saveOrderSettings.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  assertMayChangeAcross(caller)
  const before = await orderSettingsOf(deps, caller.studioId)
  await deps.orders.saveSettings(caller.studioId, input, { actorId: caller.id, actorName: caller.displayName, action: 'settings.orders_saved', detail: { before, after: input } })
  return input
}
