import { useCallback, useMemo, useState } from 'react'
import { asApiError, type ApiError } from '../api'
import { useI18n } from '../i18n'
import { errorMessage, fieldMessages } from '../i18n/errors'

/**
 * The outcome of a failed submit: one message for the form and one beside each named field.
 * The error is kept, not its text, so the messages follow a language switch.
 */
export function useFormFeedback() {
  const { t } = useI18n()
  const [error, setError] = useState<ApiError>()

  const { fields, message } = useMemo(() => {
    if (!error) return { fields: {} as Record<string, string>, message: undefined }
    const perField = fieldMessages(t, error)
    return { fields: perField, message: Object.keys(perField).length > 0 ? t('form.fixFields') : errorMessage(t, error) }
  }, [error, t])

  const report = useCallback((failure: unknown) => setError(asApiError(failure)), [])
  const reset = useCallback(() => setError(undefined), [])

  return { fields, message, report, reset }
}
