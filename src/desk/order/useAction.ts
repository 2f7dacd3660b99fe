import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { asApiError } from '../../api'
import { useSubmit } from '../../hooks/useSubmit'

/**
 * Runs one action of the order page at a time (useSubmit): which one is busy, what went wrong, and a
 * reload afterwards — also after a failure that means the order moved on meanwhile.
 */
export function useAction(reload: () => Promise<void>) {
  const { run: submit, busy, message, reset } = useSubmit()

  const run = useCallback(
    (key: string, action: () => Promise<unknown>, done?: string): Promise<boolean> =>
      submit(
        key,
        async () => {
          await action()
          if (done) Taro.showToast({ title: done, icon: 'success' })
          await reload()
        },
        async (failure) => {
          const { code } = asApiError(failure)
          if (code === 'ILLEGAL_TRANSITION' || code === 'VERSION_CONFLICT' || code === 'CONFLICT') await reload()
        },
      ),
    [reload, submit],
  )

  return { busy, message, run, clear: reset }
}
