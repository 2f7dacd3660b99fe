import { releaseExpiredHolds, sendShootReminders } from '../booking/jobs'
import { composeApp } from '../platform/composition'
import { loadConfig } from '../platform/config'
import { withSecrets } from '../platform/secrets'
import { logger } from '../platform/logger'

// Cold start: secrets are read once, then the configuration is checked.
const ready = withSecrets().then((env) => composeApp(loadConfig(env)))
// Every invocation awaits `ready` and fails with its error; nothing else may crash the process first.
ready.catch(() => undefined)

/** Every minute: lapsed holds free their slots. */
export async function releaseHolds() {
  const result = await releaseExpiredHolds(await ready, new Date())
  logger.info('released lapsed holds', result)
  return result
}

/** Every quarter hour: the day-before reminders that are due go out, once each. */
export async function sendReminders() {
  const app = await ready
  const result = await sendShootReminders(app, app.reminders, new Date())
  logger.info('sent shoot reminders', result)
  return result
}
