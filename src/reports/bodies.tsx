import { Text, View } from '@tarojs/components'
import type {
  CustomersReport,
  DailyReport,
  FunnelReport,
  ProductionReport,
  ReceivablesReport,
  ReportName,
  RevenueReport,
  StaffReport,
  StockReport,
  UpsellReport,
} from '../../types/reports'
import { funnelSteps } from '../../types/reports'
import { Card } from '../components/Card'
import { useI18n, type MessageKey } from '../i18n'
import { Chart } from './Chart'
import { Figure, FigureGrid, RankedBars } from './Figures'
import { axisYuan, formatFen, money, percent } from './format'

const label = (bucket: string) => bucket.slice(5)
const count = (n: number) => String(n)

/** Whether a report has nothing to show for its range (every figure zero, nothing standing now). */
export function isEmptyReport(name: ReportName, data: unknown): boolean {
  switch (name) {
    case 'daily': {
      const c = (data as DailyReport).current
      return c.bookings + c.shoots + c.ordersOpened + c.receivedFen + c.refundedFen + c.expenseFen + c.incomeFen + c.selections + c.pickups === 0
    }
    case 'revenue':
      return (data as RevenueReport).current.orders === 0 && (data as RevenueReport).current.netReceivedFen === 0
    case 'upsell':
      return (data as UpsellReport).current.selectedOrders === 0
    case 'funnel':
      return Object.values((data as FunnelReport).current.total).every((v) => v === 0)
    case 'receivables':
      return (data as ReceivablesReport).now.orders === 0 && (data as ReceivablesReport).current.collectedFen === 0
    case 'production':
      return (data as ProductionReport).now.stages.every((s) => s.orders === 0) && (data as ProductionReport).current.stages.every((s) => s.exits === 0)
    case 'staff':
      return (data as StaffReport).current.staff.length === 0
    case 'customers':
      return (data as CustomersReport).current.newCustomers === 0 && (data as CustomersReport).current.returningOrders === 0 && (data as CustomersReport).current.followUps.due === 0
    case 'stock':
      return (data as StockReport).now.valueFen === 0 && (data as StockReport).current.consumptionFen === 0
  }
}

function Daily({ data }: { data: DailyReport }) {
  const { t } = useI18n()
  const { current: c, previous: p } = data
  const amounts = [
    ['receivedFen', 'reports.received'],
    ['refundedFen', 'reports.refunded'],
    ['expenseFen', 'reports.expenses'],
    ['netFen', 'reports.net'],
    ['unauditedFen', 'reports.unaudited'],
    ['incomeFen', 'figure.income'],
  ] as const
  const counts = [
    ['bookings', 'reports.bookings'],
    ['bookingsCancelled', 'figure.cancelled'],
    ['shoots', 'reports.shoots'],
    ['selections', 'figure.selections'],
    ['pickups', 'figure.pickups'],
    ['ordersOpened', 'reports.ordersOpened'],
  ] as const
  const methods = Object.entries(c.inByMethod).filter(([, fen]) => fen > 0)
  return (
    <>
      <Card>
        <FigureGrid>
          {amounts.map(([key, words]) => (
            <Figure key={key} testId={key} label={t(words)} value={money(c[key])} current={c[key]} previous={p[key]} />
          ))}
          {counts.map(([key, words]) => (
            <Figure key={key} testId={key} label={t(words)} value={count(c[key])} current={c[key]} previous={p[key]} />
          ))}
        </FigureGrid>
      </Card>
      {methods.length > 0 && (
        <Card title={t('reports.byMethod')}>
          <Chart
            kind="ring"
            label={t('reports.chart', { title: t('report.daily'), what: t('reports.byMethod') })}
            categories={methods.map(([method]) => t(`paymentMethod.${method}` as MessageKey))}
            series={[{ name: t('reports.received'), data: methods.map(([, fen]) => fen) }]}
            format={(fen) => formatFen(fen)}
          />
          <RankedBars rows={methods.map(([method, fen]) => ({ key: method, label: t(`paymentMethod.${method}` as MessageKey), value: fen }))} format={formatFen} />
        </Card>
      )}
      {data.series.length > 1 && (
        <Card title={t('reports.trend')}>
          <Chart
            kind="line"
            label={t('reports.chart', { title: t('report.daily'), what: t('reports.trend') })}
            categories={data.series.map((s) => label(s.bucket))}
            series={[
              { name: t('reports.received'), data: data.series.map((s) => s.figures.receivedFen) },
              { name: t('reports.net'), data: data.series.map((s) => s.figures.netFen) },
            ]}
            format={axisYuan}
          />
        </Card>
      )}
    </>
  )
}

function Revenue({ data }: { data: RevenueReport }) {
  const { t } = useI18n()
  const { current: c, previous: p } = data
  return (
    <>
      <Card>
        <FigureGrid>
          <Figure label={t('figure.orders')} value={count(c.orders)} current={c.orders} previous={p.orders} />
          <Figure label={t('figure.orderValue')} value={formatFen(c.orderValueFen)} current={c.orderValueFen} previous={p.orderValueFen} />
          <Figure label={t('figure.average')} value={c.averageOrderValueFen === null ? '—' : formatFen(c.averageOrderValueFen)} current={c.averageOrderValueFen ?? 0} previous={p.averageOrderValueFen ?? 0} />
          <Figure label={t('figure.netReceived')} value={money(c.netReceivedFen)} current={c.netReceivedFen} previous={p.netReceivedFen} />
        </FigureGrid>
      </Card>
      {data.series.length > 1 && (
        <Card title={t('reports.trend')}>
          <Chart
            kind="column"
            label={t('reports.chart', { title: t('report.revenue'), what: t('figure.orderValue') })}
            categories={data.series.map((s) => label(s.bucket))}
            series={[{ name: t('figure.orderValue'), data: data.series.map((s) => s.orderValueFen) }]}
            format={axisYuan}
          />
        </Card>
      )}
      <Card title={t('figure.byPackage')}>
        <RankedBars rows={c.byPackage.map((r) => ({ key: r.packageId, label: r.packageName, value: r.orderValueFen, note: `${t('figure.orders')} ${r.orders}` }))} format={formatFen} />
      </Card>
      <Card title={t('figure.byChannel')}>
        <RankedBars rows={c.byChannel.map((r) => ({ key: r.channel, label: t(`source.${r.channel}` as MessageKey), value: r.orderValueFen, note: `${t('figure.orders')} ${r.orders}` }))} format={formatFen} />
      </Card>
    </>
  )
}

function Upsell({ data }: { data: UpsellReport }) {
  const { t } = useI18n()
  const { current: c, previous: p } = data
  return (
    <>
      <Card>
        <FigureGrid>
          <Figure label={t('figure.upsellRate')} value={percent(c.rateBp)} current={c.rateBp ?? 0} previous={p.rateBp ?? 0} />
          <Figure label={t('figure.upsellAmount')} value={formatFen(c.amountFen)} current={c.amountFen} previous={p.amountFen} />
          <Figure label={t('figure.selectedOrders')} value={count(c.selectedOrders)} current={c.selectedOrders} previous={p.selectedOrders} />
          <Figure label={t('figure.upsoldOrders')} value={count(c.upsoldOrders)} current={c.upsoldOrders} previous={p.upsoldOrders} />
          <Figure label={t('figure.extraPhotosAmount', { count: c.extraPhotos })} value={formatFen(c.extraPhotosFen)} current={c.extraPhotosFen} previous={p.extraPhotosFen} testId="extraPhotosFen" />
          <Figure label={t('figure.upgrades')} value={formatFen(c.upgradesFen)} current={c.upgradesFen} previous={p.upgradesFen} testId="upgradesFen" />
        </FigureGrid>
      </Card>
      {data.series.length > 1 && (
        <Card title={t('reports.trend')}>
          <Chart
            kind="line"
            label={t('reports.chart', { title: t('report.upsell'), what: t('figure.upsellAmount') })}
            categories={data.series.map((s) => label(s.bucket))}
            series={[{ name: t('figure.upsellAmount'), data: data.series.map((s) => s.amountFen) }]}
            format={axisYuan}
          />
        </Card>
      )}
      <Card title={t('figure.byStaff')}>
        <RankedBars
          rows={c.byStaff.map((r) => ({
            key: r.staffId,
            label: r.staffName,
            value: r.amountFen,
            note: [`${t('figure.upsellRate')} ${percent(r.rateBp)}`, ...(r.upgradesFen ? [`${t('figure.upgrades')} ${formatFen(r.upgradesFen)}`] : [])].join(' · '),
          }))}
          format={formatFen}
        />
      </Card>
    </>
  )
}

function Funnel({ data }: { data: FunnelReport }) {
  const { t } = useI18n()
  const { total } = data.current
  return (
    <>
      <Card>
        <Chart
          kind="bar"
          label={t('reports.chart', { title: t('report.funnel'), what: t('figure.byChannel') })}
          categories={funnelSteps.map((step) => t(`figure.funnel.${step}` as MessageKey))}
          series={[{ name: t('report.funnel'), data: funnelSteps.map((step) => total[step]) }]}
        />
      </Card>
      <Card title={t('figure.byChannel')}>
        <RankedBars
          rows={data.current.byChannel.map((r) => ({
            key: r.channel,
            label: t(`source.${r.channel}` as MessageKey),
            value: r.customers,
            note: funnelSteps.slice(1).map((step) => `${t(`figure.funnel.${step}` as MessageKey)} ${r[step]}`).join(' · '),
          }))}
          format={count}
        />
      </Card>
    </>
  )
}

function Receivables({ data }: { data: ReceivablesReport }) {
  const { t } = useI18n()
  return (
    <>
      <Card>
        <FigureGrid>
          <Figure label={t('figure.balanceDue')} value={formatFen(data.now.balanceFen)} />
          <Figure label={t('figure.collected')} value={formatFen(data.current.collectedFen)} current={data.current.collectedFen} previous={data.previous.collectedFen} />
          <Figure label={t('reports.refunded')} value={formatFen(data.current.refundedFen)} current={data.current.refundedFen} previous={data.previous.refundedFen} />
        </FigureGrid>
        <Text className="report-note">{t('reports.readyWithBalance', { orders: data.now.readyWithBalance.orders, amount: formatFen(data.now.readyWithBalance.balanceFen) })}</Text>
      </Card>
      <Card title={t('figure.byAge')}>
        <Chart
          kind="column"
          label={t('reports.chart', { title: t('report.receivables'), what: t('figure.byAge') })}
          categories={data.now.byAge.map((a) => a.age)}
          series={[{ name: t('figure.balanceDue'), data: data.now.byAge.map((a) => a.balanceFen) }]}
          format={axisYuan}
        />
      </Card>
    </>
  )
}

function Production({ data }: { data: ProductionReport }) {
  const { t } = useI18n()
  const flow = new Map(data.current.stages.map((s) => [s.stage, s]))
  return (
    <Card title={t('figure.stagesNow')}>
      <RankedBars
        rows={data.now.stages.map((s) => {
          const left = flow.get(s.stage)
          const days = left?.averageDays
          return {
            key: s.stage,
            label: t(`orderStage.${s.stage}` as MessageKey),
            value: s.orders,
            note: [t('figure.overdue', { count: s.overdue }), days != null ? t('figure.averageDays', { days: days.toFixed(1) }) : ''].filter(Boolean).join(' · '),
          }
        })}
        format={count}
      />
    </Card>
  )
}

function Staff({ data }: { data: StaffReport }) {
  const { t } = useI18n()
  return (
    <>
      <Card>
        <FigureGrid>
          <Figure label={t('figure.commission')} value={formatFen(data.current.commissionFen)} current={data.current.commissionFen} previous={data.previous.commissionFen} />
        </FigureGrid>
      </Card>
      <Card title={t('figure.byStaff')}>
        <RankedBars
          rows={data.current.staff.map((s) => ({
            key: s.staffId,
            label: `${s.staffName}`,
            value: s.commissionFen,
            note: [`${t('reports.shoots')} ${s.shoots}`, `${t('figure.selections')} ${s.selections}`, s.utilisationBp !== null ? t('figure.utilisation', { rate: percent(s.utilisationBp) }) : ''].filter(Boolean).join(' · '),
          }))}
          format={formatFen}
        />
      </Card>
    </>
  )
}

function Customers({ data }: { data: CustomersReport }) {
  const { t } = useI18n()
  const { current: c, previous: p } = data
  const sources = c.bySource.filter((s) => s.newCustomers > 0)
  return (
    <>
      <Card>
        <FigureGrid>
          <Figure label={t('figure.newCustomers')} value={count(c.newCustomers)} current={c.newCustomers} previous={p.newCustomers} />
          <Figure label={t('figure.returningOrders')} value={count(c.returningOrders)} current={c.returningOrders} previous={p.returningOrders} />
        </FigureGrid>
        <Text className="report-note">{`${t('figure.followUps', { done: c.followUps.done, due: c.followUps.due })} · ${percent(c.followUps.rateBp)}`}</Text>
      </Card>
      {sources.length > 0 && (
        <Card title={t('figure.byChannel')}>
          <Chart
            kind="ring"
            label={t('reports.chart', { title: t('report.customers'), what: t('figure.byChannel') })}
            categories={sources.map((s) => t(`source.${s.channel}` as MessageKey))}
            series={[{ name: t('figure.newCustomers'), data: sources.map((s) => s.newCustomers) }]}
          />
        </Card>
      )}
    </>
  )
}

function Stock({ data }: { data: StockReport }) {
  const { t } = useI18n()
  const { current: c, previous: p } = data
  return (
    <>
      <Card>
        <FigureGrid>
          <Figure label={t('figure.stockValue')} value={formatFen(data.now.valueFen)} />
          <Figure label={t('figure.consumption')} value={formatFen(c.consumptionFen)} current={c.consumptionFen} previous={p.consumptionFen} />
          <Figure label={t('figure.purchases')} value={formatFen(c.purchasesFen)} current={c.purchasesFen} previous={p.purchasesFen} />
          <Figure label={t('figure.turnover')} value={percent(c.turnoverBp)} />
        </FigureGrid>
      </Card>
      <Card title={t('figure.consumption')}>
        <RankedBars rows={c.consumption.map((r) => ({ key: r.itemId, label: r.itemName, value: r.costFen, note: `× ${r.quantity}` }))} format={formatFen} />
      </Card>
      {data.now.lowStock.length > 0 && (
        <Card title={t('figure.lowStock')}>
          {data.now.lowStock.map((item) => (
            <View key={`${item.itemId}-${item.branchId}`} className="report-low">
              <Text>{item.itemName}</Text>
              <Text className="report-note">{t('figure.onHand', { onHand: item.onHand, reorderLevel: item.reorderLevel })}</Text>
            </View>
          ))}
        </Card>
      )}
    </>
  )
}

/** The figures, charts and ranked lists of one report. */
export function ReportBody({ name, data }: { name: ReportName; data: unknown }) {
  switch (name) {
    case 'daily':
      return <Daily data={data as DailyReport} />
    case 'revenue':
      return <Revenue data={data as RevenueReport} />
    case 'upsell':
      return <Upsell data={data as UpsellReport} />
    case 'funnel':
      return <Funnel data={data as FunnelReport} />
    case 'receivables':
      return <Receivables data={data as ReceivablesReport} />
    case 'production':
      return <Production data={data as ProductionReport} />
    case 'staff':
      return <Staff data={data as StaffReport} />
    case 'customers':
      return <Customers data={data as CustomersReport} />
    case 'stock':
      return <Stock data={data as StockReport} />
  }
}
