import type { z } from 'zod'
import type { CommissionLine } from '../../types/finance'
import type { exportCommission as operation } from '../../types/finance-operations'
import type { RequestContext } from '../domain/context'
import { excelCsv } from '../domain/excel-csv'
import { yuan } from '../domain/money'
import { openBooks } from './books'
import type { FinanceDeps } from './ports'

const WORK: Record<CommissionLine['work'], string> = { sale: '门市', shoot: '摄影/化妆', post: '修图/设计', upsell: '选片/二销' }
const SOURCE: Record<CommissionLine['source']['kind'], string> = { payment: '收款', stage: '完成工序', refund: '退款冲回' }
const HEADERS = ['日期', '员工', '员工ID', '岗位', '类别', '订单', '来源', '来源ID', '规则', '规则版本', '基数(元)', '提成(元)', '冲回原行']

/** The branch's lines of a month for payroll: Excel-safe CSV, one line per row, amounts in yuan. */
export async function exportCommission(deps: FinanceDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const { caller } = await openBooks(deps, ctx, input.branchId)
  const lines = await deps.finance.branchLines(caller.studioId, input.branchId, input.month)
  const rows = lines.map((l) => [
    l.date,
    l.staffName,
    l.staffId,
    l.role,
    WORK[l.work],
    l.orderId,
    SOURCE[l.source.kind],
    l.source.id,
    l.ruleId,
    String(l.ruleVersion),
    yuan(l.baseFen),
    yuan(l.amountFen),
    l.clawsBack ?? '',
  ])
  return { filename: `commission-${input.month}.csv`, csv: excelCsv([HEADERS, ...rows]), rows: rows.length }
}
