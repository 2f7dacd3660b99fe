import { ulid } from 'ulid'
import type { NoticeKind } from '../../types/notices'
import type { OrderStage } from '../../types/orders'
import type { CustomerRepository } from '../customers/ports'
import type { OrderRecord } from '../orders/ports'
import type { ReminderSender } from '../scheduling/ports'
import type { ErrorLog, NoticeStore } from './ports'

/** The stage an order reaches that the customer is told about. */
const NOTICE_OF_STAGE: Partial<Record<OrderStage, NoticeKind>> = {
  selecting: 'photos-ready',
  proofing: 'design-ready',
  ready: 'pickup-ready',
}

export type TellCustomerPorts = { notices: NoticeStore; customers: CustomerRepository; reminders: ReminderSender; log: ErrorLog }

/**
 * Right after an order reached a stage the customer waits for (photos to select, the design to
 * review, the pick-up), tells them — once per order and kind, and only with their consent.
 * 1. The notice is claimed: marked sent and put in the outbox in one transaction, conditional on the
 *    consent and on not having been sent; a retried or concurrent move claims nothing.
 * 2. The claimed message goes to WeChat. The move itself is done by now: a failure to tell is logged,
 *    never undoes it, and is not retried (WeChat's one-time consent is spent either way).
 */
export async function tellCustomer(deps: TellCustomerPorts, order: OrderRecord, now: Date): Promise<void> {
  const kind = NOTICE_OF_STAGE[order.stage]
  if (!kind) return
  try {
    await sendOnce(deps, order, kind, now)
  } catch (error) {
    deps.log.error('the customer was not told about their order', { studioId: order.studioId, orderId: order.id, kind, error: String(error) })
  }
}

async function sendOnce(deps: TellCustomerPorts, order: OrderRecord, kind: NoticeKind, now: Date) {
  const customer = await deps.customers.getCustomer(order.studioId, order.customerId)
  if (!customer) return
  const data = { package: order.package.name, customer: customer.name, stage: order.stage }
  const claimed = await deps.notices.claimNotice({
    id: ulid(now.getTime()),
    studioId: order.studioId,
    branchId: order.branchId,
    customerId: customer.id,
    orderId: order.id,
    channel: 'wechat-subscribe',
    template: kind,
    data,
    sentAt: now.toISOString(),
  })
  if (claimed && customer.openId) await deps.reminders.send({ openId: customer.openId, template: kind, data })
}
