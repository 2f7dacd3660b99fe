import Taro from '@tarojs/taro'
import { prepareReceiptUpload } from '../../types/finance-operations'
import { call } from '../api'
import { contentTypeOf, sendFile } from '../lib/upload'

/**
 * Lets the person take or pick one receipt photo and sends it straight to the file store.
 * Resolves with its key and the local path to show, or undefined when nothing was chosen.
 */
export async function chooseAndUploadReceipt(onPercent: (percent: number) => void): Promise<{ receiptKey: string; preview: string } | undefined> {
  let chosen: Taro.chooseImage.SuccessCallbackResult
  try {
    chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
  } catch {
    return undefined
  }
  const file = chosen.tempFiles[0]
  const contentType = file && contentTypeOf(file)
  if (!file || !contentType) return undefined
  const { receiptKey, upload } = await call(prepareReceiptUpload, { contentType })
  await sendFile(upload.url, file.path, upload.fileField, upload.fields, onPercent)
  return { receiptKey, preview: file.path }
}
