import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LocalFileStore } from '../../functions/integrations/file-store/local'
import { startFileServer } from '../lib/file-server'

/** What the selection grid asks each photo's link for (functions/orders/photos.ts). */
const GRID_WIDTH = 360
const PREVIEW_WIDTH = 1600
/** Photos on the first screen of a 390×844 phone: three across, four rows. */
const FIRST_SCREEN = 12

const mb = (bytes: number) => (bytes / 1e6).toFixed(1)

/** A small deterministic generator, so every run measures the same pictures. */
function random(seed: number) {
  let state = seed * 2654435761 + 1
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/**
 * A studio camera's JPEG: 4000×6000 at quality 90. No photograph ships with this machine, so a
 * scene is drawn: a sky-to-floor gradient, hundreds of overlapping shapes from 10 px to a third
 * of the frame (hard edges at every scale, as hair, lace, leaves and furniture give), thin lines
 * like a backdrop's folds, then fine grain as a sensor leaves. Scaled to 360 px it still holds
 * edges and colour changes, so its thumbnail compresses like a real photo's rather than to flat grey.
 */
async function cameraJpeg(seed: number): Promise<Buffer> {
  const { default: sharp } = await import('sharp')
  const next = random(seed + 1)
  const colour = () => `rgb(${Math.floor(next() * 256)},${Math.floor(next() * 256)},${Math.floor(next() * 256)})`
  const shapes: string[] = []
  for (let i = 0; i < 900; i++) {
    const size = 10 * Math.pow(200, next())
    const x = next() * 4000
    const y = next() * 6000
    const opacity = (0.35 + next() * 0.6).toFixed(2)
    if (i % 3 === 0) shapes.push(`<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${(size / 2).toFixed(0)}" fill="${colour()}" fill-opacity="${opacity}"/>`)
    else if (i % 3 === 1) shapes.push(`<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${size.toFixed(0)}" height="${(size * (0.3 + next() * 2)).toFixed(0)}" fill="${colour()}" fill-opacity="${opacity}" transform="rotate(${(next() * 90).toFixed(0)} ${x.toFixed(0)} ${y.toFixed(0)})"/>`)
    else shapes.push(`<line x1="${x.toFixed(0)}" y1="${y.toFixed(0)}" x2="${(x + (next() - 0.5) * size * 6).toFixed(0)}" y2="${(y + (next() - 0.5) * size * 6).toFixed(0)}" stroke="${colour()}" stroke-width="${(1 + next() * 12).toFixed(0)}" stroke-opacity="${opacity}"/>`)
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="6000">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="${colour()}"/></linearGradient></defs>
    <rect width="4000" height="6000" fill="url(#g)"/>${shapes.join('')}</svg>`
  const scene = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const grain = await sharp({ create: { width: 4000, height: 6000, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 14 } } }).raw().toBuffer()
  // Grain around the scene's own colour: each sample moved by the noise's offset from its mean.
  const pixels = scene.data
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.min(255, Math.max(0, pixels[i]! + grain[i]! - 128))
  return sharp(pixels, { raw: { width: 4000, height: 6000, channels: 3 } }).jpeg({ quality: 90 }).toBuffer()
}

/** Bytes of every link, fetched as the phone's grid would. */
async function download(links: string[]): Promise<number[]> {
  const sizes: number[] = []
  for (const link of links) {
    const response = await fetch(link)
    if (!response.ok) throw new Error(`${link} answered ${response.status}`)
    sizes.push((await response.arrayBuffer()).byteLength)
  }
  return sizes
}

/**
 * The bytes a customer downloads to open a selection page of `count` proofs, before (the grid
 * loaded each original) and after (the thumbnails the file server makes on upload). The photos go
 * through the real upload and download path: signed form upload to the local file server, signed links.
 */
export async function benchSelectionBytes(count: number) {
  const dir = await mkdtemp(join(tmpdir(), 'bench-photos-'))
  const secret = 'bench-file-secret-bench-file-secret'
  const server = await startFileServer({ dir, secret, port: 0 })
  const store = new LocalFileStore({ dir, baseUrl: server.url, secret })
  try {
    // A few distinct originals, reused: what matters is their size, and making each takes seconds.
    const originals: Buffer[] = []
    for (let i = 0; i < 6; i++) originals.push(await cameraJpeg(i))
    console.log(`    ${originals.length} camera JPEGs made, ${originals.map((o) => mb(o.length)).join(' / ')} MB`)
    const keys: string[] = []
    let uploadMs = 0
    for (let i = 0; i < count; i++) {
      const key = `studios/bench/orders/o1/proof/IMG_${String(i + 1).padStart(4, '0')}.jpg`
      const bytes = originals[i % originals.length]!
      const target = await store.uploadTarget(key, { contentType: 'image/jpeg', maxBytes: 30_000_000, expiresInSeconds: 600 })
      const form = new FormData()
      for (const [name, value] of Object.entries(target.fields)) form.append(name, value)
      form.append(target.fileField, new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg')
      const started = performance.now()
      const answer = await fetch(target.url, { method: 'POST', body: form })
      uploadMs += performance.now() - started
      if (answer.status !== 204) throw new Error(`upload refused: ${answer.status} ${await answer.text()}`)
      keys.push(key)
      if ((i + 1) % 25 === 0) console.log(`    uploaded ${i + 1}/${count}`)
    }
    const originalsLinks = await Promise.all(keys.map((key) => store.downloadUrl(key, { expiresInSeconds: 600 })))
    const thumbLinks = await Promise.all(keys.map((key) => store.downloadUrl(key, { expiresInSeconds: 600, thumbnailWidth: GRID_WIDTH })))
    const previewLinks = await Promise.all(keys.slice(0, 1).map((key) => store.downloadUrl(key, { expiresInSeconds: 600, thumbnailWidth: PREVIEW_WIDTH })))
    const before = await download(originalsLinks)
    const after = await download(thumbLinks)
    const [preview] = await download(previewLinks)
    const sum = (sizes: number[]) => sizes.reduce((total, size) => total + size, 0)
    return [
      { grid: `before: originals`, photos: count, 'whole page MB': mb(sum(before)), 'first screen MB': mb(sum(before.slice(0, FIRST_SCREEN))), 'per photo KB': Math.round(sum(before) / count / 1000), 'one photo in the viewer KB': Math.round(before[0]! / 1000) },
      { grid: `after: ${GRID_WIDTH} px thumbnails`, photos: count, 'whole page MB': mb(sum(after)), 'first screen MB': mb(sum(after.slice(0, FIRST_SCREEN))), 'per photo KB': Math.round(sum(after) / count / 1000), 'one photo in the viewer KB': Math.round(preview! / 1000) },
      { grid: 'upload incl. thumbnail and preview', photos: count, 'whole page MB': '', 'first screen MB': '', 'per photo KB': '', 'one photo in the viewer KB': `${Math.round(uploadMs / count)} ms a photo` },
    ]
  } finally {
    await server.close()
    await rm(dir, { recursive: true, force: true })
  }
}
