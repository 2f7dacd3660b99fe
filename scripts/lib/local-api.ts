import { resolve } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { health } from '../../types/identity-operations'
import { NotReadyError, quietServerlessEnv, startChild, waitFor } from './processes'

export interface LocalApiOptions {
  port: number
  lambdaPort: number
  stage: 'local' | 'test'
  env: Record<string, string>
  quiet?: boolean
  /** Another serverless config in the project folder (the default is serverless.yml). */
  config?: string
}

/**
 * True once `/health` gives the real health answer. Anything else that answers — a
 * `HandlerNotFound` from serverless-offline when the handler does not load, a 5xx, a body
 * that is not `{ ok: true, stage }` — is a broken API, reported at once with what it said.
 */
export async function apiHealthy(url: string, stage: string): Promise<boolean> {
  const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  const answer = health.output.safeParse(body)
  if (response.status === 200 && answer.success && answer.data.stage === stage) return true
  throw new NotReadyError(`GET /health answered ${response.status} ${text.slice(0, 300)}, not the health answer { ok: true, stage: "${stage}" }`)
}

/** Runs the API through serverless-offline on the real serverless.yml, and waits until it answers. */
export async function startLocalApi(options: LocalApiOptions): Promise<{ url: string; process: ChildProcess }> {
  const root = resolve(__dirname, '../..')
  const child = startChild(resolve(root, 'node_modules/.bin/osls'), ['offline', 'start', '--stage', options.stage, ...(options.config ? ['--config', options.config] : [])], {
    cwd: root,
    label: 'api',
    quiet: options.quiet,
    env: {
      ...process.env,
      ...quietServerlessEnv,
      ...options.env,
      API_PORT: String(options.port),
      API_LAMBDA_PORT: String(options.lambdaPort),
    },
  })
  const url = `http://127.0.0.1:${options.port}`
  await waitFor('the API (serverless-offline)', () => apiHealthy(url, options.stage), 120_000, child)
  return { url, process: child }
}
