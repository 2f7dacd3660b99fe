import { backOfficeImplementations } from '../api/back-office-implementations'
import { backOfficeModules } from '../api/operation-index'
import { serveOperationsOf } from '../api/registry'
import { appAtColdStart } from './cold-start'
import { httpHandler } from './serve-http'

/**
 * The back office function behind the same HTTP API: the manager's reports, the books (expenses, the
 * day close, commission) and stock (functions-served.ts); serverless.yml routes exactly their paths here.
 */
serveOperationsOf(backOfficeModules)
// Cold start: a bad configuration (e.g. a simulated WeChat adapter in production) stops the function here.
export const handler = httpHandler(appAtColdStart(), backOfficeImplementations)
