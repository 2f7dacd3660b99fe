import { useCallback, useState } from 'react'
import { asApiError } from '../api'
import { useI18n } from '../i18n'
import { errorMessage, fieldMessages } from '../i18n/errors'

/** The localised outcome of a failed submit: one message for the form and one beside each named field. */
export function useFormFeedback() {
  const { t } = useI18n()
  const [fields, setFields] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<string>()

  const report = useCallback(
    (failure: unknown) => {
      const error = asApiError(failure)
      const perField = fieldMessages(t, error)
      setFields(perField)
      setMessage(Object.keys(perField).length > 0 ? t('form.fixFields') : errorMessage(t, error))
    },
    [t],
  )
  const reset = useCallback(() => {
    setFields({})
    setMessage(undefined)
  }, [])

  return { fields, message, report, reset }
}
