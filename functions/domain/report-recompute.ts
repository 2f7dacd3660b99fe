import type { Appointment } from '../../types/booking'
import type { Expense, CommissionLine } from '../../types/finance'
import type { StockMovement } from '../../types/inventory'
import type { FollowUp } from '../../types/customers'
import type { Order, Payment } from '../../types/orders'
import type { Channel } from '../../types/reports'
import { isStaffRole } from './permissions'
import { upsoldAtSelection } from './report-events'
import { addCounters, figure, nowFigure, type Counters } from './report-figures'

/** A branch's raw records, as the recompute job reads them. */
export interface BranchRecords {
  orders: { order: Order & { channel?: Channel; returning?: boolean; upgradesFen?: number }; payments: Payment[] }[]
  appointments: Appointment[]
  expenses: Expense[]
  movements: StockMovement[]
  commission: CommissionLine[]
  /** The studio's follow-ups due or done in this branch (the branch of the staff member each was assigned to, or that did it). */
  followUps: (FollowUp & { dueBranchId?: string; doneBranchId?: string })[]
}

/**
 * A branch's day figures worked out again from its raw records, independently of the events that
 * kept them: payments and refunds by the day they were taken, orders by the day they were opened,
 * each stage of each order's timeline, expenses, stock movements, commission lines and bookings.
 * The recompute job and the reconciliation test compare these with the figures kept.
 *
 * Money is counted on the day its book took it (WeChat Pay money whose own day was closed names
 * the later day it was booked on); what is still unaudited stays on the day it came in.
 * Follow-ups count as due on their due date in the branch of whoever they were assigned to,
 * and as done on the day they were done in the branch of whoever did them.
 */
export function recomputeDays(records: BranchRecords, dayOf: (instant: string) => string, from: string, to: string, branchId?: string): Map<string, Counters> {
  const days = new Map<string, Counters>()
  const add = (day: string, counters: Counters) => {
    if (day < from || day > to) return
    days.set(day, addCounters(days.get(day) ?? {}, counters))
  }

  for (const { order, payments } of records.orders) {
    const channel = order.channel ?? 'unknown'
    const extraFen = order.selection?.confirmedAt ? order.selection.extraFen : 0
    // The value an order was opened at: its total less the extra photos its selection added.
    const openedFen = order.totalFen - extraFen
    add(dayOf(order.createdAt), {
      [figure.ordersOpened]: 1,
      [figure.orderValueFen]: openedFen,
      [figure.packageOrders(order.package.id)]: 1,
      [figure.packageValue(order.package.id)]: openedFen,
      [figure.channelOrders(channel)]: 1,
      [figure.channelValue(channel)]: openedFen,
      [figure.funnel(channel, 'booked')]: 1,
      [order.returning ? figure.returningOrders(channel) : figure.newCustomers(channel)]: 1,
    })
    const timeline = order.timeline
    for (let i = 1; i < timeline.length; i++) {
      const before = timeline[i - 1]!
      const event = timeline[i]!
      const day = dayOf(event.at)
      const c: Counters = {}
      if (before.stage !== 'cancelled') {
        c[figure.stageExits(before.stage)] = 1
        c[figure.stageMinutes(before.stage)] = Math.max(0, Math.round((Date.parse(event.at) - Date.parse(before.at)) / 60_000))
      }
      if (event.stage === 'confirmed') c[figure.funnel(channel, 'depositPaid')] = 1
      if (event.stage === 'shot') {
        c[figure.shoots] = 1
        c[figure.funnel(channel, 'shot')] = 1
        const shoot = records.appointments.find((a) => a.id === order.appointmentId)
        const crew = [shoot?.photographerId, shoot?.makeupArtistId].filter((id): id is string => !!id)
        // No booked crew: whoever on the staff recorded the shoot.
        if (!crew.length && isStaffRole(event.by.role)) crew.push(event.by.id)
        for (const id of crew) c[figure.staffShoots(id)] = 1
      }
      if (before.stage === 'selecting' && event.stage === 'retouching') {
        c[figure.selections] = 1
        addCounters(c, upsoldAtSelection(event.by.id, order.selection, order.upgradesFen))
      }
      if (event.stage === 'completed') {
        c[figure.pickups] = 1
        c[figure.funnel(channel, 'completed')] = 1
      }
      if (event.stage === 'cancelled') {
        c[figure.cancellations] = 1
        c[figure.cancelReason(event.note?.trim() || '—')] = 1
      }
      add(day, c)
    }
    for (const p of payments) {
      const bookDay = p.bookedOn ?? dayOf(p.at)
      if (p.amountFen > 0) {
        add(bookDay, { [figure.inByMethod(p.method)]: p.amountFen, ...(p.kind !== 'refund' ? { [figure.inByKind(p.kind)]: p.amountFen } : {}) })
        if (!p.audited) add(dayOf(p.at), { [figure.unauditedFen]: p.refundableFen })
      } else {
        const amount = -p.amountFen
        const reason = p.reason?.trim() || '—'
        add(bookDay, { [figure.refundByMethod(p.method)]: amount, [figure.refunds]: 1, [figure.refundReasonCount(reason)]: 1, [figure.refundReasonFen(reason)]: amount })
      }
    }
  }

  for (const e of records.expenses) {
    if (e.status === 'void') continue
    add(e.date, { [e.kind === 'expense' ? figure.expenseFen : figure.incomeFen]: e.amountFen })
  }

  for (const m of records.movements) {
    const valueFen = m.quantity * m.unitCostFen
    const c: Counters = { [figure.stockChangeFen]: valueFen }
    if (m.kind === 'consumption') {
      c[figure.consumedQuantity(m.itemId)] = -m.quantity
      c[figure.consumedFen(m.itemId)] = -valueFen
    }
    if (m.kind === 'purchase') c[figure.purchasedFen] = valueFen
    add(dayOf(m.at), c)
  }

  for (const l of records.commission) add(l.date, { [figure.staffCommission(l.staffId)]: l.amountFen })

  for (const a of records.appointments) {
    add(dayOf(a.createdAt), { [figure.bookings]: 1 })
    if (a.status === 'cancelled' && a.cancellation) add(dayOf(a.cancellation.at), { [figure.bookingsCancelled]: 1 })
    if (a.status === 'cancelled' || a.status === 'expired') continue
    const minutes = Math.round((Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 60_000)
    const crew = [a.photographerId, a.makeupArtistId].filter((id): id is string => !!id)
    add(dayOf(a.startsAt), Object.fromEntries(crew.map((id) => [figure.staffBookedMinutes(id), minutes])))
  }
  for (const f of records.followUps) {
    if (!branchId || f.dueBranchId === branchId) add(f.dueDate, { [figure.followUpsDue]: 1 })
    if (f.status === 'done' && f.completedAt && (!branchId || f.doneBranchId === branchId)) add(dayOf(f.completedAt), { [figure.followUpsDone]: 1 })
  }
  return dropZeros(days)
}

function dropZeros<K>(all: Map<K, Counters>) {
  for (const c of all.values()) for (const [k, v] of Object.entries(c)) if (v === 0) delete c[k]
  return all
}

/**
 * A branch's state figures ("now") worked out again from its orders as they stand: each order
 * waiting in a stage, by the day it entered it; what is owed on shot orders, by shoot day; and
 * the orders at pick-up with money due.
 */
export function recomputeNow(records: Pick<BranchRecords, 'orders'>, dayOf: (instant: string) => string): Counters {
  const now: Counters = {}
  for (const { order } of records.orders) {
    if (order.stage === 'completed' || order.stage === 'cancelled') continue
    addCounters(now, { [nowFigure.inStage(order.stage, dayOf(order.stageEnteredAt))]: 1 })
    const shot = order.timeline.find((e) => e.stage === 'shot')
    if (!shot || order.balanceFen <= 0) continue
    const day = dayOf(shot.at)
    addCounters(now, { [nowFigure.dueByShootDay(day)]: order.balanceFen, [nowFigure.ordersByShootDay(day)]: 1 })
    if (order.stage === 'ready') addCounters(now, { [nowFigure.readyOrders]: 1, [nowFigure.readyDueFen]: order.balanceFen })
  }
  return dropZeros(new Map([['now', now]])).get('now')!
}

/** Every counter that differs between the kept and the recomputed figures of a day (or of "now"). */
export function figureDifferences(kept: Counters, recomputed: Counters): { figure: string; kept: number; recomputed: number }[] {
  const names = new Set([...Object.keys(kept), ...Object.keys(recomputed)])
  return [...names]
    .filter((name) => (kept[name] ?? 0) !== (recomputed[name] ?? 0))
    .sort()
    .map((name) => ({ figure: name, kept: kept[name] ?? 0, recomputed: recomputed[name] ?? 0 }))
}
