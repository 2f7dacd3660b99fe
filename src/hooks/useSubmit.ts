import { useCallback, useRef, useState } from 'react'
import { useFormFeedback } from './useFormFeedback'

/**
 * An action a person starts with a button (save, pay, confirm): `saving` while it runs, a second tap
 * meanwhile does nothing, and a failure is shown — one message for the form and one beside each field
 * it names — until the next attempt. The action may throw an ApiError of its own for a check made here.
 */
export function useSubmit() {
  const { fields, message, report, reset } = useFormFeedback()
  const [saving, setSaving] = useState(false)
  const running = useRef(false)

  /** `onError` runs after the failure is shown: e.g. load the version someone else saved first, to redo the edit on top of it. */
  const submit = useCallback(
    async (action: () => Promise<unknown>, onError?: (failure: unknown) => unknown) => {
      if (running.current) return
      running.current = true
      reset()
      setSaving(true)
      try {
        await action()
      } catch (failure) {
        report(failure)
        await onError?.(failure)
      } finally {
        running.current = false
        setSaving(false)
      }
    },
    [report, reset],
  )

  return { submit, saving, fields, message, report, reset }
}
