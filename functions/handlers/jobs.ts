import { releaseExpiredHolds } from '../booking/expire-holds'
import { sweepReportCounters as sweepZeroCounters } from '../reports/sweep-report-counters'
import { sendShootReminders } from '../scheduling/reminders'
import { appAtColdStart } from './cold-start'
import { logger } from '../platform/logger'

// Cold start: a bad configuration (e.g. a simulated WeChat adapter in production) stops the function here.
const ready = appAtColdStart()

/** Every minute: lapsed holds free their slots. */
export async function releaseHolds() {
  const result = await releaseExpiredHolds(await ready(), new Date())
  logger.info('released lapsed holds', result)
  return result
}

/** Every quarter hour: the day-before reminders that are due go out, once each. */
export async function sendReminders() {
  const app = await ready()
  const result = await sendShootReminders(app, app.reminders, new Date())
  logger.info('sent shoot reminders', result)
  return result
}

/** Once a day: the counters of the branches' "now" report items that are back at 0 are taken out. */
export async function sweepReportCounters() {
  const result = await sweepZeroCounters(await ready())
  logger.info('swept report counters', result)
  return result
}
