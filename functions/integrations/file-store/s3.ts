import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { createPresignedPost } from '@aws-sdk/s3-presigned-post'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { FileStore, UploadTarget } from '../../orders/ports'

/**
 * Photos in a private S3 bucket. Phones upload straight to S3 with a presigned POST whose
 * policy pins the key, the size range and the content type, and read through presigned
 * GET links; the function's role needs only PutObject, GetObject and DeleteObject.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const
  private readonly client: S3Client

  constructor(
    private readonly config: { bucket: string; region: string },
    client?: S3Client,
  ) {
    this.client = client ?? new S3Client({ region: config.region })
  }

  async uploadTarget(key: string, options: { contentType: string; maxBytes: number; expiresInSeconds: number }): Promise<UploadTarget> {
    const expiresAt = new Date(Date.now() + options.expiresInSeconds * 1000)
    const { url, fields } = await createPresignedPost(this.client, {
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

  /** The original image: S3 makes no thumbnails. */
  async downloadUrl(key: string, options: { expiresInSeconds: number; thumbnailWidth?: number }): Promise<string> {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.config.bucket, Key: key }), { expiresIn: options.expiresInSeconds })
  }

  async stat(key: string): Promise<{ bytes: number } | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }))
      return { bytes: head.ContentLength ?? 0 }
    } catch (error) {
      if (isNotFound(error)) return undefined
      throw error
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }))
  }
}

/** HeadObject has no body, so a missing object is only a 404 (named NotFound, or NoSuchKey by some S3-compatible stores). */
function isNotFound(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } }
  return name === 'NotFound' || name === 'NoSuchKey' || $metadata?.httpStatusCode === 404
}
