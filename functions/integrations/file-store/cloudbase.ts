import type { FileStore, UploadTarget } from '../../orders/ports'

/**
 * Photos in the CloudBase environment's storage (COS behind WeChat's cloud). Phones upload
 * with CloudBase's form upload — POST to the object's URL with key, Signature,
 * x-cos-security-token and x-cos-meta-fileid, then the file — and read through temporary
 * links, which COS can also shrink into thumbnails (imageMogr2).
 *
 * CloudBase's form signature binds only the path: it cannot limit the size or the content
 * type, so the caller checks `stat` after the upload. How long the upload link lives is
 * CloudBase's choice, read from its signature, not `expiresInSeconds`.
 */

/** What CloudBase answers for storage.getUploadMetadata. */
export interface UploadMetadata {
  url: string
  token: string
  authorization: string
  /** cloud://<env>.<bucket>/<cloudPath> */
  fileId: string
  cosFileId: string
}

/** The few CloudBase storage calls the store makes; the real one is `connectCloudBase`, tests pass their own. */
export interface CloudBaseStorageApi {
  /** Signs a form (POST) upload of one file to `cloudPath`. */
  formUploadMetadata(cloudPath: string): Promise<UploadMetadata>
  tempFileUrl(fileId: string, maxAgeSeconds: number): Promise<{ code: string; tempFileURL: string }>
  deleteFile(fileId: string): Promise<{ code: string }>
}

/** The per-file code CloudBase gives a path with no file. */
const NO_SUCH_FILE = 'STORAGE_FILE_NONEXIST'

/** The form fields of CloudBase's documented form upload; the file goes last, as `file`. */
export function formUploadFields(cloudPath: string, meta: UploadMetadata, contentType: string): Record<string, string> {
  return {
    key: cloudPath,
    Signature: meta.authorization,
    'x-cos-security-token': meta.token,
    'x-cos-meta-fileid': meta.cosFileId,
    // Stored as the object's content type; COS ignores the file part's own.
    'Content-Type': contentType,
  }
}

/** When a COS signature (`q-sign-time=<start>;<end>`) stops being accepted, if it says. */
export function signatureExpiry(authorization: string): Date | undefined {
  const match = /q-sign-time=(\d+);(\d+)/.exec(authorization)
  return match ? new Date(Number(match[2]) * 1000) : undefined
}

/** The `cloud://<env>.<bucket>/` part of a file id, learnt from the id of `cloudPath`. */
export function fileIdPrefix(fileId: string, cloudPath: string): string {
  if (!fileId.startsWith('cloud://') || !fileId.endsWith(`/${cloudPath}`)) throw new Error(`Unexpected CloudBase file id ${fileId}`)
  return fileId.slice(0, fileId.length - cloudPath.length)
}

/** A COS image-processing link: the image scaled to `width` pixels wide, keeping its proportions. */
export function thumbnailUrl(url: string, width: number): string {
  return `${url}${url.includes('?') ? '&' : '?'}imageMogr2/thumbnail/${Math.round(width)}x`
}

/** The SDK's own request helper: the public getUploadMetadata (3.18) asks for a PUT signature, and a form upload needs a POST one. */
type TcbApiRequest = (args: { config: unknown; params: Record<string, unknown>; method: 'post'; headers: Record<string, string> }) => Promise<{
  data?: UploadMetadata
  code?: string
  message?: string
}>

type CloudBaseSdk = typeof import('@cloudbase/node-sdk')

/**
 * The real CloudBase storage of environment `env`. The SDK is loaded and set up on the
 * first call, never at import: without credentials its set-up fails in the background,
 * and the AWS bundle leaves it out (serverless.yml, esbuild `exclude`).
 */
export function connectCloudBase(env: string): CloudBaseStorageApi {
  let app: ReturnType<CloudBaseSdk['init']> | undefined
  const cloud = () => (app ??= (require('@cloudbase/node-sdk') as CloudBaseSdk).init({ env }))
  const fail = (what: string, code: string) => new Error(`CloudBase ${what} failed: ${code}`)
  return {
    async formUploadMetadata(cloudPath) {
      const { request } = require('@cloudbase/node-sdk/dist/utils/tcbapirequester') as { request: TcbApiRequest }
      const answer = await request({
        config: (cloud() as unknown as { config: unknown }).config,
        // Without `method: 'put'` the service signs the form upload (POST) it has always documented.
        params: { action: 'storage.getUploadMetadata', path: cloudPath },
        method: 'post',
        headers: { 'content-type': 'application/json' },
      })
      if (!answer.data) throw fail('getUploadMetadata', answer.code ?? 'no data')
      return answer.data
    },
    async tempFileUrl(fileId, maxAgeSeconds) {
      const { fileList } = await cloud().getTempFileURL({ fileList: [{ fileID: fileId, maxAge: maxAgeSeconds }] })
      const file = fileList?.[0]
      if (!file) throw fail('getTempFileURL', 'no answer')
      return file
    },
    async deleteFile(fileId) {
      const { fileList } = await cloud().deleteFile({ fileList: [fileId] })
      const file = fileList?.[0]
      if (!file) throw fail('deleteFile', 'no answer')
      return file
    },
  }
}

export class CloudBaseFileStore implements FileStore {
  readonly kind = 'cloudbase' as const
  private prefix: Promise<string> | undefined

  constructor(
    config: { env: string },
    private readonly api: CloudBaseStorageApi = connectCloudBase(config.env),
  ) {}

  /** File ids name the bucket, which only CloudBase knows: learnt from the first upload metadata and kept. */
  private async fileId(key: string): Promise<string> {
    this.prefix ??= this.api.formUploadMetadata(key).then((meta) => fileIdPrefix(meta.fileId, key))
    try {
      return (await this.prefix) + key
    } catch (error) {
      this.prefix = undefined
      throw error
    }
  }

  async uploadTarget(key: string, options: { contentType: string; maxBytes: number; expiresInSeconds: number }): Promise<UploadTarget> {
    const meta = await this.api.formUploadMetadata(key)
    this.prefix ??= Promise.resolve(fileIdPrefix(meta.fileId, key))
    const expiresAt = signatureExpiry(meta.authorization) ?? new Date(Date.now() + options.expiresInSeconds * 1000)
    return { url: meta.url, fields: formUploadFields(key, meta, options.contentType), fileField: 'file', expiresAt: expiresAt.toISOString() }
  }

  async downloadUrl(key: string, options: { expiresInSeconds: number; thumbnailWidth?: number }): Promise<string> {
    const file = await this.api.tempFileUrl(await this.fileId(key), options.expiresInSeconds)
    if (file.code !== 'SUCCESS') throw new Error(`CloudBase has no link for ${key}: ${file.code}`)
    return options.thumbnailWidth ? thumbnailUrl(file.tempFileURL, options.thumbnailWidth) : file.tempFileURL
  }

  /** A temporary link, then a HEAD on it: CloudBase has no stat of its own. */
  async stat(key: string): Promise<{ bytes: number } | undefined> {
    const file = await this.api.tempFileUrl(await this.fileId(key), 60)
    if (file.code === NO_SUCH_FILE) return undefined
    if (file.code !== 'SUCCESS') throw new Error(`CloudBase cannot stat ${key}: ${file.code}`)
    const head = await fetch(file.tempFileURL, { method: 'HEAD', signal: AbortSignal.timeout(5000) })
    if (head.status === 404) return undefined
    if (!head.ok) throw new Error(`CloudBase storage answered ${head.status} for ${key}`)
    return { bytes: Number(head.headers.get('content-length') ?? 0) }
  }

  async remove(key: string): Promise<void> {
    const file = await this.api.deleteFile(await this.fileId(key))
    if (file.code !== 'SUCCESS' && file.code !== NO_SUCH_FILE) throw new Error(`CloudBase could not delete ${key}: ${file.code}`)
  }
}
