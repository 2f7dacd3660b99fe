import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import * as z from 'zod'
import { IsoDateTimeSchema } from '../../types/common'
import { PrincipalSchema } from '../../types/entities'

const STORAGE_KEY = 'studio-erp.session'

const StoredSessionSchema = z.object({
  token: z.string().min(1),
  expiresAt: IsoDateTimeSchema,
  principal: PrincipalSchema,
})
export type Session = z.infer<typeof StoredSessionSchema>

let current: Session | null | undefined
const listeners = new Set<() => void>()

function notify() {
  listeners.forEach((listener) => listener())
}

function load(): Session | null {
  const parsed = StoredSessionSchema.safeParse(Taro.getStorageSync(STORAGE_KEY))
  return parsed.success ? parsed.data : null
}

/** The signed-in session, or null. An expired one is dropped quietly: the server would refuse it anyway. */
export function getSession(): Session | null {
  if (current === undefined) current = load()
  if (current && Date.parse(current.expiresAt) <= Date.now()) {
    current = null
    Taro.removeStorageSync(STORAGE_KEY)
  }
  return current
}

export function saveSession(session: Session) {
  current = StoredSessionSchema.parse(session)
  Taro.setStorageSync(STORAGE_KEY, current)
  notify()
}

export function clearSession() {
  current = null
  Taro.removeStorageSync(STORAGE_KEY)
  notify()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession)
}
