import { figure } from '../../functions/domain/report-figures'
import { isLeftAsKept, oldRecordFigures, type StudioRecords } from '../../functions/domain/report-old-records'
import type { BranchRecords } from '../../functions/domain/report-recompute'
import type { Payment } from '../../types/orders'

const dayOf = (instant: string) => instant.slice(0, 10)
const range = { from: '2026-05-01', to: '2026-05-31' }
const desk = { id: 'finance', name: '财务', role: 'finance' as const }

const refund = (at: string, extra: Partial<Payment> = {}): Payment => ({
  id: `r-${at}`,
  orderId: 'o',
  customerId: 'c',
  kind: 'refund',
  method: 'wechat',
  amountFen: -2_000,
  refundableFen: 0,
  refundOf: 'p',
  status: 'refunded',
  audited: true,
  recordedBy: desk,
  reason: '赠品未送',
  at,
  ...extra,
})

function studio(payments: Payment[], closed: Record<string, string>, followUps: StudioRecords['followUpsWithoutBranch'] = []): StudioRecords {
  const branch = { orders: [{ order: {} as BranchRecords['orders'][number]['order'], payments }], appointments: [], expenses: [], movements: [], commission: [], followUps: [] }
  return { branches: new Map([['b1', branch]]), followUpsWithoutBranch: followUps, closedDays: new Map([['b1', new Map(Object.entries(closed))]]) }
}

describe('records older than the fields the recompute relies on', () => {
  it('leaves a WeChat Pay refund made on a closed day, without the day it was booked on, as kept from its day to the first day not closed at its moment', () => {
    // The 10th and 11th were closed before the refund; the 12th was closed only afterwards, so it was booked there.
    const records = studio([refund('2026-05-10T06:00:00.000Z')], { '2026-05-10': '2026-05-10T05:00:00.000Z', '2026-05-11': '2026-05-10T05:30:00.000Z', '2026-05-12': '2026-05-12T12:00:00.000Z' })
    const [left] = oldRecordFigures(records, dayOf, range)
    expect(left).toMatchObject({ records: 'refunds', count: 1 })
    expect([...new Set(left!.figures.map((f) => f.date))]).toEqual(['2026-05-10', '2026-05-11', '2026-05-12'])
    expect(isLeftAsKept([left!], 'b1', '2026-05-12', figure.refundByMethod('wechat'))).toBe(true)
    expect(isLeftAsKept([left!], 'b1', '2026-05-13', figure.refundByMethod('wechat'))).toBe(false)
    expect(isLeftAsKept([left!], 'b2', '2026-05-10', figure.refunds)).toBe(false)
  })

  it('checks every refund that says its day, was made before its day closed, or went back at the desk', () => {
    const closed = { '2026-05-10': '2026-05-10T05:00:00.000Z' }
    expect(oldRecordFigures(studio([refund('2026-05-10T06:00:00.000Z', { bookedOn: '2026-05-11' })], closed), dayOf, range)).toEqual([])
    expect(oldRecordFigures(studio([refund('2026-05-10T04:00:00.000Z')], closed), dayOf, range)).toEqual([])
    expect(oldRecordFigures(studio([refund('2026-05-10T06:00:00.000Z', { method: 'cash' })], closed), dayOf, range)).toEqual([])
  })

  it('leaves a follow-up naming no branch as kept in every branch, on its due day and the day it was done, and counts only those in the range', () => {
    const base = { customerId: 'c', customerName: '林小姐', assigneeId: 's', note: '回访', createdAt: '2026-04-01T00:00:00.000Z' }
    const records = studio([], {}, [
      { ...base, id: 'f1', dueDate: '2026-05-03', status: 'done', completedAt: '2026-05-04T02:00:00.000Z', outcome: 'reached' },
      { ...base, id: 'f2', dueDate: '2026-05-05', status: 'done', completedAt: '2026-05-05T02:00:00.000Z', outcome: 'reached', dueBranchId: 'b1' },
      { ...base, id: 'f3', dueDate: '2026-04-03', status: 'open' },
    ])
    expect(oldRecordFigures(records, dayOf, range)).toEqual([
      {
        records: 'followUps',
        count: 2,
        figures: [
          { date: '2026-05-03', figure: figure.followUpsDue },
          { date: '2026-05-04', figure: figure.followUpsDone },
          { date: '2026-05-05', figure: figure.followUpsDone },
        ],
      },
    ])
  })
})
