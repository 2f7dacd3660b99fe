import type { OrderStage, PaymentMethod } from '../../types/orders'
import { MAX_FEN } from '../../types/money'
import { parseDate } from '../customers/csv-columns'

export type OrderColumn =
  | 'orderNumber'
  | 'phone'
  | 'customerName'
  | 'packageName'
  | 'orderDate'
  | 'shootDate'
  | 'totalFen'
  | 'paidFen'
  | 'stage'
  | 'payments'
  | 'notes'

/** Header names old studio systems export, Chinese and English, for each order field. */
const HEADER_ALIASES: Record<OrderColumn, string[]> = {
  orderNumber: ['订单号', '订单编号', '单号', '原订单号', '合同号', 'order number', 'order no', 'order no.', 'order id', 'order'],
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话', '客户电话', '客户手机', 'phone', 'mobile', 'customer phone', 'tel'],
  customerName: ['姓名', '客户', '客户姓名', '客户名称', 'name', 'customer', 'customer name'],
  packageName: ['套系', '套系名称', '套餐', '套餐名称', '产品', 'package', 'package name'],
  orderDate: ['下单日期', '订单日期', '签单日期', '开单日期', '日期', 'order date', 'date', 'ordered'],
  shootDate: ['拍摄日期', '拍照日期', '拍摄时间', 'shoot date', 'shooting date', 'shoot'],
  totalFen: ['总价', '订单金额', '合同金额', '金额', '总金额', 'total', 'amount', 'order total', 'price'],
  paidFen: ['已付', '已收', '已付金额', '已收金额', '实收', 'paid', 'amount paid', 'received'],
  stage: ['状态', '订单状态', '进度', '阶段', 'stage', 'status', 'order status'],
  payments: ['付款记录', '付款明细', '收款记录', '收款明细', '付款', 'payments', 'payment records', 'payment history'],
  notes: ['备注', '说明', 'notes', 'note', 'remarks'],
}

/** Columns a file must have; the others are optional. */
export const REQUIRED_COLUMNS: OrderColumn[] = ['orderNumber', 'phone', 'packageName', 'orderDate', 'totalFen', 'paidFen', 'stage']

const normalise = (text: string) => text.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, ' ')

/** Which file column feeds which order field; unknown headers are ignored. */
export function mapOrderHeaders(headers: string[]): Map<number, OrderColumn> {
  const columns = new Map<number, OrderColumn>()
  headers.forEach((header, index) => {
    const wanted = normalise(header)
    const field = (Object.keys(HEADER_ALIASES) as OrderColumn[]).find((f) => HEADER_ALIASES[f].some((alias) => normalise(alias) === wanted))
    if (field && ![...columns.values()].includes(field)) columns.set(index, field)
  })
  return columns
}

const STAGE_NAMES: Record<string, OrderStage> = {
  待付定金: 'pending_deposit',
  未付定金: 'pending_deposit',
  'pending deposit': 'pending_deposit',
  已确认: 'confirmed',
  已付定金: 'confirmed',
  已预约: 'confirmed',
  confirmed: 'confirmed',
  已拍摄: 'shot',
  已拍: 'shot',
  shot: 'shot',
  选片: 'selecting',
  选片中: 'selecting',
  selecting: 'selecting',
  精修: 'retouching',
  精修中: 'retouching',
  修图: 'retouching',
  修图中: 'retouching',
  retouching: 'retouching',
  设计: 'designing',
  设计中: 'designing',
  designing: 'designing',
  看版: 'proofing',
  看样: 'proofing',
  proofing: 'proofing',
  制作: 'producing',
  制作中: 'producing',
  producing: 'producing',
  待取件: 'ready',
  待取: 'ready',
  ready: 'ready',
  已完成: 'completed',
  完成: 'completed',
  已取件: 'completed',
  completed: 'completed',
  已取消: 'cancelled',
  取消: 'cancelled',
  cancelled: 'cancelled',
  canceled: 'cancelled',
}

/** An order stage from its Chinese or English name (or the stage's own code). */
export function parseStage(value: string): OrderStage | undefined {
  const v = normalise(value)
  return STAGE_NAMES[v] ?? STAGE_NAMES[v.replace(/_/g, ' ')] ?? STAGE_NAMES[v.replace(/ /g, '_')]
}

const METHOD_NAMES: Record<string, PaymentMethod> = {
  微信: 'wechat',
  微信支付: 'wechat',
  wechat: 'wechat',
  'wechat pay': 'wechat',
  现金: 'cash',
  cash: 'cash',
  刷卡: 'card',
  银行卡: 'card',
  pos: 'card',
  card: 'card',
  'bank card': 'card',
  转账: 'transfer',
  银行转账: 'transfer',
  对公转账: 'transfer',
  transfer: 'transfer',
  'bank transfer': 'transfer',
}

export const parseMethod = (value: string): PaymentMethod | undefined => METHOD_NAMES[normalise(value)]

/**
 * Yuan as people type them, into integer fen: 8999, 8,999.00, ¥8999.5, 8999元. Never through
 * floating point; more than two decimals, a negative amount or one over the largest order is refused.
 */
export function parseYuan(value: string): number | undefined {
  const m = /^[¥￥]?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*元?$/.exec(value.normalize('NFKC').trim())
  if (!m) return undefined
  const fen = Number(m[1]!.replace(/,/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return Number.isSafeInteger(fen) && fen <= MAX_FEN ? fen : undefined
}

export interface LegacyPayment {
  date: string
  method: PaymentMethod
  amountFen: number
}

/**
 * The payments cell: entries separated by ; or a new line, each a date, a method and an amount
 * in any order (2024-03-01 微信 3000; 2024-05-20 现金 5999). Answers the payments, or why an entry is not one.
 */
export function parsePayments(cell: string): { payments: LegacyPayment[] } | { error: string } {
  const payments: LegacyPayment[] = []
  const entries = cell.split(/[;；|\n]+/).map((e) => e.trim()).filter(Boolean)
  for (const [index, entry] of entries.entries()) {
    const parts = entry.split(/[\s,，、]+/).filter(Boolean)
    // The date and the amount are one word each; what is left names the method (it may be two: bank transfer).
    const dateAt = parts.findIndex((part) => parseDate(part))
    let amountAt = -1
    parts.forEach((part, i) => {
      if (i !== dateAt && parseYuan(part) !== undefined) amountAt = i
    })
    const date = dateAt >= 0 ? parseDate(parts[dateAt]!) : undefined
    const amountFen = amountAt >= 0 ? parseYuan(parts[amountAt]!) : undefined
    const rest = parts.filter((_, i) => i !== dateAt && i !== amountAt).join(' ')
    const method = rest ? parseMethod(rest) : undefined
    if (rest && !method) return { error: `payment ${index + 1} (${entry}): unknown method "${rest}"` }
    const missing = [!date && 'date', !method && 'method (微信/现金/刷卡/转账)', amountFen === undefined && 'amount'].filter(Boolean)
    if (missing.length) return { error: `payment ${index + 1} (${entry}): no ${missing.join(', ')}` }
    if (amountFen === 0) return { error: `payment ${index + 1} (${entry}): the amount is zero` }
    payments.push({ date: date!, method: method!, amountFen: amountFen! })
  }
  return { payments }
}
