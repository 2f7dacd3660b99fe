/**
 * The part of @tarojs/taro the app's modules touch, for jsdom: storage in memory, navigation
 * and requests as mocks a test can inspect. Mapped in place of '@tarojs/taro' for tests/ui.
 */
const storage = new Map<string, unknown>()

export const request = jest.fn()
export const reLaunch = jest.fn(async () => ({ errMsg: 'reLaunch:ok' }))
export const setNavigationBarTitle = jest.fn(async () => ({ errMsg: 'setNavigationBarTitle:ok' }))
export const showToast = jest.fn(async (_options: { title: string; icon?: string }) => ({ errMsg: 'showToast:ok' }))

/**
 * `Taro.request` as the H5 build does it, over real HTTP: for tests that talk to the API under test
 * (`request.mockImplementation(requestOverHttp)`). A connection per request, as tests/support/http.ts.
 */
export async function requestOverHttp({ url, method = 'GET', header = {}, data }: { url: string; method?: string; header?: Record<string, string>; data?: unknown }) {
  const response = await fetch(url, { method, headers: { ...header, connection: 'close' }, body: data === undefined ? undefined : JSON.stringify(data) })
  const text = await response.text()
  return { statusCode: response.status, data: text ? JSON.parse(text) : '', header: {}, errMsg: 'request:ok' }
}

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
