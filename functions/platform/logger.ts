import { Logger } from '@aws-lambda-powertools/logger'

const PHONE_KEYS = new Set(['phone', 'phoneNumber', 'customerPhone'])
const NAME_KEYS = new Set(['name', 'displayName', 'partnerName', 'customerName', 'payerName'])
const OPENID_KEYS = new Set(['openId', 'openid', 'OPENID', 'unionId', 'payerOpenId'])

/** 13812345678 → 138****5678; a name keeps its first character; an openid its first four. */
export function maskPersonalData(key: string, value: unknown): unknown {
  if (typeof value !== 'string' || !value) return value
  if (PHONE_KEYS.has(key)) return value.length >= 7 ? `${value.slice(0, 3)}****${value.slice(-4)}` : '****'
  if (NAME_KEYS.has(key)) return `${[...value][0]}**`
  if (OPENID_KEYS.has(key)) return `${value.slice(0, 4)}…`
  return value
}

/**
 * Structured JSON logs, one object a line, with the request id, the operation and the studio
 * appended by the entry points; phone numbers, names and openids masked wherever they appear
 * as a field. Full error detail goes here, never into a response.
 */
export const logger = new Logger({ serviceName: 'studio-erp', jsonReplacerFn: maskPersonalData })
