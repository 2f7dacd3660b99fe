import Taro from '@tarojs/taro'
import { routes } from '../lib/routes'

let leaving: Promise<unknown> | undefined

/**
 * Takes the person to the sign-in page once, however many places notice at the same moment
 * that the session is gone (an expired token on two requests, a sign-out, a page guard):
 * WeChat refuses a second reLaunch while one is under way.
 */
export function goToSignIn(): Promise<unknown> {
  leaving ??= Taro.reLaunch({ url: routes.login }).finally(() => {
    leaving = undefined
  })
  return leaving
}
