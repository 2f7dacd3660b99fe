/**
 * The part of @tarojs/taro the app's modules touch, for jsdom: storage in memory, navigation
 * and requests as mocks a test can inspect. Mapped in place of '@tarojs/taro' for tests/ui.
 */
const storage = new Map<string, unknown>()

export const request = jest.fn()
export const reLaunch = jest.fn(async () => ({ errMsg: 'reLaunch:ok' }))
export const setNavigationBarTitle = jest.fn(async () => ({ errMsg: 'setNavigationBarTitle:ok' }))
export const showToast = jest.fn(async (_options: { title: string; icon?: string }) => ({ errMsg: 'showToast:ok' }))

export function resetTaro() {
  storage.clear()
  request.mockReset()
  reLaunch.mockClear()
  showToast.mockClear()
}

const Taro = {
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => {
    storage.set(key, value)
  },
  removeStorageSync: (key: string) => {
    storage.delete(key)
  },
  request,
  reLaunch,
  setNavigationBarTitle,
  showToast,
}

export const useDidShow = () => undefined
export default Taro
