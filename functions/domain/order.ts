import type { AddOn, OrderSettings, OrderStage } from '../../types/orders'
import type { Role } from '../../types/roles'
import { DomainError } from './errors'
import { studioDate } from './time'

/**
 * The order's state machine. Each transition names the roles that do that work; managers
 * and admins may make any of them. `system` is the payment flow (a deposit confirms).
 */
type Doer = Role | 'system'

interface Transition {
  from: OrderStage
  to: OrderStage
  roles: readonly Doer[]
}

export const TRANSITIONS: readonly Transition[] = [
  { from: 'pending_deposit', to: 'confirmed', roles: ['system'] },
  { from: 'pending_deposit', to: 'cancelled', roles: ['customer', 'reception', 'system'] },
  { from: 'confirmed', to: 'cancelled', roles: ['customer', 'reception'] },
  { from: 'confirmed', to: 'shot', roles: ['photographer'] },
  { from: 'shot', to: 'selecting', roles: ['photographer', 'retoucher', 'reception'] },
  { from: 'selecting', to: 'retouching', roles: ['customer', 'reception'] },
  { from: 'retouching', to: 'designing', roles: ['retoucher'] },
  { from: 'designing', to: 'proofing', roles: ['retoucher'] },
  { from: 'proofing', to: 'producing', roles: ['customer', 'reception'] },
  { from: 'proofing', to: 'designing', roles: ['customer', 'reception'] },
  { from: 'producing', to: 'ready', roles: ['reception', 'retoucher'] },
  { from: 'ready', to: 'completed', roles: ['reception'] },
]

const ANY_TRANSITION: readonly Role[] = ['manager', 'admin']

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
 * Checks that `roles` may move an order from `from` to `to`. An unknown move is
 * PRECONDITION_FAILED (illegal for the stage); a known move by the wrong role is FORBIDDEN.
 */
export function checkTransition(from: OrderStage, to: OrderStage, roles: readonly Doer[]): void {
  const transition = TRANSITIONS.find((t) => t.from === from && t.to === to)
  if (!transition) throw new DomainError('ILLEGAL_TRANSITION', `An order cannot go from ${from} to ${to}`)
  if (roles.some((r) => transition.roles.includes(r))) return
  // Managers and admins may do any staff step, never the payment system's.
  if (!transition.roles.every((r) => r === 'system') && roles.some((r) => (ANY_TRANSITION as readonly Doer[]).includes(r))) return
  throw new DomainError('FORBIDDEN', `Your role may not move an order from ${from} to ${to}`)
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
