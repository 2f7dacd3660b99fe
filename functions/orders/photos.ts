import { ulid } from 'ulid'
import type { z } from 'zod'
import type * as op from '../../types/order-operations'
import { callerOf, type Caller, type RequestContext } from '../domain/context'
import { selectionPrice } from '../domain/order'
import { DomainError, notFound } from '../domain/errors'
import { seesMoney, visibleTo } from './model'
import type { FileStore, OrderPartition, OrderRepository, PhotoRecord } from './ports'

interface PhotoPorts {
  orders: OrderRepository
  files: FileStore
}

/** Proofs may be large camera JPEGs; links last long enough for a slow upload from a phone. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024
const UPLOAD_SECONDS = 30 * 60
const VIEW_SECONDS = 2 * 60 * 60
const THUMB_WIDTH = 360
const PREVIEW_WIDTH = 1600

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

/** A stored photo's links for a grid, the viewer and the original, each signed for a while. */
export async function photoLinks(files: FileStore, key: string) {
  return {
    thumbUrl: await files.downloadUrl(key, { expiresInSeconds: VIEW_SECONDS, thumbnailWidth: THUMB_WIDTH }),
    previewUrl: await files.downloadUrl(key, { expiresInSeconds: VIEW_SECONDS, thumbnailWidth: PREVIEW_WIDTH }),
    url: await files.downloadUrl(key, { expiresInSeconds: VIEW_SECONDS }),
  }
}

export async function loadPartition(deps: { orders: OrderRepository }, caller: Caller, orderId: string): Promise<OrderPartition> {
  const partition = await deps.orders.partition(caller.studioId, orderId)
  if (!partition || !visibleTo(partition.order, caller)) throw notFound('Order')
  return partition
}

/** Upload links for proofs (after the shoot, until selection is confirmed) or design pages (while designing). */
export async function prepareUploads(deps: PhotoPorts, input: z.output<typeof op.prepareUploads.input>, ctx: RequestContext) {
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

export async function listPhotos(deps: PhotoPorts, input: z.output<typeof op.listPhotos.input>, ctx: RequestContext) {
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
      ...(await photoLinks(deps.files, p.key)),
    })),
  )
  const picked = order.selection?.confirmedAt ? order.selection.photoIds : (partition.draft?.photoIds ?? [])
  const selection = order.selection?.confirmedAt
    ? order.selection
    : { photoIds: picked, ...selectionPrice(picked.length, order.package.retouchedPhotos, order.package.extraPhotoPriceFen) }
  // A role that sees no money gets the selection without what the extras cost.
  const money = seesMoney(caller)
  const { extraFen, ...counts } = selection
  return {
    items,
    selection: money ? { ...counts, extraFen } : counts,
    included: order.package.retouchedPhotos,
    extraPhotoPriceFen: money ? order.package.extraPhotoPriceFen : undefined,
    locked: Boolean(order.selection?.confirmedAt) || order.stage !== 'selecting',
  }
}

export async function removePhoto(deps: PhotoPorts, input: z.output<typeof op.removePhoto.input>, ctx: RequestContext) {
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
