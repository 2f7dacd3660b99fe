import type { z } from 'zod'
import type { redoProduction as operation } from '../../types/production-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError, notFound } from '../domain/errors'
import { materialIssues } from '../domain/stock'
import { actorOf, orderContextOf, stageChange, visibleTo } from '../orders/model'
import { consumptionOf } from './consumption'
import type { ProductionDeps } from './ports'

/**
 * A product came back wrong and is made again (返工).
 * 1. The materials named must be the studio's stock items; the order must still be back from the lab (ready), as the caller saw it.
 * 2. It returns to 制作 (to be sent to the lab again), with the reason on its timeline.
 * 3. Only the materials named are taken from stock, in the same transaction; none if none are named.
 */
export async function redoProduction(deps: ProductionDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const order = await deps.orders.get(caller.studioId, input.orderId)
  if (!visibleTo(order, caller)) throw notFound('Order')
  // What the caller named is checked before the order's state: another studio's item is never the answer's subject.
  const { items } = await deps.stock.load(caller.studioId)
  const unknown = materialIssues(input.materials, new Set(items.map((i) => i.id)))
  if (unknown.length) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: unknown })
  if (order.stage !== input.from) throw new DomainError('ILLEGAL_TRANSITION', `The order is ${order.stage} now, not ${input.from}`)
  const by = actorOf(caller)
  const change = stageChange(order, 'producing', by, ctx.now, await orderContextOf(deps, caller.studioId), { note: input.note, clearWork: true, expectVersion: order.version })
  const consumption = await consumptionOf(deps, order, input.materials, by, ctx.now.toISOString(), input.note)
  return deps.production.enterProduction(order, change, consumption, await deps.books.stageReached(order, change))
}
