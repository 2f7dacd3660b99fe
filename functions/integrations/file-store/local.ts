import { createHmac, timingSafeEqual } from 'node:crypto'
import { rm, stat } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import type { FileStore, UploadTarget } from '../../orders/ports'
import { DERIVED_IMAGES, derivedKeyFor } from './derived-images'

/**
 * The local and test stages' file store: a folder on this machine, served by the local
 * file server (scripts/lib/file-server.ts) with links signed HMAC-SHA256 by a shared
 * secret, so uploads and downloads behave like S3's presigned POST and GET.
 */

/** The signed fields of an upload form, in the order they are sent. */
export interface LocalUploadFields {
  key: string
  contentType: string
  maxBytes: string
  /** Unix seconds. */
  expires: string
  signature: string
}

/** The file beside each stored file that remembers its content type. */
export const META_SUFFIX = '.meta.json'

const KEY_PATTERN = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/

/** Whether `key` names a file inside the folder: letters, digits and `/_.-`, no `..`, no leading or doubled slash. */
export function isSafeKey(key: string): boolean {
  return key.length > 0 && key.length <= 1024 && KEY_PATTERN.test(key) && !key.includes('..') && !key.endsWith(META_SUFFIX)
}

/** The path of `key` under `dir`, or an error when the key could leave the folder. */
export function pathForKey(dir: string, key: string): string {
  if (!isSafeKey(key)) throw new Error(`Refusing the file key ${JSON.stringify(key)}: only [A-Za-z0-9/_.-] and no ".."`)
  const root = resolve(dir)
  const path = resolve(root, key)
  if (!path.startsWith(root + sep)) throw new Error(`Refusing the file key ${JSON.stringify(key)}: it leaves the folder`)
  return path
}

function sign(secret: string, parts: string[]): string {
  return createHmac('sha256', secret).update(parts.join('\n')).digest('hex')
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Signs an upload form; the leading word keeps upload and download signatures apart. */
export function uploadSignature(secret: string, fields: Omit<LocalUploadFields, 'signature'>): string {
  return sign(secret, ['upload', fields.key, fields.contentType, fields.maxBytes, fields.expires])
}

export function downloadSignature(secret: string, key: string, expires: string): string {
  return sign(secret, ['download', key, expires])
}

export type Verified<T> = { ok: true; value: T } | { ok: false; reason: string }

/** Checks an upload form's fields as the file server receives them: all present, signed by `secret`, not expired, a safe key. */
export function verifyUploadFields(
  secret: string,
  fields: Partial<Record<string, string>>,
  nowMs = Date.now(),
): Verified<{ key: string; contentType: string; maxBytes: number; expiresAt: number }> {
  const { key, contentType, maxBytes, expires, signature } = fields
  if (!key || !contentType || !maxBytes || !expires || !signature) return { ok: false, reason: 'missing upload fields' }
  if (!sameSignature(uploadSignature(secret, { key, contentType, maxBytes, expires }), signature)) return { ok: false, reason: 'bad signature' }
  const expiresAt = Number(expires) * 1000
  if (!Number.isFinite(expiresAt) || expiresAt < nowMs) return { ok: false, reason: 'upload link expired' }
  if (!isSafeKey(key)) return { ok: false, reason: 'bad key' }
  const limit = Number(maxBytes)
  if (!Number.isInteger(limit) || limit < 1) return { ok: false, reason: 'bad size limit' }
  return { ok: true, value: { key, contentType, maxBytes: limit, expiresAt } }
}

/** Checks a download link's query as the file server receives it. */
export function verifyDownload(secret: string, key: string, expires: string | null, signature: string | null, nowMs = Date.now()): Verified<{ key: string }> {
  if (!expires || !signature) return { ok: false, reason: 'missing signature' }
  if (!sameSignature(downloadSignature(secret, key, expires), signature)) return { ok: false, reason: 'bad signature' }
  const expiresAt = Number(expires) * 1000
  if (!Number.isFinite(expiresAt) || expiresAt < nowMs) return { ok: false, reason: 'link expired' }
  if (!isSafeKey(key)) return { ok: false, reason: 'bad key' }
  return { ok: true, value: { key } }
}

export class LocalFileStore implements FileStore {
  readonly kind = 'local' as const
  private readonly baseUrl: string

  constructor(
    private readonly config: { dir: string; baseUrl: string; secret: string },
    /** The clock links are signed against. */
    private readonly now: () => number = Date.now,
  ) {
    this.baseUrl = config.baseUrl.replace(/\/+$/, '')
  }

  private expiry(expiresInSeconds: number): string {
    return String(Math.floor(this.now() / 1000) + Math.ceil(expiresInSeconds))
  }

  async uploadTarget(key: string, options: { contentType: string; maxBytes: number; expiresInSeconds: number }): Promise<UploadTarget> {
    pathForKey(this.config.dir, key)
    const unsigned = { key, contentType: options.contentType, maxBytes: String(options.maxBytes), expires: this.expiry(options.expiresInSeconds) }
    const fields: LocalUploadFields = { ...unsigned, signature: uploadSignature(this.config.secret, unsigned) }
    return {
      url: `${this.baseUrl}/upload`,
      fields: { ...fields },
      fileField: 'file',
      expiresAt: new Date(Number(unsigned.expires) * 1000).toISOString(),
    }
  }

  /** The original file, or the thumbnail or preview the file server made of it on upload (the original where it made none). */
  async downloadUrl(original: string, options: { expiresInSeconds: number; thumbnailWidth?: number }): Promise<string> {
    pathForKey(this.config.dir, original)
    const derived = options.thumbnailWidth ? derivedKeyFor(original, options.thumbnailWidth) : undefined
    const key = derived && (await stat(pathForKey(this.config.dir, derived)).catch(() => undefined)) ? derived : original
    const expires = this.expiry(options.expiresInSeconds)
    const query = new URLSearchParams({ expires, signature: downloadSignature(this.config.secret, key, expires) })
    return `${this.baseUrl}/f/${key}?${query}`
  }

  async stat(key: string): Promise<{ bytes: number } | undefined> {
    try {
      const info = await stat(pathForKey(this.config.dir, key))
      return info.isFile() ? { bytes: info.size } : undefined
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
      throw error
    }
  }

  async remove(key: string): Promise<void> {
    const path = pathForKey(this.config.dir, key)
    for (const file of [path, ...DERIVED_IMAGES.map((image) => path + image.suffix)]) {
      await rm(file, { force: true })
      await rm(file + META_SUFFIX, { force: true })
    }
  }
}
