import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { EventBridgeEvent } from 'aws-lambda'
import { deriveImages, derivableType, isDerivedKey } from '../integrations/file-store/derived-images'
import { logger } from '../platform/logger'

const s3 = new S3Client({})

type ObjectCreated = EventBridgeEvent<'Object Created', { bucket: { name: string }; object: { key: string; size: number } }>

/**
 * An object created in the photos bucket (S3's EventBridge notification): the thumbnail and preview
 * of the uploaded photo, written beside it. Its own small bundle with sharp's Linux arm64 build
 * (serverless.yml, README "Deploying"); its role may only read and write that bucket's objects.
 * A derived image's own event is ignored, so nothing loops.
 */
export async function handler(event: ObjectCreated) {
  const bucket = event.detail.bucket.name
  const key = event.detail.object.key
  if (isDerivedKey(key)) return
  const original = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  if (!original.ContentType || !derivableType(original.ContentType) || !original.Body) return
  const bytes = Buffer.from(await original.Body.transformToByteArray())
  const derived = await deriveImages(bytes)
  for (const image of derived) {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key + image.suffix, Body: image.bytes, ContentType: 'image/jpeg' }))
  }
  logger.info('derived images made', { key, originalBytes: bytes.length, derivedBytes: derived.map((image) => image.bytes.length) })
}
