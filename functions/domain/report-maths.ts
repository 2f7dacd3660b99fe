import type { OrderStage, PaymentMethod } from '../../types/orders'
import type {
  Channel,
  CustomerFigures,
  DailyFigures,
  FunnelFigures,
  RevenueFigures,
  StockFigures,
  UpsellFigures,
} from '../../types/reports'
import { moneyKinds, orderStages, receivableAges, sourceChannels } from '../../types/vocabulary'
import { PAYMENT_METHODS } from './day-close'
import { addDays, averageDays, basisPoints, daysBetween, divideRounded, figure, keyed, nowFigure, receivableAge, valueOf, type Counters } from './report-figures'

/*
 * Each report's figures from counters already added up over its days and branches. Pure: the
 * same counters always give the same report; sums stay in integer fen, and every average or
 * rate is rounded once, here.
 */

export const CHANNELS: readonly Channel[] = [...sourceChannels, 'unknown']
const byMethod = <T>(f: (m: PaymentMethod) => T) => Object.fromEntries(PAYMENT_METHODS.map((m) => [m, f(m)])) as Record<PaymentMethod, T>

export function dailyFigures(c: Counters): DailyFigures {
  const inByMethod = byMethod((m) => valueOf(c, figure.inByMethod(m)))
  const receivedFen = Object.values(inByMethod).reduce((s, v) => s + v, 0)
  const refundedFen = PAYMENT_METHODS.reduce((s, m) => s + valueOf(c, figure.refundByMethod(m)), 0)
  const expenseFen = valueOf(c, figure.expenseFen)
  const incomeFen = valueOf(c, figure.incomeFen)
  return {
    bookings: valueOf(c, figure.bookings),
    bookingsCancelled: valueOf(c, figure.bookingsCancelled),
    shoots: valueOf(c, figure.shoots),
    selections: valueOf(c, figure.selections),
    pickups: valueOf(c, figure.pickups),
    ordersOpened: valueOf(c, figure.ordersOpened),
    inByMethod,
    inByKind: Object.fromEntries(moneyKinds.map((k) => [k, valueOf(c, figure.inByKind(k))])) as DailyFigures['inByKind'],
    receivedFen,
    refundedFen,
    unauditedFen: valueOf(c, figure.unauditedFen),
    expenseFen,
    incomeFen,
    netFen: receivedFen - refundedFen + incomeFen - expenseFen,
  }
}

const netReceived = (c: Counters) => {
  const d = dailyFigures(c)
  return d.receivedFen - d.refundedFen
}

export function revenueFigures(c: Counters, packageName: (id: string) => string): RevenueFigures {
  const orders = valueOf(c, figure.ordersOpened)
  const orderValueFen = valueOf(c, figure.orderValueFen)
  const packageOrders = keyed(c, 'orders#package', 'count')
  const packageValue = keyed(c, 'orders#package', 'fen')
  return {
    orders,
    orderValueFen,
    averageOrderValueFen: divideRounded(orderValueFen, orders),
    netReceivedFen: netReceived(c),
    byPackage: [...packageOrders.keys()]
      .map((packageId) => ({ packageId, packageName: packageName(packageId), orders: packageOrders.get(packageId) ?? 0, orderValueFen: packageValue.get(packageId) ?? 0 }))
      .filter((p) => p.orders !== 0 || p.orderValueFen !== 0)
      .sort((a, b) => b.orderValueFen - a.orderValueFen || a.packageName.localeCompare(b.packageName)),
    byChannel: CHANNELS.map((channel) => ({ channel, orders: valueOf(c, figure.channelOrders(channel)), orderValueFen: valueOf(c, figure.channelValue(channel)) })).filter(
      (r) => r.orders !== 0 || r.orderValueFen !== 0,
    ),
  }
}

function upsellLine(selectedOrders: number, upsoldOrders: number, extraPhotos: number, extraPhotosFen: number, upgradesFen: number) {
  return { selectedOrders, upsoldOrders, rateBp: basisPoints(upsoldOrders, selectedOrders), extraPhotos, extraPhotosFen, upgradesFen, amountFen: extraPhotosFen + upgradesFen }
}

export function upsellFigures(c: Counters, staffName: (id: string) => string): UpsellFigures {
  const selected = keyed(c, 'sel', 'orders')
  const upsold = keyed(c, 'sel', 'upsold')
  const photos = keyed(c, 'sel', 'photos')
  const photosFen = keyed(c, 'sel', 'photosFen')
  const upgrades = keyed(c, 'sel', 'upgradesFen')
  const byStaff = [...selected.keys()]
    .map((staffId) =>
      Object.assign(
        { staffId, staffName: staffName(staffId) },
        upsellLine(selected.get(staffId) ?? 0, upsold.get(staffId) ?? 0, photos.get(staffId) ?? 0, photosFen.get(staffId) ?? 0, upgrades.get(staffId) ?? 0),
      ),
    )
    .filter((s) => s.selectedOrders !== 0)
    .sort((a, b) => b.amountFen - a.amountFen || a.staffName.localeCompare(b.staffName))
  const total = (key: 'selectedOrders' | 'upsoldOrders' | 'extraPhotos' | 'extraPhotosFen' | 'upgradesFen') => byStaff.reduce((s, r) => s + r[key], 0)
  return { ...upsellLine(total('selectedOrders'), total('upsoldOrders'), total('extraPhotos'), total('extraPhotosFen'), total('upgradesFen')), byStaff }
}

export function funnelFigures(c: Counters): FunnelFigures {
  const byChannel = CHANNELS.map((channel) => ({
    channel,
    customers: valueOf(c, figure.newCustomers(channel)),
    booked: valueOf(c, figure.funnel(channel, 'booked')),
    depositPaid: valueOf(c, figure.funnel(channel, 'depositPaid')),
    shot: valueOf(c, figure.funnel(channel, 'shot')),
    completed: valueOf(c, figure.funnel(channel, 'completed')),
  })).filter((r) => r.customers || r.booked || r.depositPaid || r.shot || r.completed)
  const total = (k: 'customers' | 'booked' | 'depositPaid' | 'shot' | 'completed') => byChannel.reduce((s, r) => s + r[k], 0)
  const cancelReasons = [...Object.entries(c)]
    .filter(([name, v]) => name.startsWith('cancel#reason#') && v !== 0)
    .map(([name, count]) => ({ reason: name.slice('cancel#reason#'.length), count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
  const refundCounts = keyed(c, 'refund#reason', 'count')
  const refundFen = keyed(c, 'refund#reason', 'fen')
  const refundReasons = [...refundCounts.keys()]
    .map((reason) => ({ reason, count: refundCounts.get(reason) ?? 0, amountFen: refundFen.get(reason) ?? 0 }))
    .filter((r) => r.count !== 0)
    .sort((a, b) => b.amountFen - a.amountFen || a.reason.localeCompare(b.reason))
  return {
    total: { customers: total('customers'), booked: total('booked'), depositPaid: total('depositPaid'), shot: total('shot'), completed: total('completed') },
    byChannel,
    cancellations: { count: valueOf(c, figure.cancellations), byReason: cancelReasons },
    refunds: { count: valueOf(c, figure.refunds), amountFen: dailyFigures(c).refundedFen, byReason: refundReasons },
  }
}

/** Balance collected: what balance and extra-photo payments brought in. */
export const receivablesFlow = (c: Counters) => ({
  collectedFen: valueOf(c, figure.inByKind('balance')) + valueOf(c, figure.inByKind('extra_photos')),
  refundedFen: dailyFigures(c).refundedFen,
})

export function receivablesNow(now: Counters, asOf: string) {
  const dueFen = keyed(now, 'due', 'fen')
  const dueOrders = keyed(now, 'due', 'orders')
  const byAge = receivableAges.map((age) => ({ age, orders: 0, balanceFen: 0 }))
  for (const shootDay of new Set([...dueFen.keys(), ...dueOrders.keys()])) {
    const bucket = byAge.find((b) => b.age === receivableAge(Math.max(0, daysBetween(shootDay, asOf))))!
    bucket.balanceFen += dueFen.get(shootDay) ?? 0
    bucket.orders += dueOrders.get(shootDay) ?? 0
  }
  return {
    asOf,
    byAge,
    balanceFen: byAge.reduce((s, b) => s + b.balanceFen, 0),
    orders: byAge.reduce((s, b) => s + b.orders, 0),
    readyWithBalance: { orders: valueOf(now, nowFigure.readyOrders), balanceFen: valueOf(now, nowFigure.readyDueFen) },
  }
}

/** Orders in each stage now, and how many entered it longer ago than its expected days. */
export function productionNow(now: Counters, asOf: string, stageDays: Partial<Record<OrderStage, number>>) {
  return orderStages
    .filter((s) => s !== 'completed' && s !== 'cancelled')
    .map((stage) => {
      let orders = 0
      let overdue = 0
      for (const [name, count] of Object.entries(now)) {
        if (!name.startsWith(`stage#${stage}#`)) continue
        const enteredOn = name.slice(`stage#${stage}#`.length)
        orders += count
        const days = stageDays[stage]
        if (days !== undefined && addDays(enteredOn, days) < asOf) overdue += count
      }
      return { stage, orders, overdue }
    })
}

export function productionFlow(c: Counters) {
  return {
    stages: orderStages
      .filter((s) => s !== 'completed' && s !== 'cancelled')
      .map((stage) => {
        const exits = valueOf(c, figure.stageExits(stage))
        return { stage, exits, averageDays: averageDays(valueOf(c, figure.stageMinutes(stage)), exits) }
      }),
  }
}

export function customerFigures(c: Counters): CustomerFigures {
  const bySource = CHANNELS.map((channel) => ({ channel, newCustomers: valueOf(c, figure.newCustomers(channel)), returningOrders: valueOf(c, figure.returningOrders(channel)) })).filter(
    (r) => r.newCustomers !== 0 || r.returningOrders !== 0,
  )
  const due = valueOf(c, figure.followUpsDue)
  const done = valueOf(c, figure.followUpsDone)
  return {
    newCustomers: bySource.reduce((s, r) => s + r.newCustomers, 0),
    returningOrders: bySource.reduce((s, r) => s + r.returningOrders, 0),
    bySource,
    followUps: { due, done, rateBp: basisPoints(done, due) },
  }
}

/**
 * Stock figures of a period. `dayEndValues` is the branch's stock value at the end of each day of
 * the period (worked out by the caller from the value now and each later day's change).
 */
export function stockFigures(c: Counters, dayEndValues: number[], itemName: (id: string) => string): StockFigures {
  const quantity = keyed(c, 'stock#consumed', 'quantity')
  const fen = keyed(c, 'stock#consumed', 'fen')
  const consumption = [...quantity.keys()]
    .map((itemId) => ({ itemId, itemName: itemName(itemId), quantity: quantity.get(itemId) ?? 0, costFen: fen.get(itemId) ?? 0 }))
    .filter((r) => r.quantity !== 0 || r.costFen !== 0)
    .sort((a, b) => b.costFen - a.costFen || a.itemName.localeCompare(b.itemName))
  const consumptionFen = consumption.reduce((s, r) => s + r.costFen, 0)
  const averageStockFen = divideRounded(
    dayEndValues.reduce((s, v) => s + v, 0),
    dayEndValues.length,
  ) ?? 0
  return { consumption, consumptionFen, purchasesFen: valueOf(c, figure.purchasedFen), averageStockFen, turnoverBp: basisPoints(consumptionFen, averageStockFen) }
}

/**
 * Stock value at the end of each day from `from` to `to`, walking back from the value now:
 * each day's end value is the next day's end value less that next day's change.
 */
export function stockValuesByDay(valueNow: number, changeByDay: Map<string, number>, from: string, to: string, today: string): Map<string, number> {
  const values = new Map<string, number>()
  let value = valueNow
  for (let day = today; day >= from; day = addDays(day, -1)) {
    if (day <= to) values.set(day, value)
    value -= changeByDay.get(day) ?? 0
  }
  return values
}

type Windows = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', readonly { from: string; to: string }[]>>
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/**
 * A person's working minutes over some days: their own hours (else the branch's opening hours)
 * on each day the branch is open and they are not off. Leave within a day is not taken off.
 */
export function workingMinutes(days: readonly string[], branch: { openingHours: Windows; closedDates: readonly { date: string }[] }, person: { workingHours?: Windows; daysOff: readonly string[] }): number {
  const closed = new Set(branch.closedDates.map((c) => c.date))
  const off = new Set(person.daysOff)
  let total = 0
  for (const day of days) {
    if (closed.has(day) || off.has(day)) continue
    const weekday = String(((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1) as keyof Windows
    for (const w of (person.workingHours ?? branch.openingHours)[weekday] ?? []) total += minutesOf(w.to) - minutesOf(w.from)
  }
  return total
}
