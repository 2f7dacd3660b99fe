import type { z } from 'zod'
import type * as op from '../../types/order-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { orderSettingsOf } from './model'
import type { OrderRepository } from './ports'

export async function getOrderSettings(deps: { orders: OrderRepository }, _input: z.output<typeof op.getOrderSettings.input>, ctx: RequestContext) {
  return orderSettingsOf(deps, callerOf(ctx).studioId)
}

export async function saveOrderSettings(deps: { orders: OrderRepository }, input: z.output<typeof op.saveOrderSettings.input>, ctx: RequestContext) {
  await deps.orders.saveSettings(callerOf(ctx).studioId, input)
  return input
}
