import type { z } from 'zod'
import type { FieldIssue } from '../../types/errors'
import type { saveCommissionRule as operation } from '../../types/finance-operations'
import { actorOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { openBooks } from './books'
import type { CommissionRuleRecord, FinanceDeps } from './ports'

/** A rule is one role's for one kind of work, in one branch. */
export const ruleIdOf = (role: string, work: string) => `${role}.${work}`

/**
 * A manager saves a rule as a new version:
 * 1. effective from today or later — commission already earned is never recomputed;
 * 2. the packages and products its overrides name are the studio's;
 * 3. the version after the newest is written only if absent, so two saves at once cannot share it.
 */
export async function saveCommissionRule(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const { caller, today } = await openBooks(deps, ctx, input.branchId)
  const issues: FieldIssue[] = []
  if (input.effectiveFrom < today) issues.push({ path: 'effectiveFrom', message: 'must be today or later: a rule never changes commission already earned' })
  const found = await Promise.all(
    input.overrides.map((o) => (o.target === 'package' ? deps.catalog.getPackage(caller.studioId, o.targetId) : deps.catalog.getProduct(caller.studioId, o.targetId))),
  )
  found.forEach((f, i) => f || issues.push({ path: `overrides.${i}.targetId`, message: `is not a ${input.overrides[i]!.target} of this studio` }))
  if (issues.length) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: issues })

  const id = ruleIdOf(input.role, input.work)
  const versions = (await deps.finance.ruleVersions(caller.studioId, input.branchId)).filter((r) => r.id === id)
  const rule: CommissionRuleRecord = {
    ...input,
    id,
    studioId: caller.studioId,
    version: Math.max(0, ...versions.map((v) => v.version)) + 1,
    createdBy: actorOf(caller),
    createdAt: ctx.now.toISOString(),
  }
  await deps.finance.putRule(rule, {
    action: 'commission.rule_saved',
    actorId: caller.id,
    actorName: caller.displayName,
    targetId: id,
    detail: { branchId: rule.branchId, version: rule.version, effectiveFrom: rule.effectiveFrom, base: rule.base, calc: rule.calc },
  })
  const { studioId: _s, ...saved } = rule
  return saved
}
