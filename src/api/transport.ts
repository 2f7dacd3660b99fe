import Taro from '@tarojs/taro'
import { ErrorBodySchema } from '../../types/errors'
import type { Operation } from '../../types/operation'
import { ApiError } from './errors'

type Input = Record<string, unknown>

/** Sends one operation and resolves with its raw (unparsed) output, or throws an ApiError. */
export interface Transport {
  send(op: Operation, input: Input, token: string | undefined): Promise<unknown>
}

const CLOUD_FUNCTION = 'studio-erp'

/** A gateway's own answer when the API behind it is down or restarting: not the API's fault, so not INTERNAL. */
const UNREACHABLE_STATUSES = new Set([502, 503, 504])

function errorFromBody(body: unknown, status?: number): ApiError {
  const parsed = ErrorBodySchema.safeParse(body)
  if (!parsed.success) {
    if (status !== undefined && UNREACHABLE_STATUSES.has(status)) return new ApiError('NETWORK', `The API is unreachable (HTTP ${status})`, { status })
    return new ApiError('INTERNAL', 'The API answered with an unexpected error body', { status })
  }
  const { code, message, details, requestId } = parsed.data.error
  return new ApiError(code, message, { fields: details?.fields, status, requestId, nextFreeTimes: details?.nextFreeTimes, shortages: details?.shortages })
}

/** Fills `{name}` segments of the path from the input and returns what is left for the query or body. */
export function bindPath(path: string, input: Input): { path: string; rest: Input } {
  const rest: Input = { ...input }
  const bound = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = rest[name]
    delete rest[name]
    return encodeURIComponent(String(value ?? ''))
  })
  return { path: bound, rest }
}

export function queryString(params: Input): string {
  const pairs = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return pairs.length ? `?${pairs.join('&')}` : ''
}

export function httpTransport(apiBase: string): Transport {
  return {
    async send(op, input, token) {
      const { path, rest } = bindPath(op.path, input)
      const isGet = op.method === 'GET'
      const header: Record<string, string> = { Accept: 'application/json' }
      if (!isGet) header['Content-Type'] = 'application/json'
      if (token) header.Authorization = `Bearer ${token}`
      let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>
      try {
        response = await Taro.request({
          url: `${apiBase}${path}${isGet ? queryString(rest) : ''}`,
          method: op.method as keyof Taro.request.Method,
          header,
          data: isGet ? undefined : rest,
          dataType: 'json',
        })
      } catch (failure) {
        const detail = (failure as { errMsg?: string })?.errMsg ?? String(failure)
        throw new ApiError('NETWORK', detail)
      }
      if (response.statusCode >= 200 && response.statusCode < 300) return response.data
      throw errorFromBody(response.data, response.statusCode)
    },
  }
}

/** Inside WeChat every operation goes through the one CloudBase function, which answers `{ result }` or `{ error }`. */
export function cloudTransport(): Transport {
  return {
    async send(op, input, token) {
      let answer: unknown
      try {
        const response = await Taro.cloud.callFunction({ name: CLOUD_FUNCTION, data: { op: op.name, input, token } })
        answer = response.result
      } catch (failure) {
        const detail = (failure as { errMsg?: string })?.errMsg ?? String(failure)
        throw new ApiError('NETWORK', detail)
      }
      if (answer && typeof answer === 'object' && 'result' in answer) return (answer as { result: unknown }).result
      throw errorFromBody(answer)
    },
  }
}

/** WeChat's cloud carries the calls only when the build names a cloud environment (TARO_APP_CLOUD_ENV); otherwise HTTPS to the API. */
function cloudAvailable(): boolean {
  return process.env.TARO_ENV === 'weapp' && Boolean(process.env.TARO_APP_CLOUD_ENV) && typeof Taro.cloud?.callFunction === 'function'
}

let cloudInitialised = false

export function selectTransport(): Transport {
  if (cloudAvailable()) {
    if (!cloudInitialised) {
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV, traceUser: true })
      cloudInitialised = true
    }
    return cloudTransport()
  }
  return httpTransport(process.env.TARO_APP_API_BASE || '/api')
}
