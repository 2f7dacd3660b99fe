import { useCallback, useRef, useState } from 'react'
import { writesSoFar } from '../api'
import { useFormFeedback } from './useFormFeedback'

/**
 * How long after an action that wrote something a tap still counts as part of it: the button under
 * the finger may have just become the next step (接单 → 完成), and a double tap must not take that step too.
 */
export const SETTLE_MS = 500

/**
 * What an action answers when the person backed out after it had already written something (a
 * charge prepared, then WeChat's payment sheet closed): it did not succeed, and the next tap is a
 * fresh start. An action that wrote nothing needs no such answer: the next tap is always live then.
 */
export const NOTHING_DONE = Symbol('nothing done')

/**
 * An action a person starts with a button (save, pay, confirm, a row's step): `busy` names the one
 * running, a second tap meanwhile — or in the moment after it succeeded in writing to the studio's API
 * (writesSoFar) — does nothing, and a failure is shown — one message for the form and one beside each
 * field it names — until the next attempt. An action that wrote nothing (refused and handled on the
 * page, backed out of, only read) leaves the next tap live. The action may throw an ApiError of its
 * own for a check made here.
 */
export function useSubmit() {
  const { fields, message, report, reset } = useFormFeedback()
  const [busy, setBusy] = useState<string>()
  const running = useRef(false)
  const endedAt = useRef(0)

  /**
   * Runs `action` under `key` (one of several buttons of a page); answers whether it succeeded: it ran, did not throw, and did not answer NOTHING_DONE.
   * `onError` runs after the failure is shown: e.g. load the version someone else saved first, to redo the edit on top of it.
   */
  const run = useCallback(
    async (key: string, action: () => Promise<unknown>, onError?: (failure: unknown) => unknown): Promise<boolean> => {
      if (running.current || Date.now() - endedAt.current < SETTLE_MS) return false
      running.current = true
      reset()
      setBusy(key)
      const writesBefore = writesSoFar()
      try {
        if ((await action()) === NOTHING_DONE) return false
        if (writesSoFar() !== writesBefore) endedAt.current = Date.now()
        return true
      } catch (failure) {
        report(failure)
        await onError?.(failure)
        return false
      } finally {
        running.current = false
        setBusy(undefined)
      }
    },
    [report, reset],
  )

  const submit = useCallback((action: () => Promise<unknown>, onError?: (failure: unknown) => unknown) => run('submit', action, onError), [run])

  return { submit, run, busy, saving: busy !== undefined, fields, message, report, reset }
}
