import Taro from '@tarojs/taro'
import { countWrite } from '../api'

export type ContentType = 'image/jpeg' | 'image/png' | 'image/webp'

/** One file could not be sent: the file server or storage refused it. */
export class UploadFailed extends Error {}

const TYPES_BY_EXTENSION: Record<string, ContentType> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

export function contentTypeOf(file: Taro.chooseImage.ImageFile): ContentType | undefined {
  const declared = file.type ?? file.originalFileObj?.type
  if (declared === 'image/jpeg' || declared === 'image/png' || declared === 'image/webp') return declared
  const extension = /\.([a-z0-9]+)$/i.exec(file.originalFileObj?.name ?? file.path)?.[1]?.toLowerCase()
  // Inside WeChat chosen photos are temporary JPEG files unless their name says otherwise.
  return extension ? TYPES_BY_EXTENSION[extension] : process.env.TARO_ENV === 'weapp' ? 'image/jpeg' : undefined
}

/** Sends one file as a form upload to a link the API handed out, its signed fields first; a file the store took counts as a write. */
export function sendFile(url: string, filePath: string, fileField: string, fields: Record<string, string>, onPercent: (percent: number) => void) {
  return new Promise<void>((resolve, reject) => {
    const task = Taro.uploadFile({
      url,
      filePath,
      name: fileField,
      formData: fields,
      // The file store answers any origin, which browsers refuse for requests sent with cookies.
      withCredentials: false,
      success: (result) => {
        if (result.statusCode < 200 || result.statusCode >= 300) return reject(new UploadFailed(`HTTP ${result.statusCode}`))
        countWrite()
        resolve()
      },
      fail: (result) => reject(new UploadFailed(result.errMsg)),
    })
    task.progress((update) => onPercent(update.progress))
  })
}

