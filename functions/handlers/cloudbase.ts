import tcb from '@cloudbase/node-sdk'
import { ulid } from 'ulid'
import { dispatch, findOperation } from '../api/dispatch'
import { errorBody } from '../api/respond'
import { DomainError } from '../domain/errors'
import { composeApp } from '../composition'
import { loadConfig } from '../platform/config'

/** What the mini-program sends through wx.cloud.callFunction. */
interface CloudCall {
  op?: unknown
  input?: unknown
  token?: unknown
}

const app = composeApp(loadConfig())

/**
 * The WeChat CloudBase cloud function: the same operations as the HTTP API. WeChat's
 * cloud vouches for the caller's OPENID, so a customer's sign-in needs no code2session.
 */
export async function main(event: CloudCall, context?: { request_id?: string }) {
  const requestId = context?.request_id ?? ulid()
  try {
    const op = typeof event.op === 'string' ? findOperation(event.op) : undefined
    if (!op) throw new DomainError('ROUTE_NOT_FOUND', `No operation named ${String(event.op)}`)
    const cloud = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
    const { openId } = cloud.auth().getUserInfo()
    const result = await dispatch(app, op, event.input ?? {}, { token: typeof event.token === 'string' ? event.token : undefined }, {
      requestId,
      now: new Date(),
      trustedOpenId: openId || undefined,
    })
    return { result }
  } catch (error) {
    const { status, body } = errorBody(error, requestId)
    return { status, ...body }
  }
}
