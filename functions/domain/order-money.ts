import type { Order, Payment } from '../../types/orders'

/**
 * The money invariants of an order, stated once. Every write that moves money keeps them
 * with conditions in the same DynamoDB transaction as the change (functions/store/payments.ts,
 * functions/store/entities/order.ts); this function checks them over an order and its ledger,
 * and the property test of random concurrent mixes runs it after every round.
 *
 * 1. paid = Σ credited payments − Σ their refunds; refunded = Σ those refunds
 * 2. no payment is refunded beyond itself: what is left of it (refundable) = amount − Σ its refunds ≥ 0
 * 3. unaudited = Σ what is left of the credited payments not yet audited
 * 4. 0 ≤ balance = total − paid
 * 5. a cancelled order owes back everything paid on it but what the policy keeps:
 *    refundDue − refunded ≥ paid − kept
 */
export type OrderMoney = Pick<Order, 'id' | 'stage' | 'totalFen' | 'paidFen' | 'balanceFen' | 'unauditedFen' | 'refundedFen' | 'refundDueFen'>
export type LedgerEntry = Pick<Payment, 'id' | 'amountFen' | 'refundableFen' | 'refundOf' | 'audited'> & { reason?: string }

/** A payment that could not be credited to its order (it goes straight back): outside the order's totals. */
export const UNCREDITED_REASON = 'could not be credited'

export interface MoneyViolation {
  invariant: 'paid' | 'refunded' | 'refund-within-payment' | 'unaudited' | 'balance' | 'owed-back'
  message: string
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

/** What is wrong with the order's money; empty when every invariant holds. `keptFen`: what a cancellation policy keeps. */
export function orderMoneyViolations(order: OrderMoney, ledger: readonly LedgerEntry[], options: { keptFen?: number } = {}): MoneyViolation[] {
  const violations: MoneyViolation[] = []
  const fail = (invariant: MoneyViolation['invariant'], message: string) => violations.push({ invariant, message: `order ${order.id}: ${message}` })
  const payments = ledger.filter((e) => e.amountFen > 0 && e.reason !== UNCREDITED_REASON)
  const credited = new Set(payments.map((p) => p.id))
  const refunds = ledger.filter((e) => e.amountFen < 0 && e.refundOf !== undefined && credited.has(e.refundOf))
  const refunded = -sum(refunds.map((r) => r.amountFen))

  const paid = sum(payments.map((p) => p.amountFen)) - refunded
  if (order.paidFen !== paid) fail('paid', `paid ${order.paidFen} ≠ Σ payments − Σ refunds = ${paid}`)
  if (order.refundedFen !== refunded) fail('refunded', `refunded ${order.refundedFen} ≠ Σ refunds = ${refunded}`)
  for (const p of payments) {
    const left = p.amountFen + sum(refunds.filter((r) => r.refundOf === p.id).map((r) => r.amountFen))
    if (left < 0 || p.refundableFen !== left) fail('refund-within-payment', `payment ${p.id} of ${p.amountFen}: ${p.refundableFen} refundable, ${left} left after its refunds`)
  }
  const unaudited = sum(payments.filter((p) => !p.audited).map((p) => p.refundableFen))
  if (order.unauditedFen !== unaudited) fail('unaudited', `unaudited ${order.unauditedFen} ≠ Σ unaudited live payments = ${unaudited}`)
  if (order.balanceFen < 0 || order.balanceFen !== order.totalFen - order.paidFen) {
    fail('balance', `balance ${order.balanceFen} with total ${order.totalFen} and paid ${order.paidFen}`)
  }
  if (order.stage === 'cancelled') {
    const owed = (order.refundDueFen ?? 0) - order.refundedFen
    const kept = options.keptFen ?? 0
    if (owed < order.paidFen - kept) fail('owed-back', `cancelled with ${order.paidFen} paid but only ${Math.max(owed, 0)} owed back (${kept} kept)`)
  }
  return violations
}
