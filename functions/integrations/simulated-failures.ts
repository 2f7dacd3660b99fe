import { DomainError } from '../domain/errors'
import { upstreamRefused, upstreamUnavailable, weChatFailure } from './wechat-api'

/**
 * SIMULATED WeChat failures on demand, for local use and tests only: a simulated adapter's code
 * (sign-in `dev:fail:<failure>`, phone `dev-phone:fail:<failure>`) names the failure WeChat would
 * answer, and the adapter fails exactly as the real one does on that answer:
 * - `invalid-code`: errcode 40029 → WECHAT_CODE_INVALID (400)
 * - `rate-limited`: errcode 45011 → UPSTREAM_UNAVAILABLE (503, retry after 60 s)
 * - `busy`: errcode -1 → UPSTREAM_UNAVAILABLE (503, retry after 5 s)
 * - `unavailable`: no answer (network failure or timeout) → UPSTREAM_UNAVAILABLE (503)
 * - `refused`: errcode 40125 (wrong app secret) → UPSTREAM_REFUSED (502)
 */
export const SIMULATED_FAILURES = {
  'invalid-code': (service: string) => weChatFailure(service, { errcode: 40029, errmsg: 'invalid code (simulated)' })!,
  'rate-limited': (service: string) => weChatFailure(service, { errcode: 45011, errmsg: 'api minute-quota reach limit (simulated)' })!,
  busy: (service: string) => weChatFailure(service, { errcode: -1, errmsg: 'system error (simulated)' })!,
  unavailable: (service: string) => upstreamUnavailable(service, 'unreachable (simulated)'),
  refused: (service: string) => upstreamRefused(service, 'errcode 40125 invalid appsecret (simulated)'),
} as const satisfies Record<string, (service: string) => DomainError>

/** The failure a simulated code `fail:<failure>` asks for; undefined for any other code. */
export function simulatedFailure(service: string, code: string): DomainError | undefined {
  if (!code.startsWith('fail:')) return undefined
  const make = SIMULATED_FAILURES[code.slice('fail:'.length) as keyof typeof SIMULATED_FAILURES]
  return make ? make(service) : new DomainError('WECHAT_CODE_INVALID', `No simulated failure ${code}; one of ${Object.keys(SIMULATED_FAILURES).join(', ')}`)
}
