import Taro from '@tarojs/taro'
import { routes } from './routes'

/** Back to where the person came from, or to the workspace when the page was opened directly (a shared link, H5 reload). */
export function goBack() {
  if (Taro.getCurrentPages().length > 1) return Taro.navigateBack()
  return Taro.reLaunch({ url: routes.workspace })
}
