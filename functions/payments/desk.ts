import type { z } from 'zod'
import type * as op from '../../types/payment-operations'
import type { CustomerRepository } from '../customers/ports'
import { callerOf, type Caller, type RequestContext } from '../domain/context'
import { DomainError, notFound } from '../domain/errors'
import { withinBranch } from '../domain/permissions'
import type { NewAuditEntry } from '../identity/ports'
import { detailOf, orderDetail } from '../orders/detail'
import { actorOf, visibleTo } from '../orders/model'
import type { Bookkeeping, OrderRepository, PaymentRecord } from '../orders/ports'
import { pause } from './crediting'
import type { DepositBookings, PaymentLedger } from './ports'

interface DeskPorts {
  orders: OrderRepository
  ledger: PaymentLedger
  deposits: DepositBookings
  /** The day books and commission each money event is written with. */
  books: Bookkeeping
}

/** One request id stands for one payment or refund: sent again with another body, it is refused. */
export const requestIdReused = () => new DomainError('REQUEST_ID_REUSED', 'This request id was already used with different details')

const sameOfflinePayment = (p: PaymentRecord, input: { kind: string; method: string; amountFen: number; orderId: string }) =>
  p.orderId === input.orderId && p.kind === input.kind && p.method === input.method && p.amountFen === input.amountFen

export async function loadForMoney(deps: { orders: OrderRepository }, caller: Caller, orderId: string) {
  const partition = await deps.orders.partition(caller.studioId, orderId)
  if (!partition || !visibleTo(partition.order, caller)) throw notFound('Order')
  return partition
}

/** Cash, card or transfer taken at the desk: credited at once, unaudited until finance checks it. */
export async function recordOfflinePayment(deps: DeskPorts, input: z.output<typeof op.recordOfflinePayment.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const partition = await loadForMoney(deps, caller, input.orderId)
  const { order, payments, intents } = partition
  // The same request again (a retry, a double tap): it was recorded once, answer as then.
  const same = payments.find((p) => p.id === input.requestId)
  if (same && sameOfflinePayment(same, input)) return detailOf(partition)
  // A request id never stands for another payment, nor for a charge asked for before charge numbers
  // had their own form (26 characters then, like a request id).
  if (same || intents.some((i) => i.outTradeNo === input.requestId)) throw requestIdReused()
  if (order.stage === 'cancelled') throw new DomainError('NOTHING_TO_PAY', 'This order is cancelled')
  if (input.amountFen > order.balanceFen) throw new DomainError('OVERPAYMENT', `The balance is ${order.balanceFen} fen`)
  const by = actorOf(caller)
  const payment: PaymentRecord = {
    id: input.requestId,
    studioId: caller.studioId,
    orderId: order.id,
    customerId: order.customerId,
    kind: input.kind,
    method: input.method,
    amountFen: input.amountFen,
    refundableFen: input.amountFen,
    status: 'captured',
    audited: false,
    recordedBy: by,
    reference: input.reference,
    at: ctx.now.toISOString(),
    branchId: order.branchId,
  }
  const audit: NewAuditEntry = {
    action: 'payment.recorded',
    actorId: caller.id,
    actorName: caller.displayName,
    targetId: order.id,
    detail: { paymentId: payment.id, amountFen: payment.amountFen, method: payment.method, kind: payment.kind },
  }
  for (let attempt = 0, current = order; ; attempt++) {
    let confirm
    if (current.stage === 'pending_deposit' && input.amountFen >= Math.min(current.depositFen, current.balanceFen)) {
      const c = await deps.deposits.confirmationFor(current, ctx.now)
      if (c === 'refuse') {
        // The booking was confirmed a moment ago (by this very payment, or another): read again.
        const fresh = await deps.orders.get(caller.studioId, order.id)
        if (fresh && fresh.stage !== current.stage && attempt < 5) {
          current = fresh
          continue
        }
        throw new DomainError('PRECONDITION_FAILED', 'The booking on this order is no longer held; book again')
      }
      if (c) confirm = { ...c, change: { ...c.change, event: { ...c.change.event, by, note: `deposit paid (${input.method})` } } }
    }
    try {
      if (!(await deps.ledger.capture(current, payment, { confirm, audit, books: await deps.books.captured(current, payment, confirm?.change) }))) {
        // The same request id landed at the same moment: the one recorded answers, if it is this payment.
        const recorded = (await loadForMoney(deps, caller, input.orderId)).payments.find((p) => p.id === input.requestId)
        if (!recorded || !sameOfflinePayment(recorded, input)) throw requestIdReused()
      }
      break
    } catch (error) {
      // Written at the same moment as another change to the order: read it again and retry.
      const retry = error instanceof DomainError && (error.code === 'CONFLICT' || (error.code === 'ILLEGAL_TRANSITION' && confirm))
      if (!retry || attempt >= 5) throw error
      await pause(20 + Math.random() * 60 * (attempt + 1))
      current = (await deps.orders.get(caller.studioId, order.id)) ?? current
    }
  }
  return orderDetail(deps, caller.studioId, order.id)
}

export async function auditPayment(deps: { orders: OrderRepository; ledger: PaymentLedger; books: Bookkeeping }, input: z.output<typeof op.auditPayment.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  for (let attempt = 0; ; attempt++) {
    const partition = await loadForMoney(deps, caller, input.orderId)
    const payment = partition.payments.find((p) => p.id === input.paymentId && p.amountFen > 0)
    if (!payment) throw notFound('Payment')
    if (payment.audited) throw new DomainError('CONFLICT', 'This payment is audited already')
    try {
      return await deps.ledger.audit(partition.order, payment, actorOf(caller), ctx.now.toISOString(), {
        action: 'payment.audited',
        actorId: caller.id,
        actorName: caller.displayName,
        targetId: partition.order.id,
        detail: { paymentId: payment.id, amountFen: payment.amountFen, method: payment.method },
      }, await deps.books.audited(partition.order, payment))
    } catch (error) {
      // A refund of it or another change to the order landed at the same moment: read again.
      if (!(error instanceof DomainError && error.code === 'CONFLICT') || attempt >= 5) throw error
      await pause(20 + Math.random() * 60 * (attempt + 1))
    }
  }
}

export async function unauditedPayments(deps: { orders: OrderRepository; ledger: PaymentLedger; customers: CustomerRepository }, input: z.output<typeof op.unauditedPayments.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const listed = await deps.ledger.unaudited(caller.studioId, input)
  // A payment is of its order's branch: staff of a branch see their branch's.
  const branches = new Map<string, string | undefined>()
  for (const p of listed.items) {
    if (!branches.has(p.orderId)) branches.set(p.orderId, (await deps.orders.get(caller.studioId, p.orderId))?.branchId)
  }
  const page = { ...listed, items: listed.items.filter((p) => withinBranch(caller, branches.get(p.orderId))) }
  const names = new Map<string, string>()
  for (const p of page.items) {
    if (!names.has(p.customerId)) names.set(p.customerId, (await deps.customers.getCustomer(caller.studioId, p.customerId))?.name ?? '')
  }
  return {
    items: page.items.map((p) => ({ ...p, customerName: names.get(p.customerId) ?? '' })),
    totalFen: page.items.reduce((sum, p) => sum + p.amountFen, 0),
    nextCursor: page.nextCursor,
  }
}
