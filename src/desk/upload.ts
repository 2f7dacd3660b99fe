import Taro from '@tarojs/taro'
import { prepareUploads } from '../../types/order-operations'
import { call } from '../api'

export type PhotoKind = 'proof' | 'design'
type ContentType = 'image/jpeg' | 'image/png' | 'image/webp'

export interface UploadProgress {
  /** Files finished so far. */
  done: number
  total: number
  /** Of the file being sent now. */
  percent: number
}

/** One file could not be sent: the file server or storage refused it. */
export class UploadFailed extends Error {}

const TYPES_BY_EXTENSION: Record<string, ContentType> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }
const MAX_PER_CHOICE = 9

function contentTypeOf(file: Taro.chooseImage.ImageFile): ContentType | undefined {
  const declared = file.type ?? file.originalFileObj?.type
  if (declared === 'image/jpeg' || declared === 'image/png' || declared === 'image/webp') return declared
  const extension = /\.([a-z0-9]+)$/i.exec(file.originalFileObj?.name ?? file.path)?.[1]?.toLowerCase()
  // Inside WeChat chosen photos are temporary JPEG files unless their name says otherwise.
  return extension ? TYPES_BY_EXTENSION[extension] : process.env.TARO_ENV === 'weapp' ? 'image/jpeg' : undefined
}

function nameOf(file: Taro.chooseImage.ImageFile, index: number): string {
  const name = file.originalFileObj?.name ?? file.path.split('/').pop() ?? ''
  return (name || `photo-${index + 1}.jpg`).slice(-80)
}

function send(url: string, filePath: string, fileField: string, fields: Record<string, string>, onPercent: (percent: number) => void) {
  return new Promise<void>((resolve, reject) => {
    const task = Taro.uploadFile({
      url,
      filePath,
      name: fileField,
      formData: fields,
      // The file store answers any origin, which browsers refuse for requests sent with cookies.
      withCredentials: false,
      success: (result) => (result.statusCode >= 200 && result.statusCode < 300 ? resolve() : reject(new UploadFailed(`HTTP ${result.statusCode}`))),
      fail: (result) => reject(new UploadFailed(result.errMsg)),
    })
    task.progress((update) => onPercent(update.progress))
  })
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
    await send(item.upload.url, files[index]!.path, item.upload.fileField, item.upload.fields, (percent) => onProgress({ done: index, total: items.length, percent }))
  }
  onProgress({ done: items.length, total: items.length, percent: 100 })
  return { sent: items.length, skipped }
}
