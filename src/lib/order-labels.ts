import { orderStages, type Actor, type Order, type OrderStage, type Payment } from '../../types/orders'
import type { MessageKey, Translate } from '../i18n'
import { monthName } from './date-labels'
import { formatFen } from './money'
import { studioMoment } from './studio-time'

/** The stages an order goes through when nothing goes wrong; `cancelled` is the side exit. */
const ORDER_FLOW = orderStages.filter((stage) => stage !== 'cancelled')

export const stageLabel = (t: Translate, stage: OrderStage) => t(`orderStage.${stage}` as MessageKey)

/** What the customer is waiting for (or has to do) while the order is in `stage`. */
export const nextStepText = (t: Translate, stage: OrderStage) => t(`orderNext.${stage}` as MessageKey)

/** Fen with a sign for refunds: -5000 → "-¥50.00". */
export function formatSignedFen(fen: number): string {
  return fen < 0 ? `-${formatFen(-fen)}` : formatFen(fen)
}

/** A calendar date (YYYY-MM-DD) as "11月30日" / "30 Nov". */
export function monthDay(t: Translate, date: string): string {
  const [, month = 1, day = 1] = date.split('-').map(Number)
  return t('order.monthDay', { month, day, monthName: monthName(t, month) })
}

/** An instant in the studio's zone as "11月30日 14:00" / "30 Nov 14:00". */
export function momentLabel(t: Translate, iso: string, timeZone: string): string {
  const moment = studioMoment(iso, timeZone)
  return `${monthDay(t, moment.date)} ${moment.time}`
}

/** Who moved an order on, as a customer reads it: themselves, the studio's system, or a staff member by role and name. */
export function actorLabel(t: Translate, actor: Actor): string {
  if (actor.role === 'customer') return t('order.byMe')
  if (actor.role === 'system') return t('order.bySystem')
  return `${t(`role.${actor.role}` as MessageKey)} ${actor.name}`
}

export const paymentKindLabel = (t: Translate, kind: Payment['kind']) => t(`paymentKind.${kind}` as MessageKey)
export const paymentMethodLabel = (t: Translate, method: Payment['method']) => t(`paymentMethod.${method}` as MessageKey)

export type PayKind = 'deposit' | 'balance' | 'extra_photos'

/**
 * The expected-date line for the next step, never telling a customer that the studio is late:
 * the shoot time while confirmed, "expected by" for the studio's stages, and nothing once the date has passed.
 */
export function expectedText(t: Translate, order: Pick<Order, 'stage' | 'expectedBy' | 'shootAt'>, today: string, timeZone: string): string | undefined {
  if (order.stage === 'confirmed') return order.shootAt ? t('order.shootAt', { time: momentLabel(t, order.shootAt, timeZone) }) : undefined
  if (order.stage === 'pending_deposit' || order.stage === 'completed' || order.stage === 'cancelled' || !order.expectedBy) return undefined
  if (order.expectedBy < today) return order.stage === 'selecting' || order.stage === 'proofing' ? undefined : t('order.expectedSoon')
  return t('order.expectedBy', { date: monthDay(t, order.expectedBy) })
}

export interface ProgressStep {
  stage: OrderStage
  state: 'done' | 'current' | 'next' | 'later'
  /** When the stage was (last) entered, and by whom. */
  at?: string
  by?: Actor
}

/**
 * The order's progress through every stage: those passed with when and who, the current one,
 * the one expected next, and the rest. A cancelled order shows the stages it reached, then the cancellation.
 */
export function progressOf(order: Pick<Order, 'stage' | 'timeline'>): ProgressStep[] {
  const last = new Map<OrderStage, Order['timeline'][number]>()
  for (const event of order.timeline) last.set(event.stage, event)
  const step = (stage: OrderStage, state: ProgressStep['state']): ProgressStep => {
    const event = state === 'done' || state === 'current' ? last.get(stage) : undefined
    return { stage, state, at: event?.at, by: event?.by }
  }
  if (order.stage === 'cancelled') {
    const reached = ORDER_FLOW.filter((stage) => last.has(stage))
    return [...reached.map((stage) => step(stage, 'done')), step('cancelled', 'current')]
  }
  const current = ORDER_FLOW.indexOf(order.stage)
  return ORDER_FLOW.map((stage, index) => step(stage, index < current ? 'done' : index === current ? 'current' : index === current + 1 ? 'next' : 'later'))
}

/** What is still owed for the extra photos picked: their add-on less what was paid towards it, never more than the balance. */
export function extraPhotosDue(order: Pick<Order, 'selection' | 'balanceFen' | 'stage'>, payments: Pick<Payment, 'kind' | 'amountFen' | 'status'>[]): number {
  if (!order.selection?.confirmedAt || order.stage === 'cancelled') return 0
  const paid = payments.filter((p) => p.kind === 'extra_photos' && p.amountFen > 0 && p.status !== 'refund_processing').reduce((sum, p) => sum + p.amountFen, 0)
  return Math.min(Math.max(0, order.selection.extraFen - paid), order.balanceFen)
}

/** What a customer can pay now, in the order they would pay it, with the amount each would charge. */
export function payableNow(order: Pick<Order, 'stage' | 'depositFen' | 'balanceFen' | 'selection'>, payments: Pick<Payment, 'kind' | 'amountFen' | 'status'>[]) {
  const options: { kind: PayKind; amountFen: number }[] = []
  if (order.stage === 'cancelled' || order.stage === 'completed' || order.balanceFen <= 0) return options
  if (order.stage === 'pending_deposit') return [{ kind: 'deposit' as const, amountFen: Math.min(order.depositFen, order.balanceFen) }]
  const extra = extraPhotosDue(order, payments)
  if (extra > 0) options.push({ kind: 'extra_photos', amountFen: extra })
  if (order.balanceFen > extra) options.push({ kind: 'balance', amountFen: order.balanceFen })
  return options
}
