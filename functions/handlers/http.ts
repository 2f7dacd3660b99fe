import { apiImplementations } from '../api/implementations'
import { apiModules } from '../api/operation-index'
import { serveOperationsOf } from '../api/registry'
import { appAtColdStart } from './cold-start'
import { answerPayNotification, PAY_NOTIFY_PATH, rawBody } from './pay-notification'
import { httpHandler } from './serve-http'

/**
 * The API function: every declared operation but the back office's (back-office.ts) and the CSV
 * imports and exports (imports-exports.ts), and WeChat Pay's notifications.
 */
serveOperationsOf(apiModules)
// Cold start: a bad configuration (e.g. a simulated WeChat adapter in production) stops the function here.
export const handler = httpHandler(appAtColdStart(), apiImplementations, (app, method, path, event) =>
  method === 'POST' && path === PAY_NOTIFY_PATH ? answerPayNotification(app, event.headers, rawBody(event.body, event.isBase64Encoded)) : undefined,
)
