import type { z } from 'zod'
import type * as op from '../../types/order-operations'
import { callerOf, type RequestContext } from '../domain/context'
import { excelCsv } from '../domain/excel-csv'
import type { OrderRepository } from './ports'
import { confirmedSelection } from './selected-photos'

const HEADERS = ['序号', '文件名', '类型']

/** The confirmed selection as an Excel-safe CSV of numbers and file names, to find the originals on the studio's disk. */
export async function exportSelection(deps: { orders: OrderRepository }, input: z.output<typeof op.exportSelection.input>, ctx: RequestContext) {
  const { order, chosen } = await confirmedSelection(deps, callerOf(ctx), input.orderId)
  const rows = chosen.map((item) => [String(item.number), item.name, item.extra ? '加选' : '套系内'])
  return { filename: `selection-${order.id}.csv`, csv: excelCsv([HEADERS, ...rows]), rows: rows.length }
}
