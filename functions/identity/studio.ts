import type { z } from 'zod'
import type * as op from '../../types/identity-operations'
import { callerOf, type RequestContext } from '../domain/context'
import type { IdentityRepository } from './ports'

/** Liveness: the API answers and reaches its table. */
export async function health(deps: { repo: IdentityRepository; stage: string }, _input: z.output<typeof op.health.input>) {
  await deps.repo.findStudioByCode('health-check')
  return { ok: true as const, stage: deps.stage }
}

export async function listBranches(deps: { repo: IdentityRepository }, _input: z.output<typeof op.listBranches.input>, ctx: RequestContext) {
  return { items: await deps.repo.listBranches(callerOf(ctx).studioId) }
}
