import type { z } from 'zod'
import type * as op from '../../types/order-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { checkTransition, selectionPrice } from '../domain/order'
import { DomainError } from '../domain/errors'
import { actorOf, orderContextOf, stageChange, type OrderContextPorts } from './model'
import { loadPartition } from './photos'
import type { Bookkeeping, OrderPartition, OrderRepository } from './ports'

function checkPicks(partition: OrderPartition, photoIds: string[]) {
  const known = new Set(partition.photos.filter((p) => p.kind === 'proof').map((p) => p.id))
  const unknown = photoIds.findIndex((id) => !known.has(id))
  if (unknown >= 0) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path: `photoIds.${unknown}`, message: 'is not a proof of this order' }] })
  if (new Set(photoIds).size !== photoIds.length) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path: 'photoIds', message: 'must not repeat a photo' }] })
}

export async function saveSelection(deps: { orders: OrderRepository }, input: z.output<typeof op.saveSelection.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const partition = await loadPartition(deps, caller, input.orderId)
  if (partition.order.stage !== 'selecting') throw new DomainError('SELECTION_LOCKED', 'The selection is not open')
  checkPicks(partition, input.photoIds)
  await deps.orders.saveDraft(partition.order, input.photoIds)
  const { order } = partition
  return { photoIds: input.photoIds, ...selectionPrice(input.photoIds.length, order.package.retouchedPhotos, order.package.extraPhotoPriceFen) }
}

/**
 * Confirms the selection: it is locked, the extra photos become an add-on (raising the
 * total and the balance) and the order moves to retouching — one conditional write.
 */
export async function confirmSelection(deps: OrderContextPorts & { books: Bookkeeping }, input: z.output<typeof op.confirmSelection.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const partition = await loadPartition(deps, caller, input.orderId)
  const { order } = partition
  if (order.stage !== 'selecting') throw new DomainError(order.selection?.confirmedAt ? 'SELECTION_LOCKED' : 'ILLEGAL_TRANSITION', 'The selection is not open')
  checkTransition('selecting', 'retouching', caller.roles)
  checkPicks(partition, input.photoIds)
  const price = selectionPrice(input.photoIds.length, order.package.retouchedPhotos, order.package.extraPhotoPriceFen)
  const by = actorOf(caller)
  const selection = { photoIds: input.photoIds, ...price, confirmedAt: ctx.now.toISOString(), confirmedBy: by }
  const addOns = price.extraCount > 0
    ? [...order.addOns, { id: 'extra-photos', kind: 'extra_photos' as const, name: '加选照片', quantity: price.extraCount, unitFen: order.package.extraPhotoPriceFen, amountFen: price.extraFen }]
    : order.addOns
  const context = await orderContextOf(deps, caller.studioId)
  const change = stageChange(order, 'retouching', by, ctx.now, context, {
    note: price.extraCount > 0 ? `${input.photoIds.length} photos, ${price.extraCount} extra` : `${input.photoIds.length} photos`,
    set: { selection, addOns },
    addToTotalFen: price.extraFen,
    clearWork: true,
    expectVersion: order.version,
  })
  // The extra photos sold at selection earn the upsell (选片/二销) commission with the move.
  return deps.orders.changeStage(order, change, await deps.books.stageReached(order, change))
}
