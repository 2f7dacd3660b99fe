/**
 * The port to where photos live: S3 (presigned POST and GET) on AWS, CloudBase storage in
 * WeChat's cloud, a local folder behind the local file server otherwise. Keys are always
 * `studios/<studioId>/…`, built by the caller.
 */

/** A browser-style form upload: POST multipart/form-data to `url` with `fields` first and the file as `file` last. */
export interface UploadTarget {
  url: string
  fields: Record<string, string>
  /** The form field name the file goes in. */
  fileField: string
  expiresAt: string
}

export interface FileStore {
  readonly kind: 's3' | 'cloudbase' | 'local'
  /** Lets one image of at most `maxBytes` be uploaded to `key` until the link expires. */
  uploadTarget(key: string, options: { contentType: string; maxBytes: number; expiresInSeconds: number }): Promise<UploadTarget>
  /** A link to read the file (or a thumbnail of it, where the store can make one) until it expires. */
  downloadUrl(key: string, options: { expiresInSeconds: number; thumbnailWidth?: number }): Promise<string>
  /** Whether the file has arrived, and its size. */
  stat(key: string): Promise<{ bytes: number } | undefined>
  remove(key: string): Promise<void>
}
