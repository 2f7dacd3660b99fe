import type { z } from 'zod'
import { ulid } from 'ulid'
import type { prepareReceiptUpload as operation } from '../../types/finance-operations'
import { callerOf, type RequestContext } from '../domain/context'
import type { FinanceDeps } from './ports'

const MAX_RECEIPT_BYTES = 10 * 1024 * 1024
const UPLOAD_SECONDS = 15 * 60
const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const

/** A link to upload one receipt photo straight to the file store; the key then goes with the entry. */
export async function prepareReceiptUpload(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const receiptKey = `studios/${caller.studioId}/receipts/${ulid(ctx.now.getTime())}.${EXTENSIONS[input.contentType]}`
  const upload = await deps.files.uploadTarget(receiptKey, { contentType: input.contentType, maxBytes: MAX_RECEIPT_BYTES, expiresInSeconds: UPLOAD_SECONDS })
  return { receiptKey, upload }
}
