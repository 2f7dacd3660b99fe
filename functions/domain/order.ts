import type { AddOn, OrderSettings, OrderStage } from '../../types/orders'
import { moveCheck, type Doer } from '../../types/order-flow'
import type { Role } from '../../types/roles'
import { DomainError } from './errors'
import { studioDate } from './time'

export { TRANSITIONS } from '../../types/order-flow'

/** The stage an order normally moves to next (the customer's "what happens next"). */
export const NEXT_STAGE: Partial<Record<OrderStage, OrderStage>> = {
  pending_deposit: 'confirmed',
  confirmed: 'shot',
  shot: 'selecting',
  selecting: 'retouching',
  retouching: 'designing',
  designing: 'proofing',
  proofing: 'producing',
  producing: 'ready',
  ready: 'completed',
}

/**
 * Checks that `roles` may move an order from `from` to `to` (the table is in types/, where the
 * app reads it too). An unknown move is ILLEGAL_TRANSITION; a known move by the wrong role is FORBIDDEN.
 */
export function checkTransition(from: OrderStage, to: OrderStage, roles: readonly Doer[]): void {
  const check = moveCheck(from, to, roles)
  if (check === 'illegal') throw new DomainError('ILLEGAL_TRANSITION', `An order cannot go from ${from} to ${to}`)
  if (check === 'forbidden') throw new DomainError('FORBIDDEN', `Your role may not move an order from ${from} to ${to}`)
}

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000)

/**
 * When the stage just entered should be over: the shoot date while confirmed, the stage's
 * expected days after entering it otherwise; none once the order is finished.
 */
export function expectedBy(stage: OrderStage, enteredAt: Date, settings: OrderSettings, timeZone: string, shootAt?: string): string | undefined {
  if (stage === 'completed' || stage === 'cancelled') return undefined
  if (stage === 'confirmed') return shootAt ? studioDate(new Date(shootAt), timeZone) : undefined
  return studioDate(addDays(enteredAt, settings.stageDays[stage]), timeZone)
}

/** An order is overdue when today (in the studio's zone) is after its stage's expected date. */
export const isOverdue = (expected: string | undefined, today: string) => expected !== undefined && expected < today

/** Total = package + add-ons − discount; the discount may never make it negative. */
export function orderTotal(packagePriceFen: number, addOns: readonly Pick<AddOn, 'amountFen'>[], discountFen: number): number {
  const gross = packagePriceFen + addOns.reduce((sum, a) => sum + a.amountFen, 0)
  if (discountFen > gross) throw new DomainError('VALIDATION_FAILED', 'The discount is larger than the order', { fields: [{ path: 'discountFen', message: 'must not exceed the order' }] })
  return gross - discountFen
}

/** An order's total never falls below what is paid on it: the difference is refunded first. */
export function checkTotalCoversPaid(totalFen: number, paidFen: number): void {
  if (totalFen < paidFen) throw new DomainError('OVERPAYMENT', `The total would fall below the ${paidFen} fen already paid`)
}

/** Discounts above the studio's share of the package price need a manager or an admin. */
export function checkDiscount(discountFen: number, packagePriceFen: number, settings: OrderSettings, roles: readonly Role[]): void {
  if (roles.includes('manager') || roles.includes('admin')) return
  const limit = Math.floor((packagePriceFen * settings.discountLimitPercent) / 100)
  if (discountFen > limit) {
    throw new DomainError('DISCOUNT_NEEDS_MANAGER', `Discounts above ${settings.discountLimitPercent}% (${limit} fen) need a manager`)
  }
}

/** Extra photos beyond what the package includes, and what they cost. */
export function selectionPrice(picked: number, included: number, extraPhotoPriceFen: number) {
  const extraCount = Math.max(0, picked - included)
  return { includedCount: Math.min(picked, included), extraCount, extraFen: extraCount * extraPhotoPriceFen }
}

/**
 * What the order keeps as sold at selection (升级加项, credited to whoever confirms the selection):
 * while it is in `selecting`, every change of its add-ons' worth moves it, up or down, so the
 * running total is the net change whatever the order of the edits (a frame taken off and put back
 * sells nothing); in any other stage it stays as it is. What is credited is never below zero
 * (see `upsoldAtSelection`).
 */
export function upgradesAtSelection(order: { stage: OrderStage; addOns: readonly Pick<AddOn, 'amountFen'>[]; upgradesFen?: number }, addOns: readonly Pick<AddOn, 'amountFen'>[]): number | undefined {
  if (order.stage !== 'selecting') return order.upgradesFen
  const worth = (list: readonly Pick<AddOn, 'amountFen'>[]) => list.reduce((sum, a) => sum + a.amountFen, 0)
  return (order.upgradesFen ?? 0) + worth(addOns) - worth(order.addOns)
}
