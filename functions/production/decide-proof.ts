import type { z } from 'zod'
import type { decideProof as operation } from '../../types/order-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { checkTransition } from '../domain/order'
import { DomainError, notFound } from '../domain/errors'
import { actorOf, orderContextOf, stageChange, visibleTo } from '../orders/model'
import { billOfMaterials, consumptionOf } from './consumption'
import type { ProductionDeps } from './ports'

/**
 * The customer (or the desk with them) approves the album design, or sends it back with a comment.
 * 1. The order must be waiting for approval (proofing), and the caller's role must decide it.
 * 2. The round's decision goes on the order; a revision goes back to design.
 * 3. An approval enters 制作: the order's bill of materials (from the catalogue) is taken from its
 *    branch's stock in the same transaction as the stage change — if any item is short, nothing
 *    is written and the refusal names every item short and by how much.
 */
export async function decideProof(deps: ProductionDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const order = await deps.orders.get(caller.studioId, input.orderId)
  if (!visibleTo(order, caller)) throw notFound('Order')
  if (order.stage !== 'proofing') throw new DomainError('ILLEGAL_TRANSITION', 'There is no design waiting for approval')
  const to = input.decision === 'approve' ? 'producing' : 'designing'
  checkTransition('proofing', to, caller.roles)
  const by = actorOf(caller)
  const rounds = order.proofRounds.length ? order.proofRounds : [{ round: 1, sentAt: order.stageEnteredAt }]
  const last = rounds[rounds.length - 1]!
  const decided = {
    ...last,
    decision: input.decision === 'approve' ? ('approved' as const) : ('revision' as const),
    comment: input.decision === 'revise' ? input.comment : undefined,
    decidedAt: ctx.now.toISOString(),
    decidedBy: by,
  }
  const change = stageChange(order, to, by, ctx.now, await orderContextOf(deps, caller.studioId), {
    note: input.decision === 'revise' ? input.comment : undefined,
    set: { proofRounds: [...rounds.slice(0, -1), decided] },
    clearWork: true,
    expectVersion: order.version,
  })
  const books = await deps.books.stageReached(order, change)
  if (to === 'designing') return deps.orders.changeStage(order, change, books)
  const consumption = await consumptionOf(deps, order, await billOfMaterials(deps, order), by, ctx.now.toISOString())
  return deps.production.enterProduction(order, change, consumption, books)
}
