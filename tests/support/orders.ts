import { randomBytes } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import type { WeChatTransaction } from '../../functions/integrations/wechat-pay/crypto'
import { http, ok } from './http'
import { paidTransaction, signedNotification, type NotificationOptions, type TestWeChatPayKeys } from './wechat-pay'

/** The WeChat Pay keys the API under test was started with (the tests hold WeChat Pay's private key). */
export function apiPayKeys(): TestWeChatPayKeys {
  const keys = process.env.TEST_WECHATPAY_KEYS
  if (!keys) throw new Error('The API is not running: run the tests through jest (global setup)')
  return JSON.parse(keys) as TestWeChatPayKeys
}

/** A successful transaction for a prepay of ours, as WeChat Pay would report it. */
export function paidFor(studioId: string, orderId: string, prepay: { outTradeNo: string; amountFen: number }): WeChatTransaction {
  return paidTransaction(apiPayKeys(), {
    out_trade_no: prepay.outTradeNo,
    transaction_id: `42000${randomBytes(12).toString('hex').slice(0, 23)}`,
    attach: `${studioId}/${orderId}`,
    success_time: new Date().toISOString(),
    amount: { total: prepay.amountFen, payer_total: prepay.amountFen, currency: 'CNY', payer_currency: 'CNY' },
  })
}

/** Posts WeChat Pay's signed notification for `transaction` to the API's notify URL. */
export async function notify(transaction: Partial<WeChatTransaction>, options: NotificationOptions = {}) {
  const request = signedNotification(apiPayKeys(), transaction, options)
  // Header names are case-insensitive; one spelling each, so Content-Type is not sent twice.
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value!]))
  return http('POST', '/payments/wechat/notify', { rawBody: request.body, headers })
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const PALETTE = [
  [233, 196, 180],
  [170, 196, 214],
  [205, 220, 190],
  [238, 220, 170],
  [196, 180, 222],
  [240, 186, 196],
  [180, 214, 208],
]

/** A valid 8-bit RGB PNG: a soft diagonal gradient between two colours picked by `seed`, so a grid of proofs looks like different photos. */
function gradientPng(seed: number, width = 240, height = 240): Buffer {
  const from = PALETTE[seed % PALETTE.length]!
  const to = PALETTE[(seed * 3 + 2) % PALETTE.length]!
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x++) {
      const share = (x + y) / (width + height)
      for (let c = 0; c < 3; c++) row[1 + x * 3 + c] = Math.round(from[c]! + (to[c]! - from[c]!) * share)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

interface PhotoUpload {
  photoId: string
  name: string
  upload: { url: string; fields: Record<string, string>; fileField: string }
}

/**
 * Staff put photos on an order as the staff app does: upload links from the API, then each file
 * POSTed as multipart/form-data to the link's URL, its signed fields first and the file last.
 */
export async function uploadFiles(
  token: string,
  orderId: string,
  kind: 'proof' | 'design',
  files: { name: string; contentType: string; bytes: Uint8Array }[],
): Promise<PhotoUpload[]> {
  const { items } = ok<{ items: PhotoUpload[] }>(
    await http('POST', `/orders/${orderId}/photos/uploads`, { token, body: { kind, files: files.map(({ name, contentType }) => ({ name, contentType })) } }),
    `upload links for ${kind}`,
  )
  for (const [index, item] of items.entries()) {
    const form = new FormData()
    for (const [name, value] of Object.entries(item.upload.fields)) form.append(name, value)
    form.append(item.upload.fileField, new Blob([new Uint8Array(files[index]!.bytes)], { type: files[index]!.contentType }), item.name)
    const response = await fetch(item.upload.url, { method: 'POST', body: form, headers: { connection: 'close' } })
    if (!response.ok) throw new Error(`upload of ${item.name} refused (${response.status}): ${await response.text()}`)
  }
  return items
}

/** Staff upload `count` tiny PNGs (1×1) to an order. */
export async function uploadPhotos(token: string, orderId: string, kind: 'proof' | 'design', count: number) {
  const png = gradientPng(0, 1, 1)
  return uploadFiles(token, orderId, kind, Array.from({ length: count }, (_, i) => ({ name: `${kind}-${i + 1}.png`, contentType: 'image/png', bytes: png })))
}

/** Staff upload `count` gradient PNGs that look like different photos: proofs square, album design pages landscape. Returns the photo ids in upload order. */
export async function uploadGradients(token: string, orderId: string, kind: 'proof' | 'design', count: number): Promise<string[]> {
  const files = Array.from({ length: count }, (_, i) => ({
    name: `${kind === 'proof' ? 'IMG_' : 'page-'}${String(i + 1).padStart(4, '0')}.png`,
    contentType: 'image/png',
    bytes: kind === 'proof' ? gradientPng(i) : gradientPng(i + 4, 480, 320),
  }))
  return (await uploadFiles(token, orderId, kind, files)).map((item) => item.photoId)
}

/** A staff member moves an order on, as the stage's role does in the staff app. */
export async function moveOrder(token: string, orderId: string, from: string, to: string) {
  return ok(await http('POST', `/orders/${orderId}/advance`, { token, body: { from, to } }), `${from} → ${to}`)
}
