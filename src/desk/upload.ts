import Taro from '@tarojs/taro'
import { prepareUploads } from '../../types/order-operations'
import { call } from '../api'
import { contentTypeOf, sendFile, type ContentType } from '../lib/upload'

export { UploadFailed } from '../lib/upload'

export type PhotoKind = 'proof' | 'design'

const MAX_PER_CHOICE = 9

export interface UploadProgress {
  /** Files finished so far. */
  done: number
  total: number
  /** Of the file being sent now. */
  percent: number
}

function nameOf(file: Taro.chooseImage.ImageFile, index: number): string {
  const name = file.originalFileObj?.name ?? file.path.split('/').pop() ?? ''
  return (name || `photo-${index + 1}.jpg`).slice(-80)
}

/**
 * Lets the person pick photos (album or camera), asks the API for an upload link per photo and
 * sends each one as a form upload, reporting progress. Resolves with how many were sent, or 0
 * when nothing was chosen; photos of a type the studio does not take are left out and counted.
 */
export async function chooseAndUpload(orderId: string, kind: PhotoKind, onProgress: (progress: UploadProgress) => void): Promise<{ sent: number; skipped: number }> {
  let chosen: Taro.chooseImage.SuccessCallbackResult
  try {
    chosen = await Taro.chooseImage({ count: MAX_PER_CHOICE, sizeType: ['original'], sourceType: ['album', 'camera'] })
  } catch {
    return { sent: 0, skipped: 0 }
  }
  const files = chosen.tempFiles
    .map((file, index) => ({ path: file.path, name: nameOf(file, index), contentType: contentTypeOf(file) }))
    .filter((file): file is { path: string; name: string; contentType: ContentType } => file.contentType !== undefined)
  const skipped = chosen.tempFiles.length - files.length
  if (files.length === 0) return { sent: 0, skipped }
  const { items } = await call(prepareUploads, { orderId, kind, files: files.map(({ name, contentType }) => ({ name, contentType })) })
  for (const [index, item] of items.entries()) {
    onProgress({ done: index, total: items.length, percent: 0 })
    await sendFile(item.upload.url, files[index]!.path, item.upload.fileField, item.upload.fields, (percent) => onProgress({ done: index, total: items.length, percent }))
  }
  onProgress({ done: items.length, total: items.length, percent: 100 })
  return { sent: items.length, skipped }
}
