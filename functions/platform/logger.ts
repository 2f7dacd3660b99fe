import { Logger } from '@aws-lambda-powertools/logger'

/** Structured JSON logs; full error detail goes here, never into a response. */
export const logger = new Logger({ serviceName: 'studio-erp' })
