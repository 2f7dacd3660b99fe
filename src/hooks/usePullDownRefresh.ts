import Taro, { usePullDownRefresh as useTaroPullDownRefresh } from '@tarojs/taro'

/**
 * Pulling a list down reads it again; the spinner stops when the answer is in (or has failed —
 * the list then shows its own error). The page's config must set `enablePullDownRefresh: true`.
 */
export function usePullDownRefresh(reload: () => Promise<unknown>) {
  useTaroPullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
}
