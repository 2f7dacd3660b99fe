import { resolve } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { httpReady, quietServerlessEnv, startChild, waitFor } from './processes'

export interface LocalApiOptions {
  port: number
  lambdaPort: number
  stage: 'local' | 'test'
  env: Record<string, string>
  quiet?: boolean
}

/** Runs the API through serverless-offline on the real serverless.yml, and waits until it answers. */
export async function startLocalApi(options: LocalApiOptions): Promise<{ url: string; process: ChildProcess }> {
  const root = resolve(__dirname, '../..')
  const child = startChild(resolve(root, 'node_modules/.bin/osls'), ['offline', 'start', '--stage', options.stage], {
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
  await waitFor('the API (serverless-offline)', () => httpReady(`${url}/health`), 120_000, child)
  return { url, process: child }
}
