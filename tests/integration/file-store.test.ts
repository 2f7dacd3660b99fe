import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { LocalFileStore } from '../../functions/integrations/file-store/local'
import type { UploadTarget } from '../../functions/orders/ports'
import { startFileServer, type FileServer } from '../../scripts/lib/file-server'

/** The local file store against the real local file server, as a phone's form upload and an <image> src use them. */

const SECRET = 'file-store-test-secret-0123456789abcdef'
const png = readFile(resolve(__dirname, '../../src/assets/tabbar/home.png'))

let dir: string
let server: FileServer
let store: LocalFileStore

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'studio-erp-files-'))
  server = await startFileServer({ dir, secret: SECRET, port: 0 })
  store = new LocalFileStore({ dir, baseUrl: server.url, secret: SECRET })
})
afterAll(async () => {
  await server?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** Posts the form as Taro.uploadFile does: the fields, then the file. */
function upload(target: UploadTarget, bytes: Uint8Array, type = 'image/png', fields: Record<string, string> = target.fields) {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  form.append(target.fileField, new Blob([Uint8Array.from(bytes)], { type }), 'proof.png')
  return fetch(target.url, { method: 'POST', body: form })
}

/** Every file under the folder, partial or not. */
async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name))
}

const options = { contentType: 'image/png', maxBytes: 1024 * 1024, expiresInSeconds: 300 }
let n = 0
const newKey = () => `studios/s1/proofs/p${++n}.png`

describe('the local file store behind the local file server', () => {
  it('takes a form upload of a real PNG, sees its size, and serves the same bytes with its content type', async () => {
    const bytes = await png
    expect(bytes.subarray(1, 4).toString()).toBe('PNG')
    const key = newKey()
    expect(await store.stat(key)).toBeUndefined()

    const target = await store.uploadTarget(key, options)
    expect(target).toMatchObject({ url: `${server.url}/upload`, fileField: 'file' })
    expect(Object.keys(target.fields)).toEqual(['key', 'contentType', 'maxBytes', 'expires', 'signature'])
    expect(Date.parse(target.expiresAt) - Date.now()).toBeGreaterThan(290_000)

    const answer = await upload(target, bytes)
    expect(answer.status).toBe(204)
    expect(answer.headers.get('access-control-allow-origin')).toBe('*')
    expect(await store.stat(key)).toEqual({ bytes: bytes.length })

    const link = await store.downloadUrl(key, { expiresInSeconds: 60 })
    expect(link.startsWith(`${server.url}/f/${key}?`)).toBe(true)
    const read = await fetch(link)
    expect(read.status).toBe(200)
    expect(read.headers.get('content-type')).toBe('image/png')
    expect(read.headers.get('access-control-allow-origin')).toBe('*')
    expect(Buffer.from(await read.arrayBuffer()).equals(bytes)).toBe(true)
  })

  it('makes a thumbnail and a preview on upload, which links asked for a width point at, and removes them with the photo', async () => {
    const { default: sharp } = await import('sharp')
    const bytes = await sharp({ create: { width: 3000, height: 4500, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
      .jpeg({ quality: 90 })
      .toBuffer()
    const key = `studios/s1/proofs/p${++n}.jpg`
    const answer = await upload(await store.uploadTarget(key, { ...options, contentType: 'image/jpeg', maxBytes: 20_000_000 }), bytes, 'image/jpeg')
    expect(answer.status).toBe(204)

    const thumbLink = await store.downloadUrl(key, { expiresInSeconds: 60, thumbnailWidth: 360 })
    expect(thumbLink.startsWith(`${server.url}/f/${key}.thumb.jpg?`)).toBe(true)
    const thumb = await fetch(thumbLink)
    expect(thumb.headers.get('content-type')).toBe('image/jpeg')
    const thumbBytes = Buffer.from(await thumb.arrayBuffer())
    expect(await sharp(thumbBytes).metadata()).toMatchObject({ width: 360, height: 540, format: 'jpeg' })
    expect(thumbBytes.length).toBeLessThan(bytes.length / 20)
    const preview = Buffer.from(await (await fetch(await store.downloadUrl(key, { expiresInSeconds: 60, thumbnailWidth: 1600 }))).arrayBuffer())
    expect(await sharp(preview).metadata()).toMatchObject({ width: 1200, height: 1800 })

    await store.remove(key)
    expect((await filesIn(dir)).filter((file) => file.includes(key.split('/').at(-1)!))).toEqual([])
  })

  it('answers the browser preflight for a cross-origin upload', async () => {
    const answer = await fetch(`${server.url}/upload`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:10086', 'access-control-request-method': 'POST' },
    })
    expect(answer.status).toBe(204)
    expect(answer.headers.get('access-control-allow-origin')).toBe('*')
    expect(answer.headers.get('access-control-allow-methods')).toContain('POST')
  })

  it('refuses a forged signature and writes nothing', async () => {
    const key = newKey()
    const target = await store.uploadTarget(key, options)
    const forged = { ...target.fields, maxBytes: String(50 * 1024 * 1024) }
    const answer = await upload(target, await png, 'image/png', forged)
    expect(answer.status).toBe(403)
    expect(await answer.json()).toEqual({ error: 'bad signature' })
    expect(await store.stat(key)).toBeUndefined()

    const otherKey = { ...target.fields, key: newKey() }
    expect((await upload(target, await png, 'image/png', otherKey)).status).toBe(403)
    expect(await store.stat(otherKey.key)).toBeUndefined()
  })

  it('refuses an expired upload link', async () => {
    const anHourAgo = new LocalFileStore({ dir, baseUrl: server.url, secret: SECRET }, () => Date.now() - 3600_000)
    const key = newKey()
    const answer = await upload(await anHourAgo.uploadTarget(key, options), await png)
    expect(answer.status).toBe(403)
    expect(await answer.json()).toEqual({ error: 'upload link expired' })
    expect(await store.stat(key)).toBeUndefined()
  })

  it('refuses a file of another content type than the one signed', async () => {
    const key = newKey()
    const answer = await upload(await store.uploadTarget(key, options), await png, 'image/jpeg')
    expect(answer.status).toBe(403)
    expect(await store.stat(key)).toBeUndefined()
  })

  it('refuses a file over the size limit while it streams and leaves no partial file', async () => {
    const before = await filesIn(dir)
    const key = newKey()
    const small = await upload(await store.uploadTarget(key, { ...options, maxBytes: 100 }), await png)
    expect(small.status).toBe(403)
    expect(await small.json()).toEqual({ error: 'file larger than 100 bytes' })

    const big = await upload(await store.uploadTarget(key, { ...options, maxBytes: 64 * 1024 }), new Uint8Array(8 * 1024 * 1024))
    expect(big.status).toBe(403)
    expect(await store.stat(key)).toBeUndefined()
    expect(await filesIn(dir)).toEqual(before)
  })

  it('refuses an empty file and a form without the signed fields', async () => {
    const key = newKey()
    const target = await store.uploadTarget(key, options)
    expect((await upload(target, new Uint8Array(0))).status).toBe(403)
    expect((await upload(target, await png, 'image/png', {})).status).toBe(403)
    expect(await store.stat(key)).toBeUndefined()
  })

  it('serves a file only by an unexpired link signed for it, and says when it is gone', async () => {
    const key = newKey()
    expect((await upload(await store.uploadTarget(key, options), await png)).status).toBe(204)
    const link = new URL(await store.downloadUrl(key, { expiresInSeconds: 60 }))

    const tampered = new URL(link)
    tampered.searchParams.set('expires', String(Number(link.searchParams.get('expires')) + 3600))
    expect((await fetch(tampered)).status).toBe(403)
    const otherFile = new URL(link)
    otherFile.pathname = `/f/${newKey()}`
    expect((await fetch(otherFile)).status).toBe(403)
    expect((await fetch(`${server.url}/f/${key}`)).status).toBe(403)
    const anHourAgo = new LocalFileStore({ dir, baseUrl: server.url, secret: SECRET }, () => Date.now() - 3600_000)
    expect((await fetch(await anHourAgo.downloadUrl(key, { expiresInSeconds: 60 }))).status).toBe(403)

    await store.remove(key)
    expect(await store.stat(key)).toBeUndefined()
    expect((await fetch(link)).status).toBe(404)
    await expect(store.remove(key)).resolves.toBeUndefined()
  })

  it('refuses keys that could leave the folder or that it does not allow', async () => {
    for (const key of ['studios/s1/../../etc/passwd', '../outside.png', 'studios/s1/..', '/etc/passwd', 'studios//x.png', 'studios/s1/a b.png', 'studios/s1/x.png.meta.json', '']) {
      await expect(store.uploadTarget(key, options)).rejects.toThrow(/Refusing the file key/)
      await expect(store.downloadUrl(key, { expiresInSeconds: 60 })).rejects.toThrow(/Refusing the file key/)
      await expect(store.stat(key)).rejects.toThrow(/Refusing the file key/)
      await expect(store.remove(key)).rejects.toThrow(/Refusing the file key/)
    }
    const link = new URL(await store.downloadUrl('studios/s1/x.png', { expiresInSeconds: 60 }))
    expect((await fetch(`${server.url}/f/..%2F..%2Fetc%2Fpasswd${link.search}`)).status).toBe(403)
  })
})
