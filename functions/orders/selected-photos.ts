import type { z } from 'zod'
import type * as op from '../../types/order-operations'
import { callerOf, type Caller, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import type { FileStore, OrderRepository } from './ports'
import { loadPartition, photoLinks } from './photos'

/**
 * The confirmed selection as the retoucher works from it:
 * 1. the order in the caller's branch, its selection confirmed;
 * 2. each selected proof numbered by its place among the order's proofs (as the customer saw them),
 *    the ones picked beyond the package's count marked extra (加选), in number order.
 * No amounts: what the extras cost is the desk's business.
 */
export async function confirmedSelection(deps: { orders: OrderRepository }, caller: Caller, orderId: string) {
  const { order, photos } = await loadPartition(deps, caller, orderId)
  const selection = order.selection
  if (!selection?.confirmedAt) throw new DomainError('PRECONDITION_FAILED', 'The customer has not confirmed the selection yet')
  const proofs = photos.filter((p) => p.kind === 'proof')
  const numberOf = new Map(proofs.map((p, index) => [p.id, index + 1]))
  const extras = new Set(selection.photoIds.slice(selection.includedCount))
  const chosen = proofs
    .filter((p) => selection.photoIds.includes(p.id))
    .map((p) => ({ photoId: p.id, key: p.key, number: numberOf.get(p.id)!, name: p.name, extra: extras.has(p.id) }))
  return { order, included: selection.includedCount, chosen }
}

/** The selection with each photo's links, for the retoucher's page. */
export async function selectedPhotos(deps: { orders: OrderRepository; files: FileStore }, input: z.output<typeof op.selectedPhotos.input>, ctx: RequestContext) {
  const { order, included, chosen } = await confirmedSelection(deps, callerOf(ctx), input.orderId)
  const items = await Promise.all(chosen.map(async ({ key, ...item }) => ({ ...item, ...(await photoLinks(deps.files, key)) })))
  return { orderId: order.id, customerName: order.customerName, packageName: order.package.name, stage: order.stage, included, items }
}
