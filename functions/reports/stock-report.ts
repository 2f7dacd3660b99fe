import type { z } from 'zod'
import type { stockReport as operation } from '../../types/reports-operations'
import type { RequestContext } from '../domain/context'
import { daysOf, figure, valueOf } from '../domain/report-figures'
import { stockFigures, stockValuesByDay } from '../domain/report-maths'
import { isLow } from '../domain/stock'
import type { ReportsDeps } from './ports'
import { nameIn, periodFigures } from './report-scope'

/**
 * Stock value now (on hand at each level's cost), consumption by item, turnover and low stock.
 * A past day's value is walked back from today's with the value each later day moved, so the
 * days read run from the previous period to today.
 */
export async function stockReport(deps: ReportsDeps, input: z.output<typeof operation.input>, ctx: RequestContext) {
  const f = await periodFigures(deps, ctx, input, { through: (scope) => scope.today })
  const { items, levels } = await deps.stock.load(f.scope.caller.studioId)
  const branches = new Set(f.scope.branchIds)
  const here = levels.filter((l) => branches.has(l.branchId))
  const itemsById = new Map(items.map((i) => [i.id, i]))
  const valueNow = here.reduce((s, l) => s + l.onHand * l.unitCostFen, 0)
  const today = f.scope.today
  const changes = new Map([...f.byDay].map(([day, c]) => [day, valueOf(c, figure.stockChangeFen)]))
  const values = stockValuesByDay(valueNow, changes, f.frame.previousPeriod.from, f.frame.period.to, today)
  // Days after today have not happened: they hold today's value.
  const valueOn = (day: string) => (day > today ? valueNow : (values.get(day) ?? valueNow))
  const name = (id: string) => itemsById.get(id)?.name ?? nameIn(f.names)(id)
  const figuresOf = (period: { from: string; to: string }, counters: typeof f.current) => stockFigures(counters, daysOf(period).map(valueOn), name)
  return {
    ...f.frame,
    now: {
      asOf: today,
      valueFen: valueNow,
      lowStock: here
        .flatMap((l) => {
          const item = itemsById.get(l.itemId)
          return item?.active && isLow(l.onHand, item.reorderLevel) ? [{ itemId: l.itemId, itemName: item.name, branchId: l.branchId, onHand: l.onHand, reorderLevel: item.reorderLevel }] : []
        })
        .sort((a, b) => a.onHand - a.reorderLevel - (b.onHand - b.reorderLevel) || a.itemName.localeCompare(b.itemName)),
    },
    current: figuresOf(f.frame.period, f.current),
    previous: figuresOf(f.frame.previousPeriod, f.previous),
    series: f.buckets.map((b) => ({ bucket: b.bucket, bucketTo: b.bucketTo, consumptionFen: stockFigures(b.counters, [], name).consumptionFen, stockFen: valueOn(b.bucketTo) })),
  }
}
