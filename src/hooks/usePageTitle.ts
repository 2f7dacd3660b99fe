import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { useI18n, type MessageKey, type Params } from '../i18n'

/** Page titles live in the dictionaries, so they are set at run time and follow a language switch; a title may name what is shown (a day). */
export function usePageTitle(key: MessageKey, params?: Params) {
  const { t } = useI18n()
  const title = t(key, params)
  const apply = () => {
    Taro.setNavigationBarTitle({ title })
  }
  useEffect(apply, [title])
  useDidShow(apply)
}
