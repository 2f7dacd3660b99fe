import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { useI18n, type MessageKey } from '../i18n'

/** Tab labels in app.config are fixed at build time; this keeps them in the chosen language. */
const tabLabels: MessageKey[] = ['tab.home', 'tab.orders', 'tab.me']

export function useCustomerTabBar() {
  const { t, locale } = useI18n()
  const apply = () => {
    tabLabels.forEach((key, index) => {
      // Refused while the tab bar is not mounted yet (H5's first render); the page's next show sets it.
      Taro.setTabBarItem({ index, text: t(key) }).catch(() => undefined)
    })
  }
  useEffect(apply, [locale])
  useDidShow(apply)
}
