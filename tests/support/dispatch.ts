import { dispatch, findOperation } from '../../functions/api/dispatch'
import type { AppDeps } from '../../functions/api/implementations'
import { DomainError } from '../../functions/domain/errors'
import type { RequestContext } from '../../functions/domain/context'

/** Calls an operation through the same dispatcher the handlers use, with the clock of the test's choosing. */
export function operationsOf(deps: AppDeps) {
  const call = (name: string, input: unknown, token?: string, extra: Partial<RequestContext> = {}) => {
    const op = findOperation(name)
    if (!op) throw new Error(`no operation ${name}`)
    return dispatch(deps, op, input, { token }, { requestId: 'test', now: new Date(), ...extra }) as Promise<any>
  }
  /** The error code a call fails with, or 'OK'. */
  const outcome = async (name: string, input: unknown, token?: string, extra: Partial<RequestContext> = {}) => {
    try {
      await call(name, input, token, extra)
      return 'OK'
    } catch (error) {
      if (error instanceof DomainError) return error.code
      throw error
    }
  }
  return { call, outcome }
}
