import { DomainError } from '../../domain/errors'
import type { FileStore } from '../../orders/ports'
import { withTranslatedErrors } from '../translated-errors'
import { upstreamRefused, upstreamUnavailable } from '../wechat-api'

const SERVICE = 'The photo storage'

/**
 * A file store's failure as the API's code, so none reaches a caller as a 500: S3 (or CloudBase)
 * refusing the function's own credentials or request (a 4xx other than 429) is UPSTREAM_REFUSED
 * (502), for the operator to fix; anything else — no answer, a timeout, throttling, a 5xx, a
 * local disk error — is UPSTREAM_UNAVAILABLE (503, retry-after).
 */
export function fileStoreFailure(error: unknown): DomainError {
  if (error instanceof DomainError) return error
  const { name, message, $metadata } = (error ?? {}) as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } }
  const status = $metadata?.httpStatusCode
  const why = [name, status && `HTTP ${status}`, message].filter(Boolean).join(' ') || String(error)
  if (status && status >= 400 && status < 500 && status !== 408 && status !== 429 && !/Throttl|SlowDown|Timeout/.test(name ?? '')) return upstreamRefused(SERVICE, why)
  return upstreamUnavailable(SERVICE, why)
}

/** The store, every call failing with DomainError (fileStoreFailure) instead of its SDK's or the disk's error. */
export const withUpstreamErrors = <T extends FileStore>(store: T): T => withTranslatedErrors(store, fileStoreFailure)
