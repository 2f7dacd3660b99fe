import Taro from '@tarojs/taro'
import { useMemo, useSyncExternalStore } from 'react'
import { LocaleSchema, type Locale } from '../../types/common'
import { enUS } from './en-US'
import { zhCN, type MessageKey } from './zh-CN'

export type { MessageKey } from './zh-CN'
export type Params = Record<string, string | number>
export type Translate = (key: MessageKey, params?: Params) => string

const STORAGE_KEY = 'studio-erp.locale'
const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS }

let current: Locale | undefined
const listeners = new Set<() => void>()

export function getLocale(): Locale {
  if (current === undefined) {
    const stored = LocaleSchema.safeParse(Taro.getStorageSync(STORAGE_KEY))
    current = stored.success ? stored.data : 'zh-CN'
  }
  return current
}

export function setLocale(locale: Locale) {
  current = locale
  Taro.setStorageSync(STORAGE_KEY, locale)
  listeners.forEach((listener) => listener())
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key)
}

export function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale]
  return (key, params) => {
    const text = dictionary[key]
    return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match)) : text
  }
}

/** The current language for code outside components (titles, toasts). */
export function t(key: MessageKey, params?: Params): string {
  return translator(getLocale())(key, params)
}

export function useI18n() {
  const locale = useSyncExternalStore(subscribe, getLocale)
  return useMemo(() => ({ locale, t: translator(locale), setLocale }), [locale])
}
