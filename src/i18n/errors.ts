import { asApiError, type ApiError } from '../api'
import { isMessageKey, type Translate } from './index'

/** What to tell a person about a failed call, from its stable code (never from the server's English text). */
export function errorMessage(t: Translate, error: unknown): string {
  const { code, shortages } = asApiError(error)
  // A shortage says which materials are missing and how many, so someone can go and buy them.
  const short = shortages.map((s) => t('stock.shortageLine', { name: s.name, short: s.short, unit: s.unit, needed: s.needed, onHand: s.onHand }))
  return [t(`error.${code}`), ...short].join('\n')
}

/**
 * A message for each field the error names, keyed by the field's name. The server's messages are
 * English; the app says the same thing in the person's language from the field's own hint.
 */
export function fieldMessages(t: Translate, error: ApiError): Record<string, string> {
  const messages: Record<string, string> = {}
  for (const issue of error.fields) {
    const field = issue.path.split('.')[0]
    if (!field || messages[field]) continue
    // A conflict (a phone already taken) names its field, but the field's hint would not say what is wrong.
    if (error.code !== 'VALIDATION_FAILED') {
      messages[field] = errorMessage(t, error)
      continue
    }
    const key = `field.${field}.invalid`
    messages[field] = isMessageKey(key) ? t(key) : t('field.invalid')
  }
  return messages
}
