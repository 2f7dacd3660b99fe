import type { z } from 'zod'
import type { Operation } from '../../types/operation'
import { goToSignIn } from '../session/navigation'
import { clearSession, getSession } from '../session/store'
import { ApiError, asApiError } from './errors'
import { selectTransport, type Transport } from './transport'
import { countWrite } from './writes'

let transport: Transport | undefined

/**
 * Calls one operation of the API. The input is checked against the operation's own schema
 * before it leaves the phone (so field errors appear without a round trip) and the answer is
 * parsed with the operation's output schema: a page only ever sees data the contract allows.
 * An operation other than a GET that the API accepted counts as a write (writesSoFar).
 */
export async function call<I extends z.ZodType, O extends z.ZodType>(op: Operation<I, O>, input: z.input<I>): Promise<z.output<O>> {
  const checked = op.input.safeParse(input)
  if (!checked.success) {
    const fields = checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
    throw new ApiError('VALIDATION_FAILED', 'The input does not match the operation', { fields })
  }
  const session = getSession()
  transport ??= selectTransport()
  let raw: unknown
  try {
    raw = await transport.send(op, input as Record<string, unknown>, session?.token)
  } catch (failure) {
    const error = asApiError(failure)
    if (session && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED')) {
      clearSession()
      goToSignIn()
    }
    throw error
  }
  if (op.method !== 'GET') countWrite()
  const parsed = op.output.safeParse(raw)
  if (!parsed.success) throw new ApiError('INTERNAL', `The answer to ${op.name} does not match the contract`)
  return parsed.data
}
