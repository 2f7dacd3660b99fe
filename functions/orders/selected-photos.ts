import type { z } from 'zod'
import type * as op from '../../types/order-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { excelCsv } from '../domain/excel-csv'
import type { FileStore, OrderRepository } from './ports'
import { loadPartition, photoLinks } from './photos'

const HEADERS = ['序号', '文件名', '类型']

/**
 * The confirmed selection as the retoucher works from it:
 * 1. the order in the caller's branch, its selection confirmed;
 * 2. each selected proof numbered by its place among the order's proofs (as the customer saw them),
 *    the ones picked beyond the package's count marked extra (加选), in number order;
 * 3. the same list as an Excel-safe CSV of file names, to find the originals on the studio's disk.
 * No amounts: what the extras cost is the desk's business.
 */
export async function selectedPhotos(deps: { orders: OrderRepository; files: FileStore }, input: z.output<typeof op.selectedPhotos.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { order, photos } = await loadPartition(deps, caller, input.orderId)
  const selection = order.selection
  if (!selection?.confirmedAt) throw new DomainError('PRECONDITION_FAILED', 'The customer has not confirmed the selection yet')
  const proofs = photos.filter((p) => p.kind === 'proof')
  const numberOf = new Map(proofs.map((p, index) => [p.id, index + 1]))
  const extras = new Set(selection.photoIds.slice(selection.includedCount))
  const chosen = proofs.filter((p) => selection.photoIds.includes(p.id))
  const items = await Promise.all(
    chosen.map(async (p) => ({
      photoId: p.id,
      number: numberOf.get(p.id)!,
      name: p.name,
      ...(await photoLinks(deps.files, p.key)),
      extra: extras.has(p.id),
    })),
  )
  const rows = items.map((item) => [String(item.number), item.name, item.extra ? '加选' : '套系内'])
  return {
    orderId: order.id,
    customerName: order.customerName,
    packageName: order.package.name,
    stage: order.stage,
    included: selection.includedCount,
    items,
    filename: `selection-${order.id}.csv`,
    csv: excelCsv([HEADERS, ...rows]),
  }
}
