import { randomInt } from 'node:crypto'
import { ulid } from 'ulid'
import { http, ok } from './http'
import { moveOrder, uploadGradients, uploadPhotos } from './orders'
import type { StaffTokens } from './production'

/**
 * An order sold at the desk, shot, its proofs uploaded (IMG_0001… in that order) and the selection
 * confirmed at the desk in the order given by `picks` (indexes into the proofs): the first
 * `retouchedPhotos` picks are the package's, the rest extra. It waits in 精修 (retouching).
 */
export async function orderWithSelection(tokens: StaffTokens, packageId: string, proofs: number, picks: number[], customerName = '陈小姐') {
  const phone = `137${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
  const customer = ok(await http('POST', '/customers', { token: tokens.reception, body: { name: customerName, phone } }), 'customer')
  const order = ok(await http('POST', '/orders', { token: tokens.reception, body: { requestId: ulid(), customerId: customer.id, packageId } }), 'order')
  ok(await http('POST', `/orders/${order.id}/payments`, { token: tokens.reception, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen } }), 'deposit')
  await moveOrder(tokens.photographer, order.id, 'confirmed', 'shot')
  const photoIds = await uploadGradients(tokens.photographer, order.id, 'proof', proofs)
  await moveOrder(tokens.photographer, order.id, 'shot', 'selecting')
  ok(await http('POST', `/orders/${order.id}/selection/confirm`, { token: tokens.reception, body: { photoIds: picks.map((i) => photoIds[i]!) } }), 'selection')
  return { orderId: order.id as string, photoIds }
}

/**
 * An order of the package sold at the desk in the branch (with `addOns`), its deposit taken in
 * cash, shot, and `proofs` tiny proofs uploaded: it waits in 选片 (selecting).
 */
export async function orderInSelection(tokens: StaffTokens, packageId: string, branchId: string, addOns: unknown[] = [], proofs = 3) {
  const phone = `136${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
  const customer = ok(await http('POST', '/customers', { token: tokens.reception, body: { name: '许小姐', phone, source: 'dianping' } }), 'customer')
  const order = ok(await http('POST', '/orders', { token: tokens.reception, body: { requestId: ulid(), customerId: customer.id, packageId, branchId, addOns } }), 'order')
  ok(await http('POST', `/orders/${order.id}/payments`, { token: tokens.reception, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen } }), 'deposit')
  await moveOrder(tokens.photographer, order.id, 'confirmed', 'shot')
  const photoIds = (await uploadPhotos(tokens.photographer, order.id, 'proof', proofs)).map((p) => p.photoId)
  await moveOrder(tokens.photographer, order.id, 'shot', 'selecting')
  return { orderId: order.id as string, proofs: photoIds }
}
