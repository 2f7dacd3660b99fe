import { createHash } from 'node:crypto'
import type { z } from 'zod'
import { OUT_TRADE_NO_PREFIX } from '../../types/vocabulary'
import type * as op from '../../types/payment-operations'
import type { CustomerRepository } from '../customers/ports'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError, forbidden, notFound } from '../domain/errors'
import { detailOf, orderDetail } from '../orders/detail'
import { visibleTo } from '../orders/model'
import type { OrderPartition, PaymentIntent, PaymentRecord } from '../orders/ports'
import { applyTransaction, closeCharge, handlePaymentNotification, type CreditingPorts } from './crediting'
import type { PaymentGateway, PaymentSimulator } from './ports'

interface PrepayPorts extends CreditingPorts {
  customers: CustomerRepository
}

/** A prepay stays payable this long; WeChat allows up to two hours for JSAPI. */
const PREPAY_MINUTES = 30
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * The out_trade_no for a charge: derived from the order, what is paid, the amount and a
 * generation, so a retried or concurrent prepay for the same charge names the same trade
 * and WeChat Pay can never take it twice. `W` and 26 characters of Crockford base32: never a
 * request id (those are 26 characters), so no desk payment or refund can take the id the
 * WeChat payment will be recorded under.
 */
export function outTradeNoFor(studioId: string, orderId: string, kind: string, amountFen: number, generation: number): string {
  const digest = createHash('sha256').update(`${studioId}|${orderId}|${kind}|${amountFen}|${generation}`).digest()
  let out = OUT_TRADE_NO_PREFIX
  for (let i = 0; i < 26; i++) out += CROCKFORD[digest[i]! % 32]
  return out
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

const DESCRIPTIONS: Record<PaymentIntent['kind'], string> = { deposit: '定金', balance: '尾款', extra_photos: '加选照片' }


/**
 * Starts (or resumes) a WeChat Pay charge for the customer's own order and returns the
 * signed requestPayment parameters. The same charge asked for again — a double tap, a
 * retry after a timeout — resumes the same trade instead of opening a second one.
 */
export async function prepay(deps: PrepayPorts, input: z.output<typeof op.prepay.input>, ctx: RequestContext) {
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
    let intent = partition.intents.find((i) => i.outTradeNo === outTradeNo) ?? (await deps.ledger.getIntent(caller.studioId, partition.order.id, outTradeNo))
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
        await deps.ledger.putIntent(fresh)
        intent = fresh
      } catch {
        // A concurrent request recorded the same trade: use theirs.
        intent = await deps.ledger.getIntent(caller.studioId, partition.order.id, outTradeNo)
        if (!intent) throw new DomainError('CONFLICT', 'Another payment request is under way; try again')
      }
    }
    return { outTradeNo, amountFen, simulated: deps.payments.simulated, params: deps.payments.requestPaymentParams(intent.prepayId, ctx.now) }
  }
  throw new DomainError('CONFLICT', 'Too many payment attempts for this amount; please ask the studio')
}

const isSimulator = (gateway: PaymentGateway): gateway is PaymentSimulator => gateway.simulated && 'pay' in gateway


/** Local only: the simulator takes the payment and delivers WeChat's signed notification to the same handler. */
export async function simulatePay(deps: CreditingPorts, input: z.output<typeof op.simulatePay.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  if (!isSimulator(deps.payments)) throw forbidden('Payments are taken by WeChat Pay here, not simulated')
  const intent = await deps.ledger.getIntent(caller.studioId, input.orderId, input.outTradeNo)
  if (!intent || intent.customerId !== caller.id) throw notFound('Payment')
  const notification = await deps.payments.pay(input.outTradeNo, ctx.now)
  if (input.deliverNotification) await handlePaymentNotification(deps, notification, ctx.now)
  return orderDetail(deps, caller.studioId, input.orderId, caller)
}

/** The customer is back from paying: if the notification has not arrived yet, ask WeChat Pay. */
export async function refreshPayment(deps: CreditingPorts, input: z.output<typeof op.refreshPayment.input>, ctx: RequestContext) {
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
