import type { S3Client } from '@aws-sdk/client-s3'
import {
  CloudBaseFileStore,
  fileIdPrefix,
  formUploadFields,
  signatureExpiry,
  thumbnailUrl,
  type CloudBaseStorageApi,
  type UploadMetadata,
} from '../../functions/integrations/file-store/cloudbase'
import { createFileStore } from '../../functions/integrations/file-store'
import { S3FileStore } from '../../functions/integrations/file-store/s3'

/** The cloud adapters' offline parts: what they sign and the links they make, with no network. */

const key = 'studios/s1/proofs/p1.jpg'

describe('the S3 file store', () => {
  const saved = { ...process.env }
  beforeAll(() => {
    // Signing needs credentials, not a connection: these are never sent anywhere.
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' })
    delete process.env.AWS_SESSION_TOKEN
    delete process.env.AWS_PROFILE
  })
  afterAll(() => {
    process.env = saved
  })
  const store = () => new S3FileStore({ bucket: 'studio-erp-photos', region: 'ap-east-1' })

  it('signs a POST policy that pins the key, the size range and the content type', async () => {
    const before = Date.now()
    const target = await store().uploadTarget(key, { contentType: 'image/jpeg', maxBytes: 8_000_000, expiresInSeconds: 600 })
    expect(target.url).toBe('https://studio-erp-photos.s3.ap-east-1.amazonaws.com/')
    expect(target.fileField).toBe('file')
    expect(target.fields).toMatchObject({ key, 'Content-Type': 'image/jpeg', 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' })
    expect(target.fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/)

    const policy = JSON.parse(Buffer.from(target.fields.Policy!, 'base64').toString('utf8'))
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { key },
        { bucket: 'studio-erp-photos' },
        ['content-length-range', 1, 8_000_000],
        ['eq', '$Content-Type', 'image/jpeg'],
      ]),
    )
    expect(policy.conditions).not.toContainEqual(expect.arrayContaining(['starts-with']))
    const expiration = Date.parse(policy.expiration)
    expect(expiration).toBeGreaterThanOrEqual(before + 599_000)
    expect(expiration).toBeLessThanOrEqual(Date.now() + 600_000)
    expect(Math.abs(Date.parse(target.expiresAt) - expiration)).toBeLessThan(2000)
  })

  it('signs GET links that expire, to the thumbnail or preview the upload Lambda made when a width is asked for', async () => {
    expect(new URL(await store().downloadUrl(key, { expiresInSeconds: 900 })).pathname).toBe(`/${key}`)
    expect(new URL(await store().downloadUrl(key, { expiresInSeconds: 900, thumbnailWidth: 1200 })).pathname).toBe(`/${key}.preview.jpg`)
    const url = new URL(await store().downloadUrl(key, { expiresInSeconds: 900, thumbnailWidth: 300 }))
    expect(url.origin).toBe('https://studio-erp-photos.s3.ap-east-1.amazonaws.com')
    expect(url.pathname).toBe(`/${key}.thumb.jpg`)
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900')
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
  })

  it('reads HeadObject for the size, a 404 as no file, and deletes with DeleteObject', async () => {
    const sent: { name: string; input: unknown }[] = []
    const client = (answer: (name: string) => unknown) =>
      ({
        send: async (command: { constructor: { name: string }; input: unknown }) => {
          sent.push({ name: command.constructor.name, input: command.input })
          return answer(command.constructor.name)
        },
      }) as unknown as S3Client
    const config = { bucket: 'studio-erp-photos', region: 'ap-east-1' }

    expect(await new S3FileStore(config, client(() => ({ ContentLength: 1234 }))).stat(key)).toEqual({ bytes: 1234 })
    const missing = client(() => {
      throw Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } })
    })
    expect(await new S3FileStore(config, missing).stat(key)).toBeUndefined()
    const denied = client(() => {
      throw Object.assign(new Error('Forbidden'), { name: '403', $metadata: { httpStatusCode: 403 } })
    })
    await expect(new S3FileStore(config, denied).stat(key)).rejects.toThrow('Forbidden')
    await new S3FileStore(config, client(() => ({}))).remove(key)
    // The photo goes with its thumbnail and preview.
    expect(sent.map((s) => s.name)).toEqual(['HeadObjectCommand', 'HeadObjectCommand', 'HeadObjectCommand', 'DeleteObjectCommand', 'DeleteObjectCommand', 'DeleteObjectCommand'])
    expect(sent.slice(3).map((s) => s.input)).toEqual([key, `${key}.thumb.jpg`, `${key}.preview.jpg`].map((Key) => ({ Bucket: 'studio-erp-photos', Key })))
  })
})

describe('the CloudBase file store', () => {
  const meta: UploadMetadata = {
    url: `https://cos.ap-shanghai.myqcloud.com/7465-prod-4a89da-1258717764/${key}`,
    token: 'security-token',
    authorization: 'q-sign-algorithm=sha1&q-ak=AKID&q-sign-time=1557307130;1557308030&q-key-time=1557307130;1557308030&q-header-list=&q-url-param-list=&q-signature=abc',
    fileId: `cloud://prod-4a89da.7465-prod-4a89da-1258717764/${key}`,
    cosFileId: 'cos-file-id',
  }

  /** A CloudBase that knows one file and records what it was asked. */
  function fakeCloudBase() {
    const calls: string[] = []
    const api: CloudBaseStorageApi = {
      async formUploadMetadata(cloudPath) {
        calls.push(`metadata ${cloudPath}`)
        return { ...meta, url: meta.url.replace(key, cloudPath), fileId: meta.fileId.replace(key, cloudPath) }
      },
      async tempFileUrl(fileId, maxAge) {
        calls.push(`url ${fileId} ${maxAge}`)
        return fileId.endsWith(key)
          ? { code: 'SUCCESS', tempFileURL: `https://7465-prod.tcb.qcloud.la/${key}?sign=s&t=1` }
          : { code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' }
      },
      async deleteFile(fileId) {
        calls.push(`delete ${fileId}`)
        return { code: fileId.endsWith(key) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' }
      },
    }
    return { api, calls }
  }

  it('builds the documented form upload: key, Signature, security token and file id, with the content type', () => {
    expect(formUploadFields(key, meta, 'image/jpeg')).toEqual({
      key,
      Signature: meta.authorization,
      'x-cos-security-token': 'security-token',
      'x-cos-meta-fileid': 'cos-file-id',
      'Content-Type': 'image/jpeg',
    })
    expect(signatureExpiry(meta.authorization)).toEqual(new Date(1557308030_000))
    expect(signatureExpiry('no time here')).toBeUndefined()
  })

  it('learns the bucket from a file id and asks for thumbnails with imageMogr2', () => {
    expect(fileIdPrefix(meta.fileId, key)).toBe('cloud://prod-4a89da.7465-prod-4a89da-1258717764/')
    expect(() => fileIdPrefix('https://elsewhere/x', key)).toThrow(/file id/)
    expect(thumbnailUrl('https://h/p.jpg?sign=s&t=1', 320)).toBe('https://h/p.jpg?sign=s&t=1&imageMogr2/thumbnail/320x')
    expect(thumbnailUrl('https://h/p.jpg', 320)).toBe('https://h/p.jpg?imageMogr2/thumbnail/320x')
  })

  it('signs an upload, then reads and deletes by file id without asking for the bucket again', async () => {
    const { api, calls } = fakeCloudBase()
    const store = new CloudBaseFileStore({ env: 'prod-4a89da' }, api)
    const target = await store.uploadTarget(key, { contentType: 'image/jpeg', maxBytes: 1, expiresInSeconds: 60 })
    expect(target).toMatchObject({ url: meta.url, fileField: 'file', expiresAt: '2019-05-08T09:33:50.000Z' })
    expect(Object.keys(target.fields)[0]).toBe('key')

    const link = await store.downloadUrl(key, { expiresInSeconds: 600, thumbnailWidth: 240 })
    expect(link).toBe(`https://7465-prod.tcb.qcloud.la/${key}?sign=s&t=1&imageMogr2/thumbnail/240x`)
    expect(await store.stat('studios/s1/proofs/missing.jpg')).toBeUndefined()
    await store.remove(key)
    await store.remove('studios/s1/proofs/missing.jpg')
    const fileId = meta.fileId
    expect(calls).toEqual([
      `metadata ${key}`,
      `url ${fileId} 600`,
      `url ${fileId.replace(key, 'studios/s1/proofs/missing.jpg')} 60`,
      `delete ${fileId}`,
      `delete ${fileId.replace(key, 'studios/s1/proofs/missing.jpg')}`,
    ])
  })

  it('learns the bucket on the first read when nothing was uploaded since the start', async () => {
    const { api, calls } = fakeCloudBase()
    const store = new CloudBaseFileStore({ env: 'prod-4a89da' }, api)
    await store.downloadUrl(key, { expiresInSeconds: 60 })
    await store.downloadUrl(key, { expiresInSeconds: 60 })
    expect(calls.filter((c) => c.startsWith('metadata'))).toHaveLength(1)
  })

  it('reaches the SDK only when first used, through the request helper it ships', () => {
    const store = createFileStore({ mode: 'cloudbase', env: 'prod-4a89da' })
    expect(store.kind).toBe('cloudbase')
    expect(typeof require('@cloudbase/node-sdk/dist/utils/tcbapirequester').request).toBe('function')
    // Loading the SDK itself takes over a second on an idle machine, and more on a busy one.
  }, 30_000)
})

describe('createFileStore', () => {
  it('makes the store the configuration names', () => {
    expect(createFileStore({ mode: 's3', bucket: 'b', region: 'ap-east-1' }).kind).toBe('s3')
    expect(createFileStore({ mode: 'local', dir: '.data/files', baseUrl: 'http://127.0.0.1:3002', secret: 'x'.repeat(32) }).kind).toBe('local')
  })
})
