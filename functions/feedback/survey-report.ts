import type { z } from 'zod'
import type * as op from '../../types/feedback-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { summariseSurveys } from '../domain/survey'
import { studioDayBounds } from '../domain/time'
import { studioTimeZone } from '../identity/studio-time-zone'
import type { IdentityRepository } from '../identity/ports'
import type { FeedbackStore } from './ports'

/**
 * A branch's ratings over a period (studio dates, both days included): the average per step and per
 * staff member for the step they did, how many asked for a call back, and the comments.
 */
export async function surveyReport(deps: { repo: IdentityRepository; feedback: FeedbackStore }, input: z.output<typeof op.surveyReport.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  if (input.to < input.from) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path: 'to', message: 'must not be before from' }] })
  const timeZone = await studioTimeZone(deps, caller.studioId)
  const surveys = await deps.feedback.branchSurveys(caller.studioId, input.branchId, studioDayBounds(input.from, timeZone).from, studioDayBounds(input.to, timeZone).to)
  return summariseSurveys(surveys)
}
