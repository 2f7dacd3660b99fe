import { createHash } from 'node:crypto'
import type { CommissionWork } from '../../types/finance'
import type { StaffRole } from '../../types/roles'
import { clawBackFor, commissionFor, monthOf, ruleInForce, sharesOf, type CommissionLineRecord, type CommissionWrites } from '../domain/commission'
import type { CommissionRuleRecord, FinanceRepository } from '../finance/ports'
import type { OrderRecord } from '../orders/ports'
import { linesRefundReaches, type RefundedPayment } from './refund-reach'

/** A line's id is its earning event, its earner and the rule version: a replay of the event can never write it twice. */
export function lineIdOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('|')).digest('base64url').slice(0, 26)
}

export interface Earner {
  id: string
  name: string
  role: StaffRole
}

/** What earned it: the order, the payment or stage, the day, and the base each kind of rule counts. */
export interface EarningEvent {
  order: OrderRecord
  work: CommissionWork
  source: CommissionLineRecord['source']
  date: string
  at: string
  /** The base for rules on money received, and for rules on the order's value. */
  receivedFen: number
  orderValueFen: number
  units: number
}

/**
 * The commission an event earns: for each earner, the version of their role's rule for this
 * work in force on the day, its share (split between the earners as the rule says), with
 * month tiers counted from the earner's month so far — the count each line relied on goes
 * with it, so two events counted at once cannot both use the same month total.
 */
export async function commissionEarned(finance: FinanceRepository, event: EarningEvent, earners: readonly Earner[]): Promise<CommissionWrites> {
  const writes: CommissionWrites = { lines: [], counts: [] }
  const branchId = event.order.branchId
  if (!branchId || earners.length === 0) return writes
  const versions = await finance.ruleVersions(event.order.studioId, branchId)
  const month = monthOf(event.date)
  const byRole = new Map<string, Earner[]>()
  for (const earner of earners) byRole.set(earner.role, [...(byRole.get(earner.role) ?? []), earner])
  for (const [role, group] of byRole) {
    const rule = ruleInForce(versions.filter((v) => v.role === role && v.work === event.work), event.date) as CommissionRuleRecord | undefined
    if (!rule) continue
    const baseFen = rule.base === 'received' ? event.receivedFen : event.orderValueFen
    if (baseFen <= 0) continue
    for (const [i, earner] of group.entries()) {
      const monthBaseBeforeFen = await finance.monthBase(event.order.studioId, earner.id, month, rule.id)
      const whole = commissionFor(rule, {
        baseFen,
        units: event.units,
        monthBaseBeforeFen,
        packageId: event.order.package.id,
        productIds: event.order.addOns.flatMap((a) => (a.productId ? [a.productId] : [])),
      })
      const amountFen = sharesOf(rule, whole, group.length)[i]!
      if (amountFen <= 0) continue
      writes.lines.push({
        id: lineIdOf(event.order.id, event.source.kind, event.source.id, earner.id, rule.id, String(rule.version)),
        studioId: event.order.studioId,
        branchId,
        staffId: earner.id,
        staffName: earner.name,
        role: earner.role,
        work: event.work,
        month,
        date: event.date,
        orderId: event.order.id,
        source: event.source,
        ruleId: rule.id,
        ruleVersion: rule.version,
        baseFen,
        amountFen,
        createdAt: event.at,
      })
      writes.counts.push({ studioId: event.order.studioId, staffId: earner.id, month, ruleId: rule.id, beforeFen: monthBaseBeforeFen, addFen: baseFen })
    }
  }
  return writes
}

/**
 * What a refund takes back: of each line the refunded money earned, the refunded share —
 * each claw-back its own line, on the refund's day, pointing at the line it takes from.
 */
export async function commissionClawedBack(
  finance: FinanceRepository,
  order: OrderRecord,
  payment: RefundedPayment,
  refund: { id: string; amountFen: number; date: string; at: string },
): Promise<CommissionWrites> {
  const lines = await finance.orderLines(order.studioId, order.id)
  const earned = await linesRefundReaches(finance, order, lines, payment)
  const claws: CommissionLineRecord[] = []
  for (const line of earned) {
    const before = -lines.filter((l) => l.clawsBack === line.id).reduce((s, l) => s + l.amountFen, 0)
    const amountFen = clawBackFor(line, refund.amountFen, before)
    if (amountFen >= 0) continue
    claws.push({
      ...line,
      id: lineIdOf('refund', refund.id, line.id),
      month: monthOf(refund.date),
      date: refund.date,
      source: { kind: 'refund', id: refund.id },
      baseFen: -Math.min(refund.amountFen, line.baseFen),
      amountFen,
      clawsBack: line.id,
      createdAt: refund.at,
    })
  }
  return { lines: claws, counts: [] }
}
