import type { z } from 'zod'
import type { FieldIssue } from '../../types/errors'
import type { Operation } from '../../types/operation'
import { DomainError, forbidden } from '../domain/errors'
import { mayCall, withinBranch } from '../domain/permissions'
import { authenticate } from '../identity/sessions'
import { logger } from '../platform/logger'
import type { RequestContext } from '../domain/context'
import type { AppDeps } from './implementations'
import { operationNamed } from './registry'

/** The declared operation of that name (its schemas built on first use), or undefined. */
export const findOperation = (name: string) => operationNamed(name)

/** One message per field: the first thing wrong with it (later checks on a value of the wrong type only add noise). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  const byPath = new Map<string, FieldIssue>()
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : '(input)')
    if (!byPath.has(path)) byPath.set(path, { path, message: issue.message })
  }
  return [...byPath.values()]
}

export interface Credentials {
  token?: string
}

type AnyImplementation = (deps: AppDeps, input: never, ctx: RequestContext) => Promise<unknown>
/** The use cases one entry point serves, by operation name (a function serves some, the CloudBase function all). */
export type ServedOperations = Partial<Record<string, AnyImplementation>>

/**
 * Runs one operation for any transport: authenticate, authorise by role, validate the
 * input with the operation's schema, run the use case, and shape the output by its schema.
 * Studio isolation follows from the caller: every use case reads only the caller's studio.
 */
export async function runOperation(
  served: ServedOperations,
  deps: AppDeps,
  op: Operation,
  rawInput: unknown,
  credentials: Credentials,
  ctx: RequestContext,
): Promise<unknown> {
  const implementation = served[op.name] as ((d: AppDeps, i: unknown, c: RequestContext) => Promise<unknown>) | undefined
  if (!implementation) throw new DomainError('ROUTE_NOT_FOUND', `${op.name} is not served here`)
  if (op.access !== 'public') {
    if (!credentials.token) throw new DomainError('UNAUTHENTICATED', 'Sign in first')
    ctx.caller = await authenticate(deps.repo, deps.tokens, credentials.token, ctx.now)
    // Every later log line of this request names the studio.
    logger.appendKeys({ studio: ctx.caller.studioId })
    if (!mayCall(op, ctx.caller.roles)) throw forbidden(`Your role may not use ${op.name}`)
  }
  const parsed = op.input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: fieldIssues(parsed.error) })
  }
  // Branch scope, part one: a branch named in the input must be the caller's (records read
  // by id are checked by the use case against the record's branch, with the same rule).
  const branchId = (parsed.data as { branchId?: unknown }).branchId
  if (op.scope === 'branch' && ctx.caller && typeof branchId === 'string' && !withinBranch(ctx.caller, branchId)) {
    throw forbidden('You act within your own branch')
  }
  const result = await implementation(deps, parsed.data, ctx)
  return op.output.parse(result)
}
