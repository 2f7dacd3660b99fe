import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { Principal } from '../../types/entities'
import { signOut as signOutOperation, staffSignIn, wechatSignIn } from '../../types/operations'
import { call } from '../api'
import { routes } from '../lib/routes'
import { goToSignIn } from './navigation'
import { clearSession, getSession, saveSession } from './store'

export function isStaff(principal: Principal): boolean {
  return principal.kind === 'staff'
}

/** Where a signed-in person starts: staff in their workspace, customers on the home tab. */
export function enterApp(principal: Principal) {
  return Taro.reLaunch({ url: isStaff(principal) ? routes.workspace : routes.home })
}

/** Where this device keeps the device token of an account it signed in to (the owner's device gets a gentler sign-in throttle). */
const deviceTokenKey = (studioCode: string, username: string) => `studio-erp.device.${studioCode.trim().toLowerCase()}#${username.trim().toLowerCase()}`

export async function signInStaff(input: z.input<typeof staffSignIn.input>): Promise<Principal> {
  const key = deviceTokenKey(input.studioCode, input.username)
  const deviceToken = (Taro.getStorageSync(key) as string | undefined) || undefined
  const { deviceToken: next, ...session } = await call(staffSignIn, { ...input, deviceToken })
  Taro.setStorageSync(key, next)
  saveSession(session)
  return session.principal
}

/**
 * In WeChat the code comes from wx.login and the server trades it for the customer's openid.
 * Outside WeChat the server's development sign-in accepts `dev:<name>` codes instead.
 */
async function wechatCode(nickname: string | undefined): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') return (await Taro.login()).code
  const name = nickname?.trim() || `guest-${Math.random().toString(36).slice(2, 8)}`
  return `dev:${name}`
}

export async function signInWithWechat(studioCode: string, nickname?: string): Promise<Principal> {
  const code = await wechatCode(nickname)
  const session = await call(wechatSignIn, { studioCode, code, nickname: nickname?.trim() || undefined })
  saveSession(session)
  return session.principal
}

/** Ends the session on the server when it can; the phone forgets it either way. */
export async function signOut() {
  if (getSession()) {
    try {
      await call(signOutOperation, {})
    } catch {
      // The session is forgotten locally even when the server cannot be reached or already ended it.
    }
  }
  clearSession()
  await goToSignIn()
}
