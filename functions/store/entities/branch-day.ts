import type { PaymentMethod } from '../../../types/orders'
import { emptyLedger, PAYMENT_METHODS, type DayLedger } from '../../domain/day-close'
import type { DayBook, DayBookEntry } from '../../finance/ports'
import type { Item } from '../items'
import { keys } from '../keys'

/**
 * A branch's day book. Every money event of the day ADDs to its counters in its own
 * transaction, conditioned on the day not being closed: that condition is the lock a close puts
 * on the day. `revision` counts the events, so a close can insist on the figures it was shown.
 */
const received = (method: PaymentMethod) => `received_${method}`
const refunded = (method: PaymentMethod) => `refunded_${method}`
const deskAmount = (deskId: string, method: PaymentMethod) => `desk#${deskId}#${method}`
const deskCount = (deskId: string, method: PaymentMethod) => `deskCount#${deskId}#${method}`
const deskName = (deskId: string) => `deskName#${deskId}`

/** The day is open: never closed, or reopened. */
export const DAY_OPEN = 'attribute_not_exists(closed) OR closed = :dayOpen'

/** The transaction Update that books one money event into its day, refused once the day is closed. */
export function dayBookUpdate(table: string, entry: DayBookEntry) {
  const names: Record<string, string> = { '#revision': 'revision', '#type': 'type', '#branchId': 'branchId', '#date': 'date' }
  const values: Record<string, unknown> = { ':one': 1, ':dayOpen': false, ':type': 'BranchDay', ':branchId': entry.branchId, ':date': entry.date }
  const adds = ['#revision :one']
  const sets = ['#type = :type', '#branchId = :branchId', '#date = :date']
  let n = 0
  const add = (attribute: string, amount: number) => {
    const i = n++
    names[`#a${i}`] = attribute
    values[`:a${i}`] = amount
    adds.push(`#a${i} :a${i}`)
  }
  if (entry.money) {
    const { direction, method, amountFen, desk } = entry.money
    add(direction === 'received' ? received(method) : refunded(method), amountFen)
    if (direction === 'received') {
      add(deskAmount(desk.id, method), amountFen)
      add(deskCount(desk.id, method), 1)
      names['#deskName'] = deskName(desk.id)
      values[':deskName'] = desk.name
      sets.push('#deskName = :deskName')
    }
  }
  if (entry.expenseFen) add('expenseFen', entry.expenseFen)
  if (entry.incomeFen) add('incomeFen', entry.incomeFen)
  return {
    TableName: table,
    Key: keys.branchDay(entry.studioId, entry.branchId, entry.date),
    UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
    ConditionExpression: DAY_OPEN,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  }
}

/**
 * The transaction Update that books a day's imported payments of one order into the branch's
 * day book at the import desk (one receipt per payment), refused once the day is closed: the
 * same counters as a live payment's, so the day's figures include them.
 */
export function importedDayBookUpdate(table: string, day: { studioId: string; branchId: string; date: string }, payments: { method: PaymentMethod; amountFen: number }[]) {
  const byMethod = new Map<PaymentMethod, { amountFen: number; count: number }>()
  for (const p of payments) {
    const sum = byMethod.get(p.method) ?? { amountFen: 0, count: 0 }
    byMethod.set(p.method, { amountFen: sum.amountFen + p.amountFen, count: sum.count + 1 })
  }
  const update = dayBookUpdate(table, { ...day })
  const names = update.ExpressionAttributeNames
  const values = update.ExpressionAttributeValues
  const adds: string[] = [`#revision :count`]
  delete values[':one']
  values[':count'] = payments.length
  names['#deskName'] = deskName(IMPORT_DESK.id)
  values[':deskName'] = IMPORT_DESK.name
  let n = 0
  for (const [method, { amountFen, count }] of byMethod) {
    for (const [attribute, amount] of [[received(method), amountFen], [deskAmount(IMPORT_DESK.id, method), amountFen], [deskCount(IMPORT_DESK.id, method), count]] as const) {
      names[`#i${n}`] = attribute
      values[`:i${n}`] = amount
      adds.push(`#i${n} :i${n}`)
      n++
    }
  }
  return { ...update, UpdateExpression: `SET #type = :type, #branchId = :branchId, #date = :date, #deskName = :deskName ADD ${adds.join(', ')}` }
}

/** Where imported payments are booked in a day book. */
export const IMPORT_DESK = { id: 'import', name: '历史导入' }

/** Reads the counters back out of a day-book item. */
export function dayBookOf(item: Item | undefined): DayBook {
  if (!item) return { ledger: emptyLedger(), closed: false, reopenings: [] }
  const num = (attribute: string) => (typeof item[attribute] === 'number' ? (item[attribute] as number) : 0)
  const ledger: DayLedger = {
    revision: num('revision'),
    received: Object.fromEntries(PAYMENT_METHODS.map((m) => [m, num(received(m))])),
    refunded: Object.fromEntries(PAYMENT_METHODS.map((m) => [m, num(refunded(m))])),
    desks: Object.keys(item)
      .filter((a) => a.startsWith('desk#'))
      .map((a) => {
        const [, deskId, method] = a.split('#') as [string, string, PaymentMethod]
        return { deskId, method, deskName: String(item[deskName(deskId)] ?? deskId), amountFen: num(a), count: num(deskCount(deskId, method)) }
      })
      .filter((d) => d.count > 0)
      .sort((a, b) => a.deskName.localeCompare(b.deskName) || PAYMENT_METHODS.indexOf(a.method) - PAYMENT_METHODS.indexOf(b.method)),
    expenseFen: num('expenseFen'),
    incomeFen: num('incomeFen'),
  }
  return {
    ledger,
    closed: item.closed === true,
    close: item.close as DayBook['close'],
    reopenings: (item.reopenings as DayBook['reopenings'] | undefined) ?? [],
  }
}
