import { PhoneSchema } from '../../types/common'
import type { OrderImportReport } from '../../types/history-import-operations'
import type { OrderStage } from '../../types/orders'
import { parseDate } from '../customers/csv-columns'
import { DomainError } from '../domain/errors'
import { cellsByField, headerOfField, readCsvRecords } from '../domain/excel-csv'
import { yuan } from '../domain/money'
import type { ImportProblem } from '../../types/customers'
import { mapOrderHeaders, parsePayments, parseStage, parseYuan, REQUIRED_COLUMNS, type LegacyPayment, type OrderColumn } from './order-columns'

export type Errors = OrderImportReport['errors']

/** An order and its payments are written in one transaction of at most 100 items (each payment may add its day's book). */
const MAX_PAYMENTS = 40

/** One line of the file, checked on its own. */
export interface PastOrder {
  line: number
  orderNumber: string
  phone: string
  customerName?: string
  packageName: string
  orderDate: string
  shootDate?: string
  totalFen: number
  paidFen: number
  stage: OrderStage
  payments: LegacyPayment[]
  notes?: string
}

/** Reads the file and checks every line on its own (columns, dates, money, stage, payments adding up); nothing is read from the studio. */
export function readOrderCsv(bytes: Uint8Array): { rows: number; valid: PastOrder[]; errors: Errors; columns: Record<string, string> } {
  const records = readCsvRecords(bytes)
  const headers = records[0]!.record
  const columns = mapOrderHeaders(headers)
  const missing = REQUIRED_COLUMNS.filter((f) => ![...columns.values()].includes(f))
  if (missing.length) {
    throw new DomainError('VALIDATION_FAILED', `The file has no column for: ${missing.join(', ')}`, {
      fields: missing.map((f) => ({ path: `columns.${f}`, message: 'no column found (expected e.g. 订单号/order number, 手机号/phone, 套系/package, 下单日期/order date, 总价/total, 已付/paid, 状态/stage)' })),
    })
  }
  const headerOf = (field: OrderColumn) => headerOfField(headers, columns, field)
  const errors: Errors = []
  const valid: PastOrder[] = []
  const firstLineOf = new Map<string, number>()
  for (const { record, info } of records.slice(1)) {
    const line = info.lines
    const raw = cellsByField(record, columns)
    const problems: Errors = []
    const problem = (field: OrderColumn, code: ImportProblem, reason: string, values: Record<string, string | number> = {}) =>
      problems.push({ line, column: headerOf(field), code, values, reason })
    for (const field of REQUIRED_COLUMNS) if (!raw[field]) problem(field, 'MISSING', 'missing')
    const phone = raw.phone ? PhoneSchema.safeParse(raw.phone) : undefined
    if (phone && !phone.success) problem('phone', 'BAD_PHONE', `bad phone: ${raw.phone}`, { value: raw.phone! })
    const date = (field: 'orderDate' | 'shootDate') => {
      if (!raw[field]) return undefined
      const parsed = parseDate(raw[field]!)
      if (!parsed) problem(field, 'NOT_A_DATE', `not a date: ${raw[field]}`, { value: raw[field]! })
      return parsed
    }
    const orderDate = date('orderDate')
    const shootDate = date('shootDate')
    const money = (field: 'totalFen' | 'paidFen') => {
      if (!raw[field]) return undefined
      const fen = parseYuan(raw[field]!)
      if (fen === undefined) problem(field, 'NOT_AN_AMOUNT', `not an amount in yuan: ${raw[field]}`, { value: raw[field]! })
      return fen
    }
    const totalFen = money('totalFen')
    const paidFen = money('paidFen')
    const stage = raw.stage ? parseStage(raw.stage) : undefined
    if (raw.stage && !stage) problem('stage', 'UNKNOWN_STAGE', `unknown stage: ${raw.stage}`, { value: raw.stage })
    const payments = parsePayments(raw.payments ?? '')
    if ('error' in payments) problem('payments', 'BAD_PAYMENTS', payments.error, { value: raw.payments ?? '' })
    else if (payments.payments.length > MAX_PAYMENTS) problem('payments', 'TOO_MANY_PAYMENTS', `more than ${MAX_PAYMENTS} payments on one order`, { max: MAX_PAYMENTS })
    else if (paidFen !== undefined) {
      const sum = payments.payments.reduce((s, p) => s + p.amountFen, 0)
      if (sum !== paidFen) problem(payments.payments.length ? 'payments' : 'paidFen', 'PAYMENTS_DO_NOT_ADD_UP', `the payments add up to ¥${yuan(sum)}, the paid column says ¥${yuan(paidFen)}`, { sum: yuan(sum), paid: yuan(paidFen) })
    }
    if (totalFen !== undefined && paidFen !== undefined && paidFen > totalFen) problem('paidFen', 'PAID_OVER_TOTAL', `paid ¥${yuan(paidFen)} is more than the total ¥${yuan(totalFen)}`, { paid: yuan(paidFen), total: yuan(totalFen) })
    if (stage === 'completed' && totalFen !== undefined && paidFen !== undefined && paidFen < totalFen) problem('stage', 'COMPLETED_WITH_BALANCE', `a completed order has nothing left to pay, this one ¥${yuan(totalFen - paidFen)}`, { left: yuan(totalFen - paidFen) })
    if (stage === 'pending_deposit' && paidFen) problem('stage', 'PAYMENTS_BEFORE_DEPOSIT', 'an order waiting for its deposit has no payments')
    const orderNumber = raw.orderNumber?.trim()
    if (orderNumber) {
      const earlier = firstLineOf.get(orderNumber)
      if (earlier) problem('orderNumber', 'REPEATED_ORDER_NUMBER', `the same order number is on line ${earlier}`, { line: earlier })
      else firstLineOf.set(orderNumber, line)
    }
    if (problems.length) {
      errors.push(...problems)
      continue
    }
    valid.push({
      line,
      orderNumber: orderNumber!,
      phone: phone!.data!,
      customerName: raw.customerName?.trim(),
      packageName: raw.packageName!.trim(),
      orderDate: orderDate!,
      shootDate,
      totalFen: totalFen!,
      paidFen: paidFen!,
      stage: stage!,
      payments: 'payments' in payments ? payments.payments : [],
      notes: raw.notes,
    })
  }
  return { rows: records.length - 1, valid, errors, columns: Object.fromEntries([...columns].map(([index, field]) => [headers[index]!, field])) }
}
