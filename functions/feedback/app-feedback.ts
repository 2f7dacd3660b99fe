import { ulid } from 'ulid'
import type { z } from 'zod'
import type * as op from '../../types/feedback-operations'
import { actorOf, callerOf, type RequestContext } from '../domain/context'
import type { FeedbackStore } from './ports'

/** A staff member tells the admin what works and what does not in the app (the page they were on, if given). */
export async function sendAppFeedback(deps: { feedback: FeedbackStore }, input: z.output<typeof op.sendAppFeedback.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const by = actorOf(caller)
  const feedback = { studioId: caller.studioId, id: ulid(ctx.now.getTime()), text: input.text, page: input.page || undefined, by: { id: by.id, name: by.name, role: by.role }, at: ctx.now.toISOString() }
  await deps.feedback.saveAppFeedback(feedback)
  const { studioId: _studio, ...shown } = feedback
  return shown
}

/** What the staff said about the app, newest first, for the admin. */
export async function listAppFeedback(deps: { feedback: FeedbackStore }, input: z.output<typeof op.listAppFeedback.input>, ctx: RequestContext) {
  const items = await deps.feedback.appFeedback(callerOf(ctx).studioId, input.limit)
  return { items: items.map(({ studioId: _studio, ...item }) => item) }
}
