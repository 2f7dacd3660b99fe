import type { AppDeps } from '../api/implementations'
import { composeApp } from '../composition'
import { loadConfig } from '../platform/config'
import { withSecrets } from '../platform/secrets'

/**
 * The app an entry point serves, made once at cold start. Where the environment holds the
 * secrets (local, tests) it is made at once, so a bad configuration stops the module from
 * loading; on a deployed stage the secrets are read from SSM first, and a bad configuration
 * fails every invocation (a function error the alarms see) instead of answering.
 */
export function appAtColdStart(env: Record<string, string | undefined> = process.env): Promise<AppDeps> {
  if (!env.SECRETS_PATH) return Promise.resolve(composeApp(loadConfig(env)))
  const ready = withSecrets(env).then((withThem) => composeApp(loadConfig(withThem)))
  // Awaited by every invocation; nothing else may end the process over it first.
  ready.catch(() => undefined)
  return ready
}
