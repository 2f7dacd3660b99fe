import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type {
  auditPayment,
  prepay,
  recordOfflinePayment,
  refreshPayment,
  refundPayment,
  retryRefund,
  simulatePay,
  unauditedPayments,
} from '../../types/order-operations'
import { callerOf, type Caller, type RequestContext } from '../api/context'
import type { BookingAppDeps } from '../booking/bookings'
import { locksOf } from '../booking/bookings'
import { NEXT_STAGE } from '../domain/order'
import { DomainError, forbidden, notFound } from '../domain/errors'
import type { NewAuditEntry } from '../identity/ports'
import { actorOf, orderContextOf, stageChange, SYSTEM, visibleTo } from '../orders/model'
import type { Bookkeeping, OrderPartition, OrderRecord, PaymentIntent, PaymentRecord } from '../orders/ports'
import { logger } from '../platform/logger'
import { PaymentNotificationError, type NotificationRequest, type PaymentGateway, type PaymentSimulator, type Transaction } from './gateway'

export interface PaymentDeps extends BookingAppDeps {
  payments: PaymentGateway
  /** The day books and commission each money event is written with. */
  books: Bookkeeping
}

/** A prepay stays payable this long; WeChat allows up to two hours for JSAPI. */
const PREPAY_MINUTES = 30
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * The out_trade_no for a charge: derived from the order, what is paid, the amount and a
 * generation, so a retried or concurrent prepay for the same charge names the same trade
 * and WeChat Pay can never take it twice. 26 characters of Crockford base32.
 */
export function outTradeNoFor(studioId: string, orderId: string, kind: string, amountFen: number, generation: number): string {
  const digest = createHash('sha256').update(`${studioId}|${orderId}|${kind}|${amountFen}|${generation}`).digest()
  let out = ''
  for (let i = 0; i < 26; i++) out += CROCKFORD[digest[i]! % 32]
  return out
}

export async function orderDetail(deps: PaymentDeps, studioId: string, orderId: string, caller?: Caller) {
  const partition = await deps.orders.partition(studioId, orderId)
  if (!partition || (caller && !visibleTo(partition.order, caller))) throw notFound('Order')
  return detailOf(partition)
}

export function detailOf(partition: OrderPartition) {
  return { order: partition.order, payments: partition.payments, nextStage: NEXT_STAGE[partition.order.stage] }
}

/** Paid so far towards the extra photos (their add-on), so they are not asked for twice. */
const paidFor = (partition: OrderPartition, kind: PaymentRecord['kind']) =>
  partition.payments.filter((p) => p.kind === kind && p.amountFen > 0 && p.status === 'captured').reduce((sum, p) => sum + p.refundableFen, 0)

function amountDue(partition: OrderPartition, kind: PaymentIntent['kind']): number {
  const { order } = partition
  if (order.stage === 'cancelled' || order.stage === 'completed') throw new DomainError('NOTHING_TO_PAY', `This order is ${order.stage}`)
  if (kind === 'deposit') {
    if (order.stage !== 'pending_deposit') throw new DomainError('NOTHING_TO_PAY', 'The deposit is paid')
    return Math.min(order.depositFen, order.balanceFen)
  }
  if (order.stage === 'pending_deposit') throw new DomainError('NOTHING_TO_PAY', 'Pay the deposit first')
  if (kind === 'extra_photos') {
    const extra = order.selection?.confirmedAt ? order.selection.extraFen : 0
    return Math.min(Math.max(0, extra - paidFor(partition, 'extra_photos')), order.balanceFen)
  }
  return order.balanceFen
}

/**
 * Closes a charge at WeChat Pay before it is replaced or its order ends. If the customer
 * paid it a moment ago (WeChat refuses to close a paid charge), the payment is applied —
 * or, when the order can no longer take it, refunded — instead of lost.
 */
async function closeCharge(deps: PaymentDeps, intent: PaymentIntent, now: Date) {
  try {
    await deps.payments.close(intent.outTradeNo)
    await deps.orders.closeIntent(intent)
  } catch (error) {
    const transaction = await deps.payments.query(intent.outTradeNo).catch(() => undefined)
    if (transaction?.tradeState === 'SUCCESS') await applyTransaction(deps, intent, transaction, now)
    else logger.error('could not close a WeChat Pay charge', { outTradeNo: intent.outTradeNo, error: String(error) })
  }
}

const DESCRIPTIONS: Record<PaymentIntent['kind'], string> = { deposit: '定金', balance: '尾款', extra_photos: '加选照片' }

/**
 * Starts (or resumes) a WeChat Pay charge for the customer's own order and returns the
 * signed requestPayment parameters. The same charge asked for again — a double tap, a
 * retry after a timeout — resumes the same trade instead of opening a second one.
 */
export async function prepayOrder(deps: PaymentDeps, input: z.output<typeof prepay.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const partition = await deps.orders.partition(caller.studioId, input.orderId)
  if (!partition || !visibleTo(partition.order, caller)) throw notFound('Order')
  const amountFen = amountDue(partition, input.kind)
  if (amountFen <= 0) throw new DomainError('NOTHING_TO_PAY', 'There is nothing to pay for this')
  const customer = await deps.customers.getCustomer(caller.studioId, partition.order.customerId)
  if (!customer?.openId) throw new DomainError('PRECONDITION_FAILED', 'Sign in with WeChat to pay online')

  // Earlier charges of this kind for another amount (the balance changed) are closed first.
  for (const stale of partition.intents.filter((i) => i.kind === input.kind && i.status === 'open' && i.amountFen !== amountFen)) {
    await closeCharge(deps, stale, ctx.now)
  }
  for (let generation = 0; generation < 20; generation++) {
    const outTradeNo = outTradeNoFor(caller.studioId, partition.order.id, input.kind, amountFen, generation)
    let intent = partition.intents.find((i) => i.outTradeNo === outTradeNo) ?? (await deps.orders.getIntent(caller.studioId, partition.order.id, outTradeNo))
    if (intent && intent.status === 'open' && Date.parse(intent.expiresAt) - 60_000 < ctx.now.getTime()) {
      await closeCharge(deps, intent, ctx.now)
      continue
    }
    if (intent && intent.status !== 'open') continue
    if (!intent) {
      const expiresAt = new Date(ctx.now.getTime() + PREPAY_MINUTES * 60_000)
      const { prepayId } = await deps.payments.prepay({
        outTradeNo,
        description: `${partition.order.package.name} ${DESCRIPTIONS[input.kind]}`.slice(0, 127),
        amountFen,
        payerOpenId: customer.openId,
        expiresAt,
        attach: `${caller.studioId}/${partition.order.id}`,
      })
      const fresh: PaymentIntent = {
        outTradeNo,
        studioId: caller.studioId,
        orderId: partition.order.id,
        customerId: partition.order.customerId,
        kind: input.kind,
        amountFen,
        prepayId,
        status: 'open',
        createdAt: ctx.now.toISOString(),
        expiresAt: expiresAt.toISOString(),
      }
      try {
        await deps.orders.putIntent(fresh)
        intent = fresh
      } catch {
        // A concurrent request recorded the same trade: use theirs.
        intent = await deps.orders.getIntent(caller.studioId, partition.order.id, outTradeNo)
        if (!intent) throw new DomainError('CONFLICT', 'Another payment request is under way; try again')
      }
    }
    return { outTradeNo, amountFen, simulated: deps.payments.simulated, params: deps.payments.requestPaymentParams(intent.prepayId, ctx.now) }
  }
  throw new DomainError('CONFLICT', 'Too many payment attempts for this amount; please ask the studio')
}

const isSimulator = (gateway: PaymentGateway): gateway is PaymentSimulator => gateway.simulated && 'pay' in gateway

/** Local only: the simulator takes the payment and delivers WeChat's signed notification to the same handler. */
export async function simulatePayment(deps: PaymentDeps, input: z.output<typeof simulatePay.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  if (!isSimulator(deps.payments)) throw forbidden('Payments are taken by WeChat Pay here, not simulated')
  const intent = await deps.orders.getIntent(caller.studioId, input.orderId, input.outTradeNo)
  if (!intent || intent.customerId !== caller.id) throw notFound('Payment')
  const notification = await deps.payments.pay(input.outTradeNo, ctx.now)
  if (input.deliverNotification) await handlePaymentNotification(deps, notification, ctx.now)
  return orderDetail(deps, caller.studioId, input.orderId, caller)
}

/** The customer is back from paying: if the notification has not arrived yet, ask WeChat Pay. */
export async function refreshOrderPayment(deps: PaymentDeps, input: z.output<typeof refreshPayment.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const partition = await deps.orders.partition(caller.studioId, input.orderId)
  if (!partition || !visibleTo(partition.order, caller)) throw notFound('Order')
  const intent = partition.intents.find((i) => i.outTradeNo === input.outTradeNo)
  if (!intent) throw notFound('Payment')
  if (intent.status === 'paid') return detailOf(partition)
  const transaction = await deps.payments.query(intent.outTradeNo)
  if (transaction?.tradeState !== 'SUCCESS') return detailOf(partition)
  await applyTransaction(deps, intent, transaction, new Date())
  return orderDetail(deps, caller.studioId, input.orderId, caller)
}

export type NotificationOutcome = 'applied' | 'duplicate' | 'ignored' | 'refunded' | 'rejected'

/**
 * WeChat Pay's notification: verified (signature, freshness, decryption, merchant) before
 * anything is read from it, then applied at most once. A forged or tampered notification
 * throws PaymentNotificationError and changes nothing.
 */
export async function handlePaymentNotification(deps: PaymentDeps, request: NotificationRequest, now: Date): Promise<NotificationOutcome> {
  const transaction = deps.payments.verifyNotification(request, now)
  if (transaction.tradeState !== 'SUCCESS') return 'ignored'
  const [studioId, orderId] = (transaction.attach ?? '').split('/')
  if (!studioId || !orderId) throw new PaymentNotificationError('malformed', 'The notification names no order')
  const intent = await deps.orders.getIntent(studioId, orderId, transaction.outTradeNo)
  if (intent) return applyTransaction(deps, intent, transaction, now)
  // Money for a charge we never asked for (genuinely signed, so WeChat took it): give it back.
  const order = await deps.orders.get(studioId, orderId)
  if (!order) {
    logger.error('payment notification for an unknown order', { outTradeNo: transaction.outTradeNo })
    throw new Error('payment for an unknown order')
  }
  logger.error('payment notification for an unknown charge', { outTradeNo: transaction.outTradeNo })
  const stray: PaymentIntent = {
    outTradeNo: transaction.outTradeNo,
    studioId,
    orderId,
    customerId: order.customerId,
    kind: 'balance',
    amountFen: transaction.amountFen,
    prepayId: '',
    status: 'paid',
    createdAt: now.toISOString(),
    expiresAt: now.toISOString(),
  }
  return refundUncredited(deps, paymentOf(stray, transaction, now), undefined, {
    action: 'payment.rejected',
    actorId: 'wechat-pay',
    actorName: 'WeChat Pay',
    targetId: orderId,
    detail: { outTradeNo: transaction.outTradeNo, amountFen: transaction.amountFen, reason: 'unknown charge' },
  })
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Credits a successful WeChat payment to its order exactly once. The payment item keyed by
 * out_trade_no is created in the same transaction as the credit, so ten copies of the same
 * notification at once credit once. A deposit on an order awaiting it also confirms the
 * booking — re-taking a lapsed hold's slot if it is still free. Money that cannot be
 * credited (the order was cancelled, the slot is gone, it would overpay) goes back at once.
 */
export async function applyTransaction(deps: PaymentDeps, intent: PaymentIntent, transaction: Transaction, now: Date): Promise<NotificationOutcome> {
  const audit = (action: NewAuditEntry['action'], detail: Record<string, unknown>): NewAuditEntry => ({
    action,
    actorId: 'wechat-pay',
    actorName: 'WeChat Pay',
    targetId: intent.orderId,
    detail: { outTradeNo: intent.outTradeNo, kind: intent.kind, ...detail },
  })
  if (transaction.outTradeNo !== intent.outTradeNo) throw new Error('a transaction applied to another charge')
  const payment = paymentOf(intent, transaction, now)
  if (transaction.amountFen !== intent.amountFen) {
    // Never credit an amount other than the one asked for. WeChat Pay's notifications carry the
    // amount it was told at prepay, so this is a fault to look into, not money to move: it is
    // logged as an error and kept in the audit log, and the charge stays open for its real payment.
    logger.error('payment amount does not match the charge', { outTradeNo: intent.outTradeNo, expected: intent.amountFen, got: transaction.amountFen })
    await deps.orders.recordAudit(intent.studioId, audit('payment.rejected', { amountFen: transaction.amountFen, expectedFen: intent.amountFen, reason: 'amount differs from the charge' }))
    return 'rejected'
  }
  for (let attempt = 0; ; attempt++) {
    const order = await deps.orders.get(intent.studioId, intent.orderId)
    if (!order) break
    try {
      const confirm = await depositConfirmation(deps, order, intent, now)
      if (confirm === 'refuse') break
      const credited = { ...payment, branchId: order.branchId }
      const books = await deps.books.captured(order, credited)
      const applied = await deps.orders.capture(order, credited, { intent, confirm, audit: audit('payment.captured', { amountFen: payment.amountFen }), books })
      return applied ? 'applied' : 'duplicate'
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      // Another write to the same order at the same moment, or the order moved on: read again.
      // If it keeps happening, WeChat Pay is told to send the notification again later.
      if ((error.code === 'CONFLICT' || error.code === 'ILLEGAL_TRANSITION') && attempt < 10) {
        await pause(20 + Math.random() * 80 * (attempt + 1))
        continue
      }
      if (error.code === 'OVERPAYMENT' || error.code === 'SLOT_TAKEN') break
      throw error
    }
  }
  return refundUncredited(deps, payment, intent, audit('payment.rejected', { amountFen: payment.amountFen, reason: 'could not be credited' }))
}

function paymentOf(intent: PaymentIntent, transaction: Transaction, now: Date): PaymentRecord {
  return {
    id: intent.outTradeNo,
    studioId: intent.studioId,
    orderId: intent.orderId,
    customerId: intent.customerId,
    kind: intent.kind,
    method: 'wechat',
    amountFen: transaction.amountFen,
    refundableFen: transaction.amountFen,
    status: 'captured',
    audited: true,
    recordedBy: SYSTEM,
    outTradeNo: intent.outTradeNo,
    transactionId: transaction.transactionId,
    at: transaction.successTime ? new Date(transaction.successTime).toISOString() : now.toISOString(),
  }
}

async function depositConfirmation(deps: PaymentDeps, order: OrderRecord, intent: PaymentIntent, now: Date) {
  if (intent.kind !== 'deposit') return undefined
  const lapsedHold = order.stage === 'cancelled' && order.appointmentId
  if (order.stage !== 'pending_deposit' && !lapsedHold) return order.stage === 'cancelled' ? ('refuse' as const) : undefined
  const context = await orderContextOf(deps, order.studioId)
  const appointment = order.appointmentId ? await deps.booking.getAppointment(order.studioId, order.appointmentId) : undefined
  if (order.appointmentId) {
    // A hold that ran out may be taken back if its time is still free; a booking the customer cancelled may not.
    if (!appointment || !(appointment.status === 'held' || (lapsedHold && appointment.status === 'expired'))) return 'refuse' as const
  }
  const change = stageChange(order, 'confirmed', SYSTEM, now, context, { note: 'deposit paid by WeChat Pay' })
  return { change, booking: appointment ? { appointment, locks: locksOf(appointment) } : undefined }
}

async function refundUncredited(deps: PaymentDeps, payment: PaymentRecord, intent: PaymentIntent | undefined, audit: NewAuditEntry): Promise<NotificationOutcome> {
  const uncredited: PaymentRecord = { ...payment, status: 'refund_processing', reason: 'could not be credited' }
  if (!(await deps.orders.recordUncredited(uncredited, intent, audit))) {
    // Recorded before: if that was the credit itself, there is nothing to give back.
    const earlier = (await deps.orders.partition(payment.studioId, payment.orderId))?.payments.find((p) => p.id === payment.id)
    if (earlier?.status === 'captured') return 'duplicate'
  }
  const outRefundNo = `${payment.id}R`
  const refund: PaymentRecord = {
    ...payment,
    id: outRefundNo,
    kind: 'refund',
    amountFen: -payment.amountFen,
    refundableFen: 0,
    refundOf: payment.id,
    outRefundNo,
    reason: 'could not be credited',
    status: 'refund_processing',
  }
  await deps.orders.refund(undefined, uncredited, refund, { ...audit, action: 'payment.refunded' })
  try {
    // The money that could not be credited shows as given back once WeChat Pay has paid it out.
    if ((await sendRefund(deps, uncredited, refund)) === 'refunded') await deps.orders.setPaymentStatus(uncredited, 'refunded')
  } catch (error) {
    // Recorded as a failed refund on the order, for finance to send again; WeChat need not resend.
    if (!(error instanceof DomainError && error.code === 'PAYMENT_PROVIDER_ERROR')) throw error
  }
  return 'refunded'
}

/** A refund WeChat Pay did not take: marked failed, and its order listed among refunds due until finance sends it again. */
async function refundFailed(deps: PaymentDeps, refund: PaymentRecord) {
  await deps.orders.setPaymentStatus(refund, 'refund_failed')
  const order = await deps.orders.get(refund.studioId, refund.orderId)
  if (order) await deps.orders.markRefundOwed(order, new Date().toISOString())
}

/** Asks WeChat Pay to send a refund back (same out_refund_no on a retry) and records how it went. */
async function sendRefund(deps: PaymentDeps, payment: PaymentRecord, refund: PaymentRecord): Promise<PaymentRecord['status']> {
  let result
  try {
    result = await deps.payments.refund({
      outTradeNo: payment.outTradeNo!,
      outRefundNo: refund.outRefundNo!,
      refundFen: -refund.amountFen,
      totalFen: payment.amountFen,
      reason: refund.reason,
    })
  } catch (error) {
    logger.error('refund request failed', { outRefundNo: refund.outRefundNo, error: String(error) })
    await refundFailed(deps, refund)
    throw new DomainError('PAYMENT_PROVIDER_ERROR', 'WeChat Pay did not take the refund; try again (it will not be paid twice)')
  }
  if (result.status === 'CLOSED' || result.status === 'ABNORMAL') {
    logger.error('refund not paid out', { outRefundNo: refund.outRefundNo, status: result.status })
    await refundFailed(deps, refund)
    return 'refund_failed'
  }
  const status = result.status === 'SUCCESS' ? 'refunded' : 'refund_processing'
  await deps.orders.setPaymentStatus(refund, status, { transactionId: result.refundId })
  return status
}

async function loadForMoney(deps: PaymentDeps, caller: Caller, orderId: string) {
  const partition = await deps.orders.partition(caller.studioId, orderId)
  if (!partition) throw notFound('Order')
  return partition
}

/** Cash, card or transfer taken at the desk: credited at once, unaudited until finance checks it. */
export async function recordOffline(deps: PaymentDeps, input: z.output<typeof recordOfflinePayment.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const partition = await loadForMoney(deps, caller, input.orderId)
  const { order, payments, intents } = partition
  // The same request again (a retry, a double tap): it was recorded once, answer as then.
  const same = payments.find((p) => p.id === input.requestId)
  if (same && same.method === input.method && same.amountFen === input.amountFen) return detailOf(partition)
  // Payment ids are shared with WeChat charges: a request id may never stand for another payment.
  if (same || intents.some((i) => i.outTradeNo === input.requestId)) throw new DomainError('CONFLICT', 'This request id was used for something else')
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
      const c = await depositConfirmation(deps, current, { kind: 'deposit' } as PaymentIntent, ctx.now)
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
      await deps.orders.capture(current, payment, { confirm, audit, books: await deps.books.captured(current, payment) })
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

export async function auditOffline(deps: PaymentDeps, input: z.output<typeof auditPayment.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const partition = await loadForMoney(deps, caller, input.orderId)
  const payment = partition.payments.find((p) => p.id === input.paymentId)
  if (!payment) throw notFound('Payment')
  if (payment.audited) throw new DomainError('CONFLICT', 'This payment is audited already')
  const audit: NewAuditEntry = {
    action: 'payment.audited',
    actorId: caller.id,
    actorName: caller.displayName,
    targetId: partition.order.id,
    detail: { paymentId: payment.id, amountFen: payment.amountFen, method: payment.method },
  }
  // A payment of a closed day is not audited afterwards: the close listed it unaudited.
  return deps.orders.audit(partition.order, payment, actorOf(caller), ctx.now.toISOString(), audit, await deps.books.audited(partition.order, payment))
}

export async function listUnaudited(deps: PaymentDeps, input: z.output<typeof unauditedPayments.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const page = await deps.orders.unaudited(caller.studioId, input)
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

/**
 * Pays (part of) a payment back: through WeChat Pay for online payments, as handed back at
 * the desk for offline ones. The refund entry is written once per request id, and never
 * for more than is left of the payment or was paid on the order.
 */
export async function refund(deps: PaymentDeps, input: z.output<typeof refundPayment.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const partition = await loadForMoney(deps, caller, input.orderId)
  const payment = partition.payments.find((p) => p.id === input.paymentId && p.amountFen > 0)
  if (!payment) throw notFound('Payment')
  const existing = partition.payments.find((p) => p.id === input.requestId)
  // The same request again: only the very same refund counts as done.
  if (existing && !(existing.kind === 'refund' && existing.refundOf === payment.id && existing.amountFen === -input.amountFen)) {
    throw new DomainError('CONFLICT', 'This request id was used for something else')
  }
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
    const audit: NewAuditEntry = {
      action: 'payment.refunded',
      actorId: caller.id,
      actorName: caller.displayName,
      targetId: partition.order.id,
      detail: { paymentId: payment.id, refundId: entry.id, amountFen: input.amountFen, method: payment.method, reason: input.reason },
    }
    await deps.orders.refund(partition.order, payment, entry, audit, await deps.books.refunded(partition.order, payment, entry))
  }
  if (payment.method === 'wechat' && entry.status !== 'refunded') await sendRefund(deps, payment, entry)
  return orderDetail(deps, caller.studioId, partition.order.id)
}

/** Finance sends a WeChat refund again that WeChat Pay did not take (same out_refund_no: never paid twice). */
export async function resendRefund(deps: PaymentDeps, input: z.output<typeof retryRefund.input>, ctx: RequestContext) {
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
  if (!owed && !after.payments.some((p) => p.kind === 'refund' && p.status === 'refund_failed')) await deps.orders.clearRefundOwed(after.order)
  return detailOf(after)
}

/**
 * After a cancellation: what the policy refunds of a deposit paid by WeChat goes back
 * automatically (one stable out_refund_no per order). Offline deposits wait for finance.
 */
export async function refundCancellation(deps: PaymentDeps, studioId: string, orderId: string, now: Date) {
  const first = await deps.orders.partition(studioId, orderId)
  if (!first || first.order.stage !== 'cancelled') return
  for (const intent of first.intents.filter((i) => i.status === 'open')) await closeCharge(deps, intent, now)
  for (const candidate of first.payments.filter((p) => p.method === 'wechat' && p.amountFen > 0 && p.status === 'captured')) {
    // Read again for each refund: what is owed and what is left change with every one.
    const partition = (await deps.orders.partition(studioId, orderId))!
    const owed = (partition.order.refundDueFen ?? 0) - partition.order.refundedFen
    const payment = partition.payments.find((p) => p.id === candidate.id)!
    if (owed <= 0) break
    if (payment.refundableFen <= 0) continue
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
    const written = await deps.orders.refund(partition.order, payment, entry, audit, await deps.books.refunded(partition.order, payment, entry))
    if (!written) continue
    try {
      await sendRefund(deps, payment, entry)
    } catch (error) {
      // The cancellation stands; the refund waits among refunds due for finance to send again.
      if (!(error instanceof DomainError && error.code === 'PAYMENT_PROVIDER_ERROR')) throw error
    }
  }
}
