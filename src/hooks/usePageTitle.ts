import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { useI18n, type MessageKey } from '../i18n'

/** Page titles live in the dictionaries, so they are set at run time and follow a language switch. */
export function usePageTitle(key: MessageKey) {
  const { t } = useI18n()
  const title = t(key)
  const apply = () => {
    Taro.setNavigationBarTitle({ title })
  }
  useEffect(apply, [title])
  useDidShow(apply)
}
