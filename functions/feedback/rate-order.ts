import { ulid } from 'ulid'
import type { z } from 'zod'
import type * as op from '../../types/feedback-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError } from '../domain/errors'
import { lowSteps, whoDidEachStep } from '../domain/survey'
import { studioDate } from '../domain/time'
import type { FollowUpRecord } from '../customers/ports'
import { studioTimeZone } from '../identity/studio-time-zone'
import type { IdentityRepository } from '../identity/ports'
import { loadOrder } from '../orders/advance-order'
import type { OrderRepository } from '../orders/ports'
import type { SchedulingRepository } from '../scheduling/ports'
import type { FeedbackStore, SurveyRecord } from './ports'

const STEP_NAMES = { reception: '门市', shoot: '拍摄', makeup: '化妆', retouching: '修图', product: '成品' } as const

/**
 * After pick-up the customer rates each step of their order, once.
 * 1. The order must be their own and picked up (completed).
 * 2. Each step is credited to whoever did it (the seller, the shoot's photographer and makeup artist, the retoucher).
 * 3. A score of 2 or less in any step creates a follow-up (回访) for reception, due today, in the same
 *    transaction as the rating; a second rating of the same order is refused and writes nothing.
 */
export async function rateOrder(
  deps: { orders: OrderRepository; scheduling: SchedulingRepository; repo: IdentityRepository; feedback: FeedbackStore },
  input: z.output<typeof op.rateOrder.input>,
  ctx: RequestContext,
) {
  const caller = callerOf(ctx)
  const order = await loadOrder(deps, caller, input.orderId)
  if (order.stage !== 'completed') throw new DomainError('PRECONDITION_FAILED', 'An order is rated after it was picked up')
  const shoot = order.appointmentId ? await deps.scheduling.getAppointment(caller.studioId, order.appointmentId) : undefined
  const at = ctx.now.toISOString()
  const survey: SurveyRecord = {
    studioId: caller.studioId,
    orderId: order.id,
    branchId: order.branchId,
    customerId: order.customerId,
    customerName: order.customerName,
    packageName: order.package.name,
    scores: input.scores,
    comment: input.comment || undefined,
    staff: whoDidEachStep(order, shoot),
    at,
  }
  const low = lowSteps(input.scores)
  let followUp: FollowUpRecord | undefined
  if (low.length > 0) {
    // The note is what reception reads in the customer's file, in the studio's language.
    const scores = low.map((step) => `${STEP_NAMES[step]} ${input.scores[step]}/5`).join('，')
    followUp = {
      studioId: caller.studioId,
      id: ulid(ctx.now.getTime()),
      customerId: order.customerId,
      customerName: order.customerName,
      dueDate: studioDate(ctx.now, await studioTimeZone(deps, caller.studioId)),
      note: `服务评价低分（${order.package.name}）：${scores}${survey.comment ? `。客户留言：${survey.comment}` : ''}`,
      status: 'open',
      createdAt: at,
    }
    survey.followUpId = followUp.id
  }
  await deps.feedback.saveSurvey(survey, followUp)
  const { studioId: _studio, ...shown } = survey
  return shown
}

/** The customer's own rating of their order, if given. */
export async function myOrderSurvey(deps: { orders: OrderRepository; feedback: FeedbackStore }, input: z.output<typeof op.myOrderSurvey.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const order = await loadOrder(deps, caller, input.orderId)
  const survey = await deps.feedback.surveyOf(caller.studioId, order.id)
  if (!survey) return {}
  const { studioId: _studio, ...shown } = survey
  return { survey: shown }
}
