import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { homeReport } from '../../../types/reports-operations'
import type { HomeReport } from '../../../types/reports'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { Forbidden } from '../../components/Forbidden'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Cell } from '../../components/ui'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useStaffPage } from '../../hooks/useStaffPage'
import { useI18n, type MessageKey } from '../../i18n'
import { canUse } from '../../lib/access'
import { routes } from '../../lib/routes'
import { Figure, FigureGrid } from '../Figures'
import { formatFen, money } from '../format'
import { reportNames, reportOperations } from '../names'
import '../reports.scss'

const todayFigures: { key: keyof HomeReport['today'] & string; label: MessageKey; money: boolean }[] = [
  { key: 'receivedFen', label: 'reports.received', money: true },
  { key: 'netFen', label: 'reports.net', money: true },
  { key: 'ordersOpened', label: 'reports.ordersOpened', money: false },
  { key: 'bookings', label: 'reports.bookings', money: false },
  { key: 'shoots', label: 'reports.shoots', money: false },
  { key: 'refundedFen', label: 'reports.refunded', money: true },
  { key: 'unauditedFen', label: 'reports.unaudited', money: true },
  { key: 'expenseFen', label: 'reports.expenses', money: true },
]

/** The manager's home: today's key figures beside the same weekday last week, and every report one tap away. */
export default function ReportsHomePage() {
  const { t } = useI18n()
  usePageTitle('reports.title')
  const { session, allowed } = useStaffPage(homeReport.access)
  const home = useQuery(() => call(homeReport, {}), [], allowed)
  usePullDownRefresh(() => void home.reload().finally(() => Taro.stopPullDownRefresh()))
  if (!session) return null
  if (!allowed) return <Forbidden />

  const data = home.data
  return (
    <View className="screen reports-home">
      <Card title={data ? `${t('reports.today')} ${data.today.date}` : t('reports.today')} extra={<Text className="report-note">{t('reports.vsLastWeek')}</Text>}>
        {home.loading && !data && <LoadingState />}
        {home.error !== undefined && <ErrorState error={home.error} onRetry={home.reload} />}
        {data && (
          <>
            <FigureGrid>
              {todayFigures.map((f) => (
                <Figure
                  key={f.key}
                  testId={f.key}
                  label={t(f.label)}
                  value={f.money ? money(data.today[f.key] as number) : String(data.today[f.key])}
                  current={data.today[f.key] as number}
                  previous={data.lastWeek[f.key] as number}
                />
              ))}
            </FigureGrid>
            <View className="report-alerts">
              <Text className="report-note">{t('reports.readyWithBalance', { orders: data.readyWithBalance.orders, amount: formatFen(data.readyWithBalance.balanceFen) })}</Text>
              <Text className="report-note">{t('reports.overdue', { orders: data.overdueOrders })}</Text>
            </View>
          </>
        )}
      </Card>
      <Card title={t('reports.allReports')}>
        {reportNames
          .filter((name) => canUse(session.principal, reportOperations[name].access))
          .map((name) => (
            <Cell
              key={name}
              title={t(`report.${name}` as MessageKey)}
              description={t(`report.${name}.hint` as MessageKey)}
              clickable
              onClick={() => Taro.navigateTo({ url: `${routes.report}?name=${name}` })}
            />
          ))}
      </Card>
    </View>
  )
}
