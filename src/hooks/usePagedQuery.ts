import { useCallback, useEffect, useRef, useState } from 'react'

export interface Page<T> {
  items: T[]
  nextCursor?: string
}

/**
 * A list read a page at a time: the first page whenever a dependency changes, the next one on
 * loadMore(). Answers to a superseded search are dropped so a slow one never overwrites a newer one.
 */
export function usePagedQuery<T>(load: (cursor: string | undefined) => Promise<Page<T>>, deps: readonly unknown[], enabled = true) {
  const [items, setItems] = useState<T[]>()
  const [nextCursor, setNextCursor] = useState<string>()
  const [error, setError] = useState<unknown>()
  const [loading, setLoading] = useState(enabled)
  const run = useRef(0)
  const busy = useRef(false)

  const fetchPage = useCallback(async (cursor: string | undefined) => {
    const current = cursor === undefined ? ++run.current : run.current
    busy.current = true
    setLoading(true)
    setError(undefined)
    try {
      const page = await load(cursor)
      if (current !== run.current) return
      setItems((shown) => (cursor === undefined ? page.items : [...(shown ?? []), ...page.items]))
      setNextCursor(page.nextCursor)
    } catch (failure) {
      if (current === run.current) setError(failure)
    } finally {
      if (current === run.current) {
        busy.current = false
        setLoading(false)
      }
    }
  }, deps)

  const reload = useCallback(() => fetchPage(undefined), [fetchPage])
  const loadMore = useCallback(() => {
    if (nextCursor && !busy.current) void fetchPage(nextCursor)
  }, [fetchPage, nextCursor])

  useEffect(() => {
    if (enabled) void reload()
  }, [reload, enabled])

  /** Reads the first page again if the page is using this list (enabled), else does nothing. */
  const refresh = useCallback(() => (enabled ? reload() : Promise.resolve()), [reload, enabled])

  return { items, hasMore: nextCursor !== undefined, error, loading, reload, refresh, loadMore }
}
