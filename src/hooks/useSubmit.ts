import { useRef, useState } from 'react'
import { useFormFeedback } from './useFormFeedback'

interface Options {
  /** After a failure is shown: e.g. load the version someone else saved first, so the edit can be redone on top of it. */
  onError?: (failure: unknown) => unknown
}

/**
 * An action a person starts with a button (save, pay, confirm): `saving` while it runs, a second tap
 * meanwhile does nothing, and a failure is shown — one message for the form and one beside each field
 * it names — until the next attempt. The action may throw an ApiError of its own for a check made here.
 */
export function useSubmit<Args extends unknown[]>(action: (...args: Args) => Promise<unknown>, { onError }: Options = {}) {
  const feedback = useFormFeedback()
  const [saving, setSaving] = useState(false)
  const running = useRef(false)

  const submit = async (...args: Args) => {
    if (running.current) return
    running.current = true
    feedback.reset()
    setSaving(true)
    try {
      await action(...args)
    } catch (failure) {
      feedback.report(failure)
      await onError?.(failure)
    } finally {
      running.current = false
      setSaving(false)
    }
  }

  return { submit, saving, fields: feedback.fields, message: feedback.message, report: feedback.report, reset: feedback.reset }
}
