import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { asApiError } from '../../api'

/**
 * Runs one action of the order page at a time: which one is busy, what went wrong, and a
 * reload afterwards — also after a failure that means the order moved on meanwhile.
 */
export function useAction(reload: () => Promise<void>) {
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<unknown>()

  const run = useCallback(
    async (key: string, action: () => Promise<unknown>, done?: string): Promise<boolean> => {
      setBusy(key)
      setError(undefined)
      try {
        await action()
        if (done) Taro.showToast({ title: done, icon: 'success' })
        await reload()
        return true
      } catch (failure) {
        setError(failure)
        const { code } = asApiError(failure)
        if (code === 'ILLEGAL_TRANSITION' || code === 'VERSION_CONFLICT' || code === 'CONFLICT') await reload()
        return false
      } finally {
        setBusy(undefined)
      }
    },
    [reload],
  )

  return { busy, error, run, clear: () => setError(undefined) }
}
