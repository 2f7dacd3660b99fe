import type { Order, OrderStage, Payment } from '../../types/orders'
import type { Channel, MoneyKind } from '../../types/reports'
import { addCounters, figure, nowFigure, type Counters } from './report-figures'

/**
 * What each event adds to a branch's report figures: the counters of the day it happened on,
 * and the state counters "now". Pure: the stores write these in the event's own transaction, so
 * an event refused or applied twice (its own guard fails) never counts twice.
 */
export interface FigureWrite {
  studioId: string
  branchId: string
  /** The studio day the counters belong to; absent for the branch's state figures ("now"). */
  date?: string
  add: Counters
  /** Names to keep beside the counters (a staff member's, a package's, a stock item's), by id. */
  names?: Record<string, string>
}

/** The order as an event sees it: with its studio, the channel its customer came from and the add-ons sold at its selection. */
export type FigureOrder = Pick<
  Order,
  'id' | 'branchId' | 'stage' | 'package' | 'totalFen' | 'balanceFen' | 'timeline' | 'stageEnteredAt'
> & { studioId: string; channel?: Channel; upgradesFen?: number }

/** The studio day of an instant. */
export type DayOf = (instant: string) => string

/** Figure writes of one event merged per item: a transaction may touch each item once. */
export function mergeFigureWrites(writes: readonly FigureWrite[]): FigureWrite[] {
  const byItem = new Map<string, FigureWrite>()
  for (const w of writes) {
    const key = `${w.studioId}|${w.branchId}|${w.date ?? 'NOW'}`
    const found = byItem.get(key)
    if (!found) byItem.set(key, { ...w, add: { ...w.add }, names: w.names ? { ...w.names } : undefined })
    else {
      addCounters(found.add, w.add)
      if (w.names) found.names = { ...found.names, ...w.names }
    }
  }
  return [...byItem.values()]
    .map((w) => ({ ...w, add: Object.fromEntries(Object.entries(w.add).filter(([, v]) => v !== 0)) }))
    .filter((w) => Object.keys(w.add).length > 0 || (w.names && Object.keys(w.names).length > 0))
}

const channelOf = (order: FigureOrder): Channel => order.channel ?? 'unknown'
/** Stages an order waits in (the terminal ones are not kept as state). */
const kept = (stage: OrderStage) => stage !== 'completed' && stage !== 'cancelled'
const shootDay = (order: FigureOrder, dayOf: DayOf) => {
  const shot = order.timeline.find((e) => e.stage === 'shot')
  return shot ? dayOf(shot.at) : undefined
}

/**
 * Moves of the balance due on a shot order (by its shoot day) and, while it waits at pick-up,
 * of the ready-with-money-due figures, when its balance goes from `before` to `after`.
 */
function balanceMoved(order: FigureOrder, before: number, after: number, dayOf: DayOf): Counters {
  const add: Counters = {}
  const day = shootDay(order, dayOf)
  if (!day || !kept(order.stage) || before === after) return add
  const crossed = (before > 0 ? 1 : 0) - (after > 0 ? 1 : 0)
  add[nowFigure.dueByShootDay(day)] = after - before
  add[nowFigure.ordersByShootDay(day)] = -crossed
  if (order.stage === 'ready') {
    add[nowFigure.readyDueFen] = after - before
    add[nowFigure.readyOrders] = -crossed
  }
  return add
}

const moneyKind = (kind: Payment['kind']): MoneyKind | undefined => (kind === 'refund' ? undefined : kind)

/** An order opened: a booking made at the desk or online. */
export function orderOpened(order: FigureOrder, day: string, returning: boolean): FigureWrite[] {
  if (!order.branchId) return []
  const channel = channelOf(order)
  const base = { studioId: order.studioId, branchId: order.branchId }
  const add: Counters = {
    [figure.ordersOpened]: 1,
    [figure.orderValueFen]: order.totalFen,
    [figure.packageOrders(order.package.id)]: 1,
    [figure.packageValue(order.package.id)]: order.totalFen,
    [figure.channelOrders(channel)]: 1,
    [figure.channelValue(channel)]: order.totalFen,
    [figure.funnel(channel, 'booked')]: 1,
  }
  // Customers are the studio's, not a branch's: one counts as new in the branch of their first order, on its day.
  if (returning) add[figure.returningOrders(channel)] = 1
  else add[figure.newCustomers(channel)] = 1
  return [
    { ...base, date: day, add, names: { [order.package.id]: order.package.name } },
    { ...base, add: { [nowFigure.inStage(order.stage, day)]: 1 } },
  ]
}

/**
 * An order's value changed after it was opened (add-ons, discount): the change lands on the day
 * it was opened, under its package and channel, so a period's order value is that of the orders
 * opened in it as they stand; the balance owed moves with it.
 */
export function orderRevalued(before: FigureOrder & { createdAt: string }, after: Pick<FigureOrder, 'totalFen' | 'balanceFen'>, dayOf: DayOf): FigureWrite[] {
  if (!before.branchId) return []
  const change = after.totalFen - before.totalFen
  if (change === 0) return []
  const channel = channelOf(before)
  const base = { studioId: before.studioId, branchId: before.branchId }
  return [
    {
      ...base,
      date: dayOf(before.createdAt),
      add: { [figure.orderValueFen]: change, [figure.packageValue(before.package.id)]: change, [figure.channelValue(channel)]: change },
    },
    { ...base, add: balanceMoved(before, before.balanceFen, after.balanceFen, dayOf) },
  ]
}

/** Money received on an order, on the day its book takes it. */
export function paymentCaptured(order: FigureOrder, payment: Pick<Payment, 'kind' | 'method' | 'amountFen' | 'audited' | 'at'>, bookDay: string, dayOf: DayOf): FigureWrite[] {
  if (!order.branchId) return []
  const base = { studioId: order.studioId, branchId: order.branchId }
  const add: Counters = { [figure.inByMethod(payment.method)]: payment.amountFen }
  const kind = moneyKind(payment.kind)
  if (kind) add[figure.inByKind(kind)] = payment.amountFen
  // Unaudited receipts stay on the day the money came in, until audited or refunded.
  const unaudited = payment.audited ? [] : [{ ...base, date: dayOf(payment.at), add: { [figure.unauditedFen]: payment.amountFen } }]
  return [
    { ...base, date: bookDay, add },
    ...unaudited,
    { ...base, add: balanceMoved(order, order.balanceFen, order.balanceFen - payment.amountFen, dayOf) },
  ]
}

/** Money given back (amount as a positive number), with its reason. */
export function paymentRefunded(
  order: FigureOrder | undefined,
  payment: Pick<Payment, 'audited' | 'at'>,
  refund: Pick<Payment, 'method' | 'amountFen' | 'reason'>,
  branchId: string | undefined,
  studioId: string,
  bookDay: string,
  dayOf: DayOf,
): FigureWrite[] {
  if (!branchId) return []
  const amount = Math.abs(refund.amountFen)
  const reason = refund.reason?.trim() || '—'
  const base = { studioId, branchId }
  return [
    {
      ...base,
      date: bookDay,
      add: { [figure.refundByMethod(refund.method)]: amount, [figure.refunds]: 1, [figure.refundReasonCount(reason)]: 1, [figure.refundReasonFen(reason)]: amount },
    },
    ...(payment.audited ? [] : [{ ...base, date: dayOf(payment.at), add: { [figure.unauditedFen]: -amount } }]),
    ...(order ? [{ ...base, add: balanceMoved(order, order.balanceFen, order.balanceFen + amount, dayOf) }] : []),
  ]
}

/** An offline receipt audited: what is left of it leaves the unaudited figure of its day. */
export function paymentAudited(studioId: string, branchId: string | undefined, payment: Pick<Payment, 'refundableFen' | 'at'>, dayOf: DayOf): FigureWrite[] {
  if (!branchId) return []
  return [{ studioId, branchId, date: dayOf(payment.at), add: { [figure.unauditedFen]: -payment.refundableFen } }]
}

/** Who did the work a stage move records, for the staff figures. */
export interface StageWork {
  /** The photographer and makeup artist of a shoot. */
  crew?: { id: string; name: string }[]
}

/**
 * An order's selection confirmed by `staffId`: one order selected, and upsold if it sold extra
 * photos or add-ons while it was in selection (the recompute job derives the same from the order).
 */
export function upsoldAtSelection(staffId: string, extra: { extraCount: number; extraFen: number } | undefined, netUpgradesFen = 0): Counters {
  const add: Counters = { [figure.selected(staffId)]: 1 }
  const extraCount = extra?.extraCount ?? 0
  // The add-ons' net change during selection: less than before counts as nothing sold.
  const upgradesFen = Math.max(0, netUpgradesFen)
  if (extraCount === 0 && upgradesFen === 0) return add
  add[figure.upsold(staffId)] = 1
  if (extraCount > 0) {
    add[figure.extraPhotos(staffId)] = extraCount
    add[figure.extraPhotosFen(staffId)] = extra!.extraFen
  }
  if (upgradesFen > 0) add[figure.upgradesFen(staffId)] = upgradesFen
  return add
}

/** A stage move: its flows on the day it happened, and the order's place in the state figures. */
export function stageMoved(
  order: FigureOrder,
  change: { from: OrderStage; to: OrderStage; event: { at: string; by: { id: string; name: string; role: string }; note?: string }; addToTotalFen?: number; set?: { selection?: { extraCount: number; extraFen: number } } },
  dayOf: DayOf,
  work: StageWork = {},
): FigureWrite[] {
  if (!order.branchId) return []
  const base = { studioId: order.studioId, branchId: order.branchId }
  const day = dayOf(change.event.at)
  const channel = channelOf(order)
  const add: Counters = {}
  const names: Record<string, string> = {}
  const minutes = Math.max(0, Math.round((Date.parse(change.event.at) - Date.parse(order.stageEnteredAt)) / 60_000))
  const now: Counters = {}
  // A lapsed hold taken back by its late deposit leaves `cancelled`, which is not a stage orders wait in.
  if (kept(change.from)) {
    add[figure.stageExits(change.from)] = 1
    add[figure.stageMinutes(change.from)] = minutes
    now[nowFigure.inStage(change.from, dayOf(order.stageEnteredAt))] = -1
  }
  if (kept(change.to)) now[nowFigure.inStage(change.to, day)] = 1

  if (change.to === 'confirmed') add[figure.funnel(channel, 'depositPaid')] = 1
  if (change.to === 'shot') {
    add[figure.shoots] = 1
    add[figure.funnel(channel, 'shot')] = 1
    for (const person of work.crew ?? []) {
      add[figure.staffShoots(person.id)] = 1
      names[person.id] = person.name
    }
    if (order.balanceFen > 0) {
      now[nowFigure.dueByShootDay(day)] = order.balanceFen
      now[nowFigure.ordersByShootDay(day)] = 1
    }
  }
  if (change.from === 'selecting' && change.to === 'retouching') {
    const by = change.event.by
    add[figure.selections] = 1
    addCounters(add, upsoldAtSelection(by.id, change.set?.selection, order.upgradesFen))
    names[by.id] = by.name
    if (change.addToTotalFen) addCounters(now, balanceMoved(order, order.balanceFen, order.balanceFen + change.addToTotalFen, dayOf))
  }
  const balance = order.balanceFen + (change.addToTotalFen ?? 0)
  if (change.to === 'ready' && balance > 0) {
    now[nowFigure.readyOrders] = 1
    now[nowFigure.readyDueFen] = balance
  }
  if (change.from === 'ready' && balance > 0) {
    now[nowFigure.readyOrders] = (now[nowFigure.readyOrders] ?? 0) - 1
    now[nowFigure.readyDueFen] = (now[nowFigure.readyDueFen] ?? 0) - balance
  }
  if (change.to === 'completed') {
    add[figure.pickups] = 1
    add[figure.funnel(channel, 'completed')] = 1
  }
  if (change.to === 'cancelled') {
    add[figure.cancellations] = 1
    add[figure.cancelReason(change.event.note?.trim() || '—')] = 1
  }
  return [
    { ...base, date: day, add, names },
    { ...base, add: now },
  ]
}

/** An expense or other income added to a day (negative: taken off by an edit or a void). */
export function expenseBooked(studioId: string, branchId: string, date: string, amounts: { expenseFen?: number; incomeFen?: number }): FigureWrite[] {
  return [{ studioId, branchId, date, add: { [figure.expenseFen]: amounts.expenseFen ?? 0, [figure.incomeFen]: amounts.incomeFen ?? 0 } }]
}

/** Commission lines written: each person's net commission on the line's day. */
export function commissionBooked(lines: readonly { studioId: string; branchId?: string; staffId: string; staffName: string; date: string; amountFen: number }[]): FigureWrite[] {
  return lines.flatMap((l) =>
    l.branchId ? [{ studioId: l.studioId, branchId: l.branchId, date: l.date, add: { [figure.staffCommission(l.staffId)]: l.amountFen }, names: { [l.staffId]: l.staffName } }] : [],
  )
}

/** A follow-up due on a day, or done on a day, in the branch of the staff member it belongs to. */
export function followUpMoved(studioId: string, branchId: string | undefined, day: string, what: 'due' | 'done'): FigureWrite[] {
  return branchId ? [{ studioId, branchId, date: day, add: { [what === 'due' ? figure.followUpsDue : figure.followUpsDone]: 1 } }] : []
}

/** A booking made or cancelled, and the minutes it holds its photographer and makeup artist. */
export function bookingMoved(
  studioId: string,
  branchId: string,
  day: string,
  change: { made?: boolean; cancelled?: boolean; shootDay: string; minutes: number; crew: { id: string; name: string }[]; sign: 1 | -1 },
): FigureWrite[] {
  const add: Counters = {}
  if (change.made) add[figure.bookings] = 1
  if (change.cancelled) add[figure.bookingsCancelled] = 1
  const booked: Counters = {}
  const names: Record<string, string> = {}
  for (const person of change.crew) {
    booked[figure.staffBookedMinutes(person.id)] = change.sign * change.minutes
    names[person.id] = person.name
  }
  return [
    { studioId, branchId, date: day, add },
    { studioId, branchId, date: change.shootDay, add: booked, names },
  ]
}

/** A stock movement of a branch: quantity and cost, by kind. */
export function stockMoved(
  studioId: string,
  branchId: string,
  day: string,
  movement: { kind: 'purchase' | 'consumption' | 'adjustment' | 'transfer_in' | 'transfer_out' | string; itemId: string; itemName: string; quantity: number; valueFen: number },
): FigureWrite[] {
  const add: Counters = { [figure.stockChangeFen]: movement.valueFen }
  if (movement.kind === 'consumption') {
    add[figure.consumedQuantity(movement.itemId)] = -movement.quantity
    add[figure.consumedFen(movement.itemId)] = -movement.valueFen
  }
  if (movement.kind === 'purchase') add[figure.purchasedFen] = movement.valueFen
  return [{ studioId, branchId, date: day, add, names: { [movement.itemId]: movement.itemName } }]
}
