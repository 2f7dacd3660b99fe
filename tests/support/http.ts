import { TEST_PASSWORD } from './constants'

export interface Answer<T = any> {
  status: number
  body: T
  headers: Headers
}

export function apiUrl(): string {
  const url = process.env.TEST_API_URL
  if (!url) throw new Error('The API is not running: run the tests through jest (global setup)')
  return url
}

/** One HTTP request to the API under test, as the app would send it. */
export async function http<T = any>(
  method: string,
  path: string,
  options: { body?: unknown; token?: string; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  // A connection per request: on a loaded machine a kept-alive socket can be closed by the server's idle
  // timer just as the next request is written on it, which fails that request with "other side closed".
  const headers: Record<string, string> = { connection: 'close', ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let body: string | undefined = options.rawBody
  if (options.body !== undefined) body = JSON.stringify(options.body)
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json'
  const response = await fetch(apiUrl() + path, { method, headers, body })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers }
}

/** The body of a 200 answer; anything else throws, saying what failed. */
export function ok<T = any>(answer: { status: number; body: T }, what: string): T {
  if (answer.status !== 200) throw new Error(`${what} failed (${answer.status}): ${JSON.stringify(answer.body)}`)
  return answer.body
}

export async function signIn(studioCode: string, username: string, password = TEST_PASSWORD): Promise<string> {
  const answer = await http('POST', '/auth/staff/sign-in', { body: { studioCode, username, password } })
  if (answer.status !== 200) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(answer.body)}`)
  return answer.body.token
}

export async function signInCustomer(studioCode: string, name: string): Promise<{ token: string; id: string }> {
  const answer = await http('POST', '/auth/wechat/sign-in', { body: { studioCode, code: `dev:${name}`, nickname: name } })
  if (answer.status !== 200) throw new Error(`customer sign-in failed: ${JSON.stringify(answer.body)}`)
  return { token: answer.body.token, id: answer.body.principal.id }
}
