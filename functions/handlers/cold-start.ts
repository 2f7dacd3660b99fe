import type { AppDeps } from '../api/implementations'
import { composeApp } from '../composition'
import { upstreamUnavailable } from '../integrations/wechat-api'
import { loadConfig } from '../platform/config'
import { withSecrets } from '../platform/secrets'

/** The app an entry point serves: made once, awaited by every invocation. */
export type AppReady = () => Promise<AppDeps>

/**
 * The app an entry point serves, made once at cold start. Where the environment holds the
 * secrets (local, tests) it is made at once, so a bad configuration stops the module from
 * loading; on a deployed stage the secrets are read from SSM first, and a bad configuration
 * fails every invocation (a function error the alarms see) instead of answering. SSM not
 * answering (throttled, unreachable) is UPSTREAM_UNAVAILABLE (503) for that invocation, and the
 * next one reads again.
 */
export function appAtColdStart(env: Record<string, string | undefined> = process.env): AppReady {
  if (!env.SECRETS_PATH) {
    const app = Promise.resolve(composeApp(loadConfig(env)))
    return () => app
  }
  let ready: Promise<AppDeps> | undefined
  const start = () => {
    const secrets = withSecrets(env).catch((error: unknown) => {
      // Read again by the next invocation.
      ready = undefined
      throw upstreamUnavailable('The secrets store (SSM Parameter Store)', `${(error as Error).name}: ${(error as Error).message}`, 5)
    })
    const app = secrets.then((withThem) => composeApp(loadConfig(withThem)))
    // Awaited by every invocation; nothing else may end the process over it first.
    app.catch(() => undefined)
    return app
  }
  ready = start()
  return () => (ready ??= start())
}
