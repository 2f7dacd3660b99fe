export { call } from './client'
export { ApiError, asApiError, type ClientErrorCode } from './errors'
export { countWrite, writesSoFar } from './writes'
