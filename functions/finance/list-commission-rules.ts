import type { z } from 'zod'
import type { listCommissionRules as operation } from '../../types/finance-operations'
import type { RequestContext } from '../domain/context'
import { openBooks } from './books'
import type { FinanceDeps } from './ports'

/** Every version of every rule of a branch, newest first, so the editor shows what is in force and what was. */
export async function listCommissionRules(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const { caller } = await openBooks(deps, ctx, input.branchId)
  const versions = await deps.finance.ruleVersions(caller.studioId, input.branchId)
  return { items: versions.map(({ studioId: _s, ...rule }) => rule) }
}
