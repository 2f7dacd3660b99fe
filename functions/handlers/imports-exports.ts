import { importExportImplementations } from '../api/import-export-implementations'
import { openApiDocument } from '../api/openapi'
import { importExportModules } from '../api/operation-index'
import { serveOperationsOf } from '../api/registry'
import { appAtColdStart } from './cold-start'
import { json } from './pay-notification'
import { httpHandler } from './serve-http'

export const OPENAPI_PATH = '/openapi.json'

/**
 * The function behind the same HTTP API that serves the few paths with heavy dependencies:
 * the CSV imports and exports (the CSV parser and writer) and the OpenAPI document (zod's
 * JSON Schema conversion). serverless.yml routes exactly these paths here.
 */
serveOperationsOf(importExportModules)
// Cold start: a bad configuration (e.g. a simulated WeChat adapter in production) stops the function here.
export const handler = httpHandler(appAtColdStart(), importExportImplementations, (_app, method, path) =>
  method === 'GET' && path === OPENAPI_PATH ? json(200, openApiDocument()) : undefined,
)
