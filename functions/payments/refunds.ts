import type { z } from 'zod'
import type * as op from '../../types/payment-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError, notFound } from '../domain/errors'
import type { IdentityRepository, NewAuditEntry } from '../identity/ports'
import { studioTimeZone } from '../identity/studio-time-zone'
import { detailOf, orderDetail } from '../orders/detail'
import { actorOf, inBranchOf, summaryOf, SYSTEM } from '../orders/model'
import type { Bookkeeping, PaymentRecord } from '../orders/ports'
import { closeCharge, pause, type CreditingPorts } from './crediting'
import { loadForMoney, requestIdReused } from './desk'
import type { PaymentLedger } from './ports'
import { sendRefund, type SendRefundPorts } from './send-refund'

/**
 * Pays (part of) a payment back: through WeChat Pay for online payments, as handed back at
 * the desk for offline ones. The refund entry is written once per request id, and never
 * for more than is left of the payment or was paid on the order.
 */
export async function refundPayment(deps: SendRefundPorts & { books: Bookkeeping }, input: z.output<typeof op.refundPayment.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  let online = false
  // Written at the same moment as another change to the payment or the order: read again and retry.
  // A WeChat refund whose day closed under it is read again too: it is booked on the next open day.
  return afreshOnRace(refundOnce, (error) => error.code === 'CONFLICT' || (error.code === 'DAY_CLOSED' && online))
  async function refundOnce() {
    const partition = await loadForMoney(deps, caller, input.orderId)
    const payment = partition.payments.find((p) => p.id === input.paymentId && p.amountFen > 0)
    if (!payment) throw notFound('Payment')
    online = payment.method === 'wechat'
    const existing = partition.payments.find((p) => p.id === input.requestId)
    // The same request again: only the very same refund counts as done.
    const sameRefund = (p: PaymentRecord) => p.kind === 'refund' && p.refundOf === payment.id && p.amountFen === -input.amountFen
    if (existing && !sameRefund(existing)) throw requestIdReused()
    if (!existing && input.amountFen > payment.refundableFen) throw new DomainError('OVERPAYMENT', `At most ${payment.refundableFen} fen of this payment can be refunded`)
    const entry: PaymentRecord = existing ?? {
      id: input.requestId,
      studioId: caller.studioId,
      orderId: partition.order.id,
      customerId: partition.order.customerId,
      kind: 'refund',
      method: payment.method,
      amountFen: -input.amountFen,
      refundableFen: 0,
      refundOf: payment.id,
      status: payment.method === 'wechat' ? 'refund_processing' : 'refunded',
      audited: true,
      recordedBy: actorOf(caller),
      reason: input.reason,
      outRefundNo: payment.method === 'wechat' ? input.requestId : undefined,
      outTradeNo: payment.outTradeNo,
      at: ctx.now.toISOString(),
    }
    if (!existing) {
      const books = await deps.books.refunded(partition.order, payment, entry)
      const written = await deps.ledger.refund(partition.order, payment, withBookDay(entry, books.bookedOn), {
        action: 'payment.refunded',
        actorId: caller.id,
        actorName: caller.displayName,
        targetId: partition.order.id,
        detail: { paymentId: payment.id, refundId: entry.id, amountFen: input.amountFen, method: payment.method, reason: input.reason },
      }, books)
      if (!written) {
        // The same request id landed at the same moment: the one recorded answers, if it is this refund.
        const recorded = (await loadForMoney(deps, caller, input.orderId)).payments.find((p) => p.id === input.requestId)
        if (!recorded || !sameRefund(recorded)) throw requestIdReused()
        return orderDetail(deps, caller.studioId, partition.order.id)
      }
    }
    if (payment.method === 'wechat' && entry.status !== 'refunded') await sendRefund(deps, payment, entry)
    return orderDetail(deps, caller.studioId, partition.order.id)
  }
}

/** Finance sends a WeChat refund again that WeChat Pay did not take (same out_refund_no: never paid twice). */
export async function retryRefund(deps: SendRefundPorts, input: z.output<typeof op.retryRefund.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const partition = await loadForMoney(deps, caller, input.orderId)
  const entry = partition.payments.find((p) => p.id === input.refundId && p.kind === 'refund')
  const payment = entry && partition.payments.find((p) => p.id === entry.refundOf)
  if (!entry || !payment) throw notFound('Refund')
  if (entry.method !== 'wechat' || entry.status === 'refunded') throw new DomainError('PRECONDITION_FAILED', 'This refund is not waiting to be sent')
  await sendRefund(deps, payment, entry)
  // Sent this time, and nothing else owed or waiting to be sent again: the order leaves refunds due.
  const after = await loadForMoney(deps, caller, input.orderId)
  const owed = after.order.stage === 'cancelled' && (after.order.refundDueFen ?? 0) > after.order.refundedFen
  if (!owed && !after.payments.some((p) => p.kind === 'refund' && p.status === 'refund_failed')) await deps.ledger.clearRefundOwed(after.order)
  return detailOf(after)
}

/**
 * After a cancellation: what the policy refunds of a deposit paid by WeChat goes back
 * automatically (one stable out_refund_no per order), booked on the next open day when the
 * daily close lands under it, as a WeChat refund at the desk is. Offline deposits wait for finance.
 */
export async function refundCancellation(deps: CreditingPorts, studioId: string, orderId: string, now: Date) {
  const first = await deps.orders.partition(studioId, orderId)
  if (!first || first.order.stage !== 'cancelled') return
  for (const intent of first.intents.filter((i) => i.status === 'open')) await closeCharge(deps, intent, now)
  for (const candidate of first.payments.filter((p) => p.method === 'wechat' && p.amountFen > 0 && p.status === 'captured')) {
    const left = await afreshOnRace(() => refundFrom(candidate.id), (error) => error.code === 'CONFLICT' || error.code === 'DAY_CLOSED')
    if (left === 'nothing owed') break
  }

  /** Refunds what is still owed from one payment, as the order and the payment stand now. */
  async function refundFrom(paymentId: string): Promise<'nothing owed' | 'more owed'> {
    // Read again for each refund: what is owed and what is left change with every one.
    const partition = (await deps.orders.partition(studioId, orderId))!
    const owed = (partition.order.refundDueFen ?? 0) - partition.order.refundedFen
    const payment = partition.payments.find((p) => p.id === paymentId)!
    if (owed <= 0) return 'nothing owed'
    if (payment.refundableFen <= 0) return 'more owed'
    const amount = Math.min(owed, payment.refundableFen)
    const id = `${payment.id}C`
    const entry: PaymentRecord = {
      ...payment,
      id,
      kind: 'refund',
      amountFen: -amount,
      refundableFen: 0,
      refundOf: payment.id,
      status: 'refund_processing',
      recordedBy: SYSTEM,
      reason: 'cancellation',
      outRefundNo: id,
      at: now.toISOString(),
    }
    const audit: NewAuditEntry = {
      action: 'payment.refunded',
      actorId: 'system',
      actorName: 'system',
      targetId: orderId,
      detail: { paymentId: payment.id, refundId: id, amountFen: amount, reason: 'cancellation' },
    }
    const books = await deps.books.refunded(partition.order, payment, entry)
    const written = await deps.ledger.refund(partition.order, payment, withBookDay(entry, books.bookedOn), audit, books)
    if (!written) return 'more owed'
    try {
      await sendRefund(deps, payment, entry)
    } catch (error) {
      // The cancellation stands; the refund waits among refunds due for finance to send again.
      if (!(error instanceof DomainError && error.code === 'PAYMENT_PROVIDER_ERROR')) throw error
    }
    return 'more owed'
  }
}

/**
 * Runs a refund again, read afresh, when it met another write at the same moment or its day
 * closed under it (as `again` decides), a few times with a growing random pause.
 */
async function afreshOnRace<T>(attempt: () => Promise<T>, again: (error: DomainError) => boolean): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt()
    } catch (error) {
      if (!(error instanceof DomainError && again(error)) || n >= 5) throw error
      await pause(20 + Math.random() * 60 * (n + 1))
    }
  }
}

/** Orders with money to send back: cancelled ones whose policy refund is not paid back in full, and any with a refund WeChat Pay did not take. */
export async function refundsDue(deps: { ledger: PaymentLedger; repo: IdentityRepository }, _input: z.output<typeof op.refundsDue.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { studioId } = caller
  const [timeZone, listed] = await Promise.all([studioTimeZone(deps, studioId), deps.ledger.refundsDue(studioId)])
  const orders = inBranchOf(caller, listed)
  return { items: orders.map((o) => ({ ...summaryOf(o, ctx.now, timeZone), refundDueFen: o.refundDueFen ?? 0, refundedFen: o.refundedFen })) }
}

/** A refund names the later day its book took it on when its own day was closed — never the day of the payment it returns. */
function withBookDay(refund: PaymentRecord, bookedOn: string | undefined): PaymentRecord {
  const { bookedOn: _paymentsDay, ...rest } = refund
  return bookedOn ? { ...rest, bookedOn } : rest
}
