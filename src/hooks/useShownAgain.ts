import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

/**
 * Runs `onShownAgain` each time the page is shown again (back from a page it opened, or a tab
 * switched back to), never on the first show, which is the page's own initial load.
 */
export function useShownAgain(onShownAgain: () => void) {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) onShownAgain()
    shown.current = true
  })
}
