import type { Channel, MoneyKind, ReportGranularity, ReportPeriod } from '../../types/reports'
import type { OrderStage, PaymentMethod } from '../../types/orders'

/**
 * The report figures a branch keeps per studio day: flat counters, each ADDed in the same
 * transaction as the event that moves it (a payment, a refund, an expense, an order opened, a
 * stage change, a booking made or cancelled, a stock movement, a commission line). Their names
 * are built here and only here; reports add days up and divide at read time.
 *
 * A second item per branch, "now", keeps the state figures (orders per stage by the day they
 * entered it, balance due by shoot day, orders at pick-up with money due) moved up and down by
 * the same events.
 */
export type Counters = Record<string, number>

/** Free text (a cancellation reason, an id) made safe to sit inside a counter's name. */
const part = (text: string) => text.replace(/#/g, '＃').slice(0, 60)

export const figure = {
  bookings: 'bookings',
  bookingsCancelled: 'bookingsCancelled',
  shoots: 'shoots',
  selections: 'selections',
  pickups: 'pickups',
  ordersOpened: 'ordersOpened',
  orderValueFen: 'orderValueFen',
  inByMethod: (method: PaymentMethod) => `in#method#${method}`,
  inByKind: (kind: MoneyKind) => `in#kind#${kind}`,
  refundByMethod: (method: PaymentMethod) => `refund#method#${method}`,
  refunds: 'refunds',
  refundReasonCount: (reason: string) => `refund#reason#${part(reason)}#count`,
  refundReasonFen: (reason: string) => `refund#reason#${part(reason)}#fen`,
  unauditedFen: 'unauditedFen',
  expenseFen: 'expenseFen',
  incomeFen: 'incomeFen',
  packageOrders: (packageId: string) => `orders#package#${packageId}#count`,
  packageValue: (packageId: string) => `orders#package#${packageId}#fen`,
  channelOrders: (channel: Channel) => `orders#channel#${channel}#count`,
  channelValue: (channel: Channel) => `orders#channel#${channel}#fen`,
  returningOrders: (channel: Channel) => `orders#returning#${channel}`,
  newCustomers: (channel: Channel) => `customers#new#${channel}`,
  funnel: (channel: Channel, step: 'booked' | 'depositPaid' | 'shot' | 'completed') => `funnel#${channel}#${step}`,
  cancellations: 'cancellations',
  cancelReason: (reason: string) => `cancel#reason#${part(reason)}`,
  selected: (staffId: string) => `sel#${part(staffId)}#orders`,
  upsold: (staffId: string) => `sel#${part(staffId)}#upsold`,
  extraPhotos: (staffId: string) => `sel#${part(staffId)}#photos`,
  extraPhotosFen: (staffId: string) => `sel#${part(staffId)}#photosFen`,
  upgradesFen: (staffId: string) => `sel#${part(staffId)}#upgradesFen`,
  stageExits: (stage: OrderStage) => `stageExit#${stage}#count`,
  stageMinutes: (stage: OrderStage) => `stageExit#${stage}#minutes`,
  staffShoots: (staffId: string) => `staff#${part(staffId)}#shoots`,
  staffCommission: (staffId: string) => `staff#${part(staffId)}#commissionFen`,
  staffBookedMinutes: (staffId: string) => `staff#${part(staffId)}#bookedMinutes`,
  followUpsDue: 'followUps#due',
  followUpsDone: 'followUps#done',
  consumedQuantity: (itemId: string) => `stock#consumed#${itemId}#quantity`,
  consumedFen: (itemId: string) => `stock#consumed#${itemId}#fen`,
  purchasedFen: 'stock#purchasedFen',
  /** The day's net change of stock value (purchases in, consumption and adjustments out). */
  stockChangeFen: 'stock#changeFen',
} as const

/** The state figures of the "now" item. */
export const nowFigure = {
  inStage: (stage: OrderStage, enteredOn: string) => `stage#${stage}#${enteredOn}`,
  dueByShootDay: (shootDay: string) => `due#${shootDay}#fen`,
  ordersByShootDay: (shootDay: string) => `due#${shootDay}#orders`,
  readyOrders: 'ready#orders',
  readyDueFen: 'ready#fen',
} as const

export const addCounters = (into: Counters, from: Counters): Counters => {
  for (const [name, value] of Object.entries(from)) into[name] = (into[name] ?? 0) + value
  return into
}

export const sumCounters = (all: Iterable<Counters>): Counters => {
  const total: Counters = {}
  for (const c of all) addCounters(total, c)
  return total
}

/** Counter value, zero when never moved. */
export const valueOf = (c: Counters, name: string) => c[name] ?? 0

/** The middle part of every counter matching `prefix#<key>#suffix`, with its value. */
export function keyed(c: Counters, prefix: string, suffix: string): Map<string, number> {
  const found = new Map<string, number>()
  const start = `${prefix}#`
  const end = `#${suffix}`
  for (const [name, value] of Object.entries(c)) {
    if (name.startsWith(start) && name.endsWith(end) && name.length > start.length + end.length) {
      const key = name.slice(start.length, name.length - end.length)
      found.set(key, (found.get(key) ?? 0) + value)
    }
  }
  return found
}

/* ---------- Rounding, once, at read time ---------- */

/** a ÷ b rounded half up to a whole number; null when b is zero. Both are integers ≥ 0 here. */
export function divideRounded(a: number, b: number): number | null {
  if (b === 0) return null
  return Math.floor((2 * a + b) / (2 * b))
}

/** a ÷ b in basis points (10 000 = 100 %), rounded half up; null when b is zero. */
export const basisPoints = (a: number, b: number) => divideRounded(a * 10_000, b)

/** Minutes averaged into days with one decimal, rounded half up; null with nothing to average. */
export function averageDays(minutes: number, count: number): number | null {
  const tenths = divideRounded(minutes * 10, count * 1440)
  return tenths === null ? null : tenths / 10
}

/* ---------- Calendar arithmetic on YYYY-MM-DD ---------- */

const DAY_MS = 86_400_000
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS
const fromDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10)

export const addDays = (iso: string, days: number) => fromDay(toDay(iso) + days)
export const daysBetween = (from: string, to: string) => toDay(to) - toDay(from)

export function periodOf(from: string, to: string): ReportPeriod {
  return { from, to, days: daysBetween(from, to) + 1 }
}

/** The same number of days just before the period. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  return periodOf(addDays(period.from, -period.days), addDays(period.from, -1))
}

export function daysOf(period: { from: string; to: string }): string[] {
  const out: string[] = []
  for (let d = period.from; d <= period.to; d = addDays(d, 1)) out.push(d)
  return out
}

/** The chart buckets of a period: days, ISO weeks from Monday, or calendar months, cut to the period. */
export function bucketsOf(period: ReportPeriod, granularity: ReportGranularity): { bucket: string; bucketTo: string }[] {
  const startOf = (day: string) => {
    if (granularity === 'day') return day
    if (granularity === 'month') return `${day.slice(0, 8)}01`
    const weekday = (new Date(toDay(day) * DAY_MS).getUTCDay() + 6) % 7
    return addDays(day, -weekday)
  }
  const buckets: { bucket: string; bucketTo: string }[] = []
  for (const day of daysOf(period)) {
    const start = startOf(day)
    const last = buckets[buckets.length - 1]
    if (last && startOf(last.bucket) === start) last.bucketTo = day
    else buckets.push({ bucket: day, bucketTo: day })
  }
  return buckets
}

/** Days since the shoot into the receivables' age buckets. */
export function receivableAge(daysSinceShoot: number): '0-30' | '31-60' | '61-90' | '90+' {
  if (daysSinceShoot <= 30) return '0-30'
  if (daysSinceShoot <= 60) return '31-60'
  if (daysSinceShoot <= 90) return '61-90'
  return '90+'
}
