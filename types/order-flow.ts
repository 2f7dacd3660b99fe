import type { OrderStage } from './orders'
import type { Role } from './roles'

/**
 * The order's state machine: each move names the roles that do that work; managers and
 * admins may make any staff move. `system` is the payment flow (a deposit confirms). The
 * server enforces it (functions/domain/order.ts); the app reads it to offer only the moves
 * a person may make.
 */
export type Doer = Role | 'system'

export interface Transition {
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

/** Roles that may make any staff move (never the payment system's). */
export const ANY_TRANSITION: readonly Role[] = ['manager', 'admin']

export type MoveCheck = 'allowed' | 'illegal' | 'forbidden'

/** Whether `roles` may move an order from `from` to `to`: an unknown move is illegal, a known one by the wrong role forbidden. */
export function moveCheck(from: OrderStage, to: OrderStage, roles: readonly Doer[]): MoveCheck {
  const transition = TRANSITIONS.find((t) => t.from === from && t.to === to)
  if (!transition) return 'illegal'
  if (roles.some((r) => transition.roles.includes(r))) return 'allowed'
  if (!transition.roles.every((r) => r === 'system') && roles.some((r) => (ANY_TRANSITION as readonly Doer[]).includes(r))) return 'allowed'
  return 'forbidden'
}

export const mayMove = (from: OrderStage, to: OrderStage, roles: readonly Doer[]) => moveCheck(from, to, roles) === 'allowed'
