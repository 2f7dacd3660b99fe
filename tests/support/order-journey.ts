import { deflateSync } from 'node:zlib'
import { http } from './http'

function ok<T = any>(answer: { status: number; body: T }, what: string): T {
  if (answer.status !== 200) throw new Error(`${what} failed (${answer.status}): ${JSON.stringify(answer.body)}`)
  return answer.body
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
export function gradientPng(seed: number, width = 240, height = 240): Buffer {
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

/**
 * Staff put photos on an order as the staff app does: upload links from the API, then each file
 * POSTed as multipart/form-data to the link's URL, its signed fields first and the file last.
 * Proofs are square, album design pages landscape. Returns the photo ids in upload order.
 */
export async function uploadGradients(token: string, orderId: string, kind: 'proof' | 'design', count: number): Promise<string[]> {
  const files = Array.from({ length: count }, (_, i) => ({ name: `${kind === 'proof' ? 'IMG_' : 'page-'}${String(i + 1).padStart(4, '0')}.png`, contentType: 'image/png' as const }))
  const { items } = ok<{ items: { photoId: string; name: string; upload: { url: string; fields: Record<string, string>; fileField: string } }[] }>(
    await http('POST', `/orders/${orderId}/photos/uploads`, { token, body: { kind, files } }),
    `upload links for ${kind}`,
  )
  for (const [index, item] of items.entries()) {
    const png = kind === 'proof' ? gradientPng(index) : gradientPng(index + 4, 480, 320)
    const form = new FormData()
    for (const [name, value] of Object.entries(item.upload.fields)) form.append(name, value)
    form.append(item.upload.fileField, new Blob([new Uint8Array(png)], { type: 'image/png' }), item.name)
    const response = await fetch(item.upload.url, { method: 'POST', body: form })
    if (!response.ok) throw new Error(`upload of ${item.name} refused (${response.status}): ${await response.text()}`)
  }
  return items.map((item) => item.photoId)
}

/** A staff member moves an order on, as the stage's role does in the staff app. */
export async function moveOrder(token: string, orderId: string, from: string, to: string) {
  return ok(await http('POST', `/orders/${orderId}/advance`, { token, body: { from, to } }), `${from} → ${to}`)
}
