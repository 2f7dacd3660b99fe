import { releaseExpiredHolds } from '../booking/expire-holds'
import { sendShootReminders } from '../scheduling/reminders'
import { composeApp } from '../composition'
import { loadConfig } from '../platform/config'
import { logger } from '../platform/logger'

const app = composeApp(loadConfig())

/** Every minute: lapsed holds free their slots. */
export async function releaseHolds() {
  const result = await releaseExpiredHolds(app, new Date())
  logger.info('released lapsed holds', result)
  return result
}

/** Every quarter hour: the day-before reminders that are due go out, once each. */
export async function sendReminders() {
  const result = await sendShootReminders(app, app.reminders, new Date())
  logger.info('sent shoot reminders', result)
  return result
}
