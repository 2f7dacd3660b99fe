import type { BookingPolicy, RefundTier } from '../../types/booking'
import type { Order } from '../../types/orders'

const DAY_MS = 86_400_000

/** The refund tier that applies now: the highest one whose days-before the shoot are still ahead — as the server decides. */
export function tierNow(policy: Pick<BookingPolicy, 'refundTiers'>, startsAt: string, now: number): RefundTier | undefined {
  const daysBefore = (Date.parse(startsAt) - now) / DAY_MS
  return [...policy.refundTiers].sort((a, b) => b.minDaysBefore - a.minDaysBefore).find((tier) => daysBefore >= tier.minDaysBefore)
}

/**
 * What cancelling the order now gives back, as the server will work it out: a booked shoot whose
 * deposit was paid keeps the policy's share of the deposit, judged from the earliest start the booking
 * has held (a moved booking); anything else gives back all that was paid.
 */
export function cancellationRefund(order: Pick<Order, 'stage' | 'paidFen' | 'depositFen' | 'shootAt' | 'refundFromAt' | 'appointmentId'>, policy: Pick<BookingPolicy, 'refundTiers'>, now: number) {
  if (!order.appointmentId || !order.shootAt || order.stage === 'pending_deposit') return { amountFen: order.paidFen }
  const tier = tierNow(policy, order.refundFromAt ?? order.shootAt, now)
  const percent = tier?.percent ?? 0
  const kept = Math.round((Math.min(order.depositFen, order.paidFen) * (100 - percent)) / 100)
  return { amountFen: order.paidFen - kept, tier: tier ?? { minDaysBefore: 0, percent: 0 } }
}
