import type { z } from 'zod'
import type * as op from '../../types/order-operations'
import type { Caller } from '../domain/context'
import { checkTransition } from '../domain/order'
import { DomainError, notFound } from '../domain/errors'
import { actorOf, orderContextOf, stageChange, visibleTo, type OrderContextPorts } from './model'
import type { Bookkeeping, FileStore, OrderRecord, OrderRepository } from './ports'

type Move = z.output<typeof op.advanceOrder.input>

export async function loadOrder(deps: { orders: OrderRepository }, caller: Caller, orderId: string): Promise<OrderRecord> {
  const order = await deps.orders.get(caller.studioId, orderId)
  if (!visibleTo(order, caller)) throw notFound('Order')
  return order
}

/** Photos whose upload never arrived are dropped; a stage that shows photos needs at least one. */
async function requirePhotos(deps: { orders: OrderRepository; files: FileStore }, order: OrderRecord, kind: 'proof' | 'design') {
  const partition = await deps.orders.partition(order.studioId, order.id)
  let present = 0
  for (const photo of partition?.photos.filter((p) => p.kind === kind) ?? []) {
    if (await deps.files.stat(photo.key)) present++
    else await deps.orders.removePhoto(order.studioId, order.id, photo.id)
  }
  if (present === 0) throw new DomainError('PRECONDITION_FAILED', kind === 'proof' ? 'Upload the proofs first' : 'Upload the album design first')
}

/**
 * The order as the caller may move it: `from` is the stage they saw — if the order moved
 * meanwhile, nothing happens (ILLEGAL_TRANSITION) — and the move must be theirs to make.
 */
export async function orderToMove(deps: { orders: OrderRepository }, input: Move, caller: Caller): Promise<OrderRecord> {
  const order = await loadOrder(deps, caller, input.orderId)
  if (order.stage !== input.from) throw new DomainError('ILLEGAL_TRANSITION', `The order is ${order.stage} now, not ${input.from}`)
  checkTransition(input.from, input.to, caller.roles)
  if (input.from === 'selecting' || input.from === 'proofing') {
    throw new DomainError('PRECONDITION_FAILED', input.from === 'selecting' ? 'Confirm the photo selection to move on' : 'Approve the design or ask for a revision')
  }
  return order
}

/** Moves an order one step forward, as the stage's role allows (a cancellation also ends its booking: booking's advanceOrder). */
export async function moveOrder(deps: OrderContextPorts & { files: FileStore; books: Bookkeeping }, order: OrderRecord, input: Move, caller: Caller, now: Date) {
  if (input.to === 'selecting') await requirePhotos(deps, order, 'proof')
  if (input.to === 'proofing') await requirePhotos(deps, order, 'design')
  if (input.to === 'ready' && !order.labSentAt) throw new DomainError('PRECONDITION_FAILED', 'Send it to the lab first')
  const context = await orderContextOf(deps, caller.studioId)
  const change = stageChange(order, input.to, actorOf(caller), now, context, {
    note: input.note,
    requireZeroBalance: input.to === 'completed',
    clearWork: input.to !== 'ready' && input.to !== 'completed',
    set: input.to === 'proofing' ? { proofRounds: [...order.proofRounds, { round: order.proofRounds.length + 1, sentAt: now.toISOString() }] } : undefined,
    // Sent for approval as the retoucher saw it; a booked shoot marked shot at the date it was checked against (a move bumps the version).
    expectVersion: input.to === 'proofing' || (input.to === 'shot' && order.appointmentId) ? order.version : undefined,
  })
  // Commission the finished work earns (the shoot, retouching, design) is written with the move.
  return deps.orders.changeStage(order, change, await deps.books.stageReached(order, change))
}
