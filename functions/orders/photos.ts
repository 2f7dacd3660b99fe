import { ulid } from 'ulid'
import type { z } from 'zod'
import type { confirmSelection, decideProof, listPhotos, prepareUploads, removePhoto, saveSelection } from '../../types/order-operations'
import { callerOf, type Caller, type RequestContext } from '../api/context'
import { checkTransition, selectionPrice } from '../domain/order'
import { DomainError, notFound } from '../domain/errors'
import { actorOf, stageChange, visibleTo, orderContextOf } from './model'
import type { OrderAppDeps } from './orders'
import type { OrderPartition, PhotoRecord } from './ports'

/** Proofs may be large camera JPEGs; links last long enough for a slow upload from a phone. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024
const UPLOAD_SECONDS = 30 * 60
const VIEW_SECONDS = 2 * 60 * 60
const THUMB_WIDTH = 360

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

async function loadPartition(deps: OrderAppDeps, caller: Caller, orderId: string): Promise<OrderPartition> {
  const partition = await deps.orders.partition(caller.studioId, orderId)
  if (!partition || !visibleTo(partition.order, caller)) throw notFound('Order')
  return partition
}

/** Upload links for proofs (after the shoot, until selection is confirmed) or design pages (while designing). */
export async function prepareUpload(deps: OrderAppDeps, input: z.output<typeof prepareUploads.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { order } = await loadPartition(deps, caller, input.orderId)
  const allowed = input.kind === 'proof' ? ['shot', 'selecting'] : ['designing']
  if (!allowed.includes(order.stage)) {
    throw new DomainError('ILLEGAL_TRANSITION', input.kind === 'proof' ? 'Proofs are uploaded after the shoot and before the selection is confirmed' : 'Design pages are uploaded while the album is designed')
  }
  const photos: PhotoRecord[] = input.files.map((file) => {
    const id = ulid(ctx.now.getTime())
    return {
      id,
      studioId: caller.studioId,
      orderId: order.id,
      kind: input.kind,
      name: file.name,
      key: `studios/${caller.studioId}/orders/${order.id}/${input.kind}/${id}.${EXTENSIONS[file.contentType]}`,
      contentType: file.contentType,
      uploadedAt: ctx.now.toISOString(),
    }
  })
  await deps.orders.putPhotos(photos)
  const items = await Promise.all(
    photos.map(async (p) => ({
      photoId: p.id,
      name: p.name,
      upload: await deps.files.uploadTarget(p.key, { contentType: p.contentType, maxBytes: MAX_PHOTO_BYTES, expiresInSeconds: UPLOAD_SECONDS }),
    })),
  )
  return { items }
}

export async function photoList(deps: OrderAppDeps, input: z.output<typeof listPhotos.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const partition = await loadPartition(deps, caller, input.orderId)
  const { order } = partition
  const photos = partition.photos.filter((p) => p.kind === input.kind)
  const items = await Promise.all(
    photos.map(async (p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      uploadedAt: p.uploadedAt,
      thumbUrl: await deps.files.downloadUrl(p.key, { expiresInSeconds: VIEW_SECONDS, thumbnailWidth: THUMB_WIDTH }),
      url: await deps.files.downloadUrl(p.key, { expiresInSeconds: VIEW_SECONDS }),
    })),
  )
  const picked = order.selection?.confirmedAt ? order.selection.photoIds : (partition.draft?.photoIds ?? [])
  const selection = order.selection?.confirmedAt
    ? order.selection
    : { photoIds: picked, ...selectionPrice(picked.length, order.package.retouchedPhotos, order.package.extraPhotoPriceFen) }
  return {
    items,
    selection,
    included: order.package.retouchedPhotos,
    extraPhotoPriceFen: order.package.extraPhotoPriceFen,
    locked: Boolean(order.selection?.confirmedAt) || order.stage !== 'selecting',
  }
}

export async function deletePhoto(deps: OrderAppDeps, input: z.output<typeof removePhoto.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const partition = await loadPartition(deps, caller, input.orderId)
  const photo = partition.photos.find((p) => p.id === input.photoId)
  if (!photo) throw notFound('Photo')
  if (photo.kind === 'proof' && (partition.order.selection?.confirmedAt || !['shot', 'selecting'].includes(partition.order.stage))) {
    throw new DomainError('SELECTION_LOCKED', 'Proofs stay once the selection is confirmed')
  }
  await deps.orders.removePhoto(caller.studioId, partition.order.id, photo.id)
  await deps.files.remove(photo.key)
  return { ok: true as const }
}

function checkPicks(partition: OrderPartition, photoIds: string[]) {
  const known = new Set(partition.photos.filter((p) => p.kind === 'proof').map((p) => p.id))
  const unknown = photoIds.findIndex((id) => !known.has(id))
  if (unknown >= 0) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path: `photoIds.${unknown}`, message: 'is not a proof of this order' }] })
  if (new Set(photoIds).size !== photoIds.length) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path: 'photoIds', message: 'must not repeat a photo' }] })
}

export async function keepSelection(deps: OrderAppDeps, input: z.output<typeof saveSelection.input>, ctx: RequestContext) {
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
export async function lockSelection(deps: OrderAppDeps, input: z.output<typeof confirmSelection.input>, ctx: RequestContext) {
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

/** The customer (or the desk with them) approves the album design, or sends it back with a comment. */
export async function decide(deps: OrderAppDeps, input: z.output<typeof decideProof.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { order } = await loadPartition(deps, caller, input.orderId)
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
  const context = await orderContextOf(deps, caller.studioId)
  return deps.orders.changeStage(
    order,
    stageChange(order, to, by, ctx.now, context, {
      note: input.decision === 'revise' ? input.comment : undefined,
      set: { proofRounds: [...rounds.slice(0, -1), decided] },
      clearWork: true,
      expectVersion: order.version,
    }),
  )
}
