import { useCallback, useEffect, useRef, useState } from 'react'

export interface Query<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => Promise<void>
  /** Reads again if the page is using this query (enabled), else does nothing. */
  refresh: () => Promise<void>
}

/** Loads data for a page when `enabled`, again when a dependency changes, and on reload(). */
export function useQuery<T>(load: () => Promise<T>, deps: readonly unknown[], enabled = true): Query<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<unknown>()
  const [loading, setLoading] = useState(enabled)
  const latest = useRef(0)

  const reload = useCallback(async () => {
    const run = ++latest.current
    setLoading(true)
    setError(undefined)
    try {
      const result = await load()
      if (run === latest.current) setData(result)
    } catch (failure) {
      if (run === latest.current) setError(failure)
    } finally {
      if (run === latest.current) setLoading(false)
    }
  }, deps)

  useEffect(() => {
    if (enabled) reload()
  }, [reload, enabled])

  const refresh = useCallback(() => (enabled ? reload() : Promise.resolve()), [reload, enabled])

  return { data, error, loading, reload, refresh }
}
