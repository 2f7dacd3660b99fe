import type { S3Client } from '@aws-sdk/client-s3'
import type { FileStore, UploadTarget } from '../../orders/ports'
import { DERIVED_IMAGES, derivedKeyFor } from './derived-images'

/** The S3 SDK loads with the first photo request, not at cold start: most requests never touch photos. */
const s3 = () => import('@aws-sdk/client-s3')

/**
 * Photos in a private S3 bucket. Phones upload straight to S3 with a presigned POST whose
 * policy pins the key, the size range and the content type, and read through presigned
 * GET links; the function's role needs only PutObject, GetObject and DeleteObject.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const
  private client?: Promise<S3Client>

  constructor(
    private readonly config: { bucket: string; region: string },
    client?: S3Client,
  ) {
    if (client) this.client = Promise.resolve(client)
  }

  private s3Client(): Promise<S3Client> {
    return (this.client ??= s3().then(({ S3Client }) => new S3Client({ region: this.config.region })))
  }

  async uploadTarget(key: string, options: { contentType: string; maxBytes: number; expiresInSeconds: number }): Promise<UploadTarget> {
    const expiresAt = new Date(Date.now() + options.expiresInSeconds * 1000)
    const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post')
    const { url, fields } = await createPresignedPost(await this.s3Client(), {
      Bucket: this.config.bucket,
      // The presigner adds the exact-key condition itself.
      Key: key,
      Conditions: [
        ['content-length-range', 1, options.maxBytes],
        ['eq', '$Content-Type', options.contentType],
      ],
      Fields: { 'Content-Type': options.contentType },
      Expires: options.expiresInSeconds,
    })
    return { url, fields, fileField: 'file', expiresAt: expiresAt.toISOString() }
  }

  /**
   * The original image, or the thumbnail or preview beside it: the upload's S3 event makes those
   * (functions/handlers/derive-images.ts) within seconds of the upload.
   */
  async downloadUrl(original: string, options: { expiresInSeconds: number; thumbnailWidth?: number }): Promise<string> {
    const key = options.thumbnailWidth ? derivedKeyFor(original, options.thumbnailWidth) : original
    const [{ getSignedUrl }, { GetObjectCommand }] = await Promise.all([import('@aws-sdk/s3-request-presigner'), s3()])
    return getSignedUrl(await this.s3Client(), new GetObjectCommand({ Bucket: this.config.bucket, Key: key }), { expiresIn: options.expiresInSeconds })
  }

  async stat(key: string): Promise<{ bytes: number } | undefined> {
    try {
      const { HeadObjectCommand } = await s3()
      const head = await (await this.s3Client()).send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }))
      return { bytes: head.ContentLength ?? 0 }
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw error
    }
  }

  async remove(key: string): Promise<void> {
    const { DeleteObjectCommand } = await s3()
    for (const name of [key, ...DERIVED_IMAGES.map((image) => key + image.suffix)]) {
      await (await this.s3Client()).send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: name }))
    }
  }
}

/** HeadObject has no body, so a missing object is only a 404 (named NotFound, or NoSuchKey by some S3-compatible stores). */
function isNotFound(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } }
  return name === 'NotFound' || name === 'NoSuchKey' || $metadata?.httpStatusCode === 404
}
