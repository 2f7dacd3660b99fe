import { DomainError } from '../domain/errors'

/**
 * WeChat's server API (api.weixin.qq.com) as the adapters call it, and its failures as the API's
 * codes, so none reaches a caller as a 500:
 * - no answer (network failure, timeout), an HTTP error or an unreadable answer, and errcodes
 *   -1 (system busy), 45009 (daily quota) and 45011 (rate limit): UPSTREAM_UNAVAILABLE (503, retry-after);
 * - 40029 (invalid code), 40163 (code used) and 41008 (no code): WECHAT_CODE_INVALID (400) — the
 *   mini-program asks WeChat for a new code and tries again;
 * - 40001, 40014, 42001 (the access token is invalid or expired): a new token is fetched and the
 *   call made once more (WeChatAccessToken.call);
 * - any other errcode (a wrong app secret, an IP not on the allow list, a template WeChat does
 *   not know): UPSTREAM_REFUSED (502), for the studio's operator to fix.
 */
export interface WeChatApi {
  base: string
  timeoutMs: number
}

export const WECHAT_API: WeChatApi = { base: 'https://api.weixin.qq.com', timeoutMs: 5000 }

export interface WeChatAnswer {
  errcode?: number
  errmsg?: string
}

export const upstreamUnavailable = (service: string, why: string, retryAfterSeconds = 30) =>
  new DomainError('UPSTREAM_UNAVAILABLE', `${service} is not answering now (${why}); try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds })

export const upstreamRefused = (service: string, why: string) => new DomainError('UPSTREAM_REFUSED', `${service} refused the studio's request (${why})`)

/** Busy or over a limit, and how long to wait (seconds). */
const BUSY: Record<number, number> = { [-1]: 5, 45009: 600, 45011: 60 }
const CODE_INVALID = new Set([40029, 40163, 41008])
export const TOKEN_EXPIRED = new Set([40001, 40014, 42001])

/** The failure an answer's errcode stands for; undefined when it is no failure. */
export function weChatFailure(service: string, answer: WeChatAnswer): DomainError | undefined {
  const code = answer.errcode
  if (code === undefined || code === 0) return undefined
  const why = `errcode ${code}${answer.errmsg ? ` ${answer.errmsg}` : ''}`
  if (code in BUSY) return upstreamUnavailable(service, why, BUSY[code])
  if (CODE_INVALID.has(code)) return new DomainError('WECHAT_CODE_INVALID', `WeChat did not accept the code (${why}); ask WeChat for a new one and try again`)
  if (TOKEN_EXPIRED.has(code)) return upstreamUnavailable(service, why)
  return upstreamRefused(service, why)
}

/** One call to WeChat's server API: its JSON answer, or UPSTREAM_UNAVAILABLE when there is none to read. */
export async function callWeChat<T extends WeChatAnswer>(api: WeChatApi, service: string, path: string, init: { query?: Record<string, string>; json?: unknown } = {}): Promise<T> {
  const url = new URL(path, api.base)
  if (init.query) url.search = new URLSearchParams(init.query).toString()
  let response: Response
  try {
    response = await fetch(url, {
      ...(init.json !== undefined ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.json) } : {}),
      signal: AbortSignal.timeout(api.timeoutMs),
    })
  } catch (error) {
    const name = (error as Error).name
    throw upstreamUnavailable(service, name === 'TimeoutError' ? `no answer within ${api.timeoutMs / 1000} s` : `unreachable: ${(error as Error).message}`)
  }
  if (!response.ok) throw upstreamUnavailable(service, `HTTP ${response.status}`)
  try {
    return (await response.json()) as T
  } catch {
    throw upstreamUnavailable(service, 'an unreadable answer')
  }
}
