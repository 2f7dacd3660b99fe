import Taro, { usePullDownRefresh as useTaroPullDownRefresh } from '@tarojs/taro'

/** A page's query (useQuery, usePagedQuery), or any reading the page does again. */
export type Refreshable = { refresh: () => Promise<unknown> } | (() => Promise<unknown>)

/**
 * Pulling a list down reads it again: every query given that is in use on the page; the spinner
 * stops when the answers are in (or have failed — the list then shows its own error). The page's
 * config must set `enablePullDownRefresh: true` (tests/unit/pull-to-refresh.test.ts checks every page).
 */
export function usePullDownRefresh(...sources: Refreshable[]) {
  useTaroPullDownRefresh(() => {
    void Promise.allSettled(sources.map((source) => (typeof source === 'function' ? source() : source.refresh()))).finally(() => Taro.stopPullDownRefresh())
  })
}
