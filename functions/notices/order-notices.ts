import type { z } from 'zod'
import type { OrderNotices } from '../../types/notices'
import { noticeKinds } from '../../types/vocabulary'
import type * as op from '../../types/notice-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { loadOrder } from '../orders/advance-order'
import type { OrderRepository } from '../orders/ports'
import type { ReminderSender } from '../scheduling/ports'
import type { NoticeStore } from './ports'

type Ports = { orders: OrderRepository; notices: NoticeStore; reminders: ReminderSender }

async function noticesOf(deps: Ports, studioId: string, orderId: string): Promise<OrderNotices> {
  const records = await deps.notices.notices(studioId, orderId)
  return {
    simulated: deps.reminders.simulated,
    items: noticeKinds.map((kind) => {
      const record = records.find((r) => r.kind === kind)
      return { kind, templateId: deps.reminders.templateId(kind), consented: record?.consentedAt !== undefined, sentAt: record?.sentAt }
    }),
  }
}

/** The notices of the customer's own order: which they agreed to and which were sent. */
export async function myOrderNotices(deps: Ports, input: z.output<typeof op.myOrderNotices.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const order = await loadOrder(deps, caller, input.orderId)
  return noticesOf(deps, caller.studioId, order.id)
}

/**
 * The customer tapped their consent (WeChat's requestSubscribeMessage, or its labelled stand-in
 * outside WeChat) to the kinds given.
 * 1. The order must be their own.
 * 2. The consent is kept per kind; a notice sent already is not sent again.
 */
export async function subscribeOrderNotices(deps: Ports, input: z.output<typeof op.subscribeOrderNotices.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const order = await loadOrder(deps, caller, input.orderId)
  await deps.notices.consent(caller.studioId, order.id, caller.id, [...new Set(input.kinds)], ctx.now.toISOString())
  return noticesOf(deps, caller.studioId, order.id)
}
