import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { SurveyReport } from '../../../types/feedback'
import { surveyReport } from '../../../types/feedback-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { Forbidden } from '../../components/Forbidden'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useBranches } from '../../hooks/useBranches'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useStaffPage } from '../../hooks/useStaffPage'
import { useStudioTimeZone } from '../../hooks/useStudioTimeZone'
import { useI18n } from '../../i18n'
import { addDays, studioMoment, studioToday } from '../../lib/studio-time'
import '../feedback.scss'
import { dayLabel } from '../../lib/date-labels'

const PERIODS = [30, 90, 365] as const

/** One average as a bar out of five: read at a glance, the number beside it. */
function ScoreBar({ label, average, count }: { label: string; average: number; count: number }) {
  const { t } = useI18n()
  return (
    <View className="scores__bar">
      <View className="scores__bar-line">
        <Text className="scores__bar-label">{label}</Text>
        <Text className={`scores__bar-value${average <= 2 ? ' scores__bar-value--low' : ''}`}>{t('scores.average', { average: average.toFixed(1), count })}</Text>
      </View>
      <View className="scores__track">
        <View className={`scores__fill${average <= 2 ? ' scores__fill--low' : ''}`} style={{ width: `${(average / 5) * 100}%` }} />
      </View>
    </View>
  )
}

function Report({ report, timeZone }: { report: SurveyReport; timeZone: string }) {
  const { t } = useI18n()
  if (report.count === 0) return <EmptyState title={t('scores.none')} />
  return (
    <>
      <Card title={t('scores.steps')}>
        <Text className="scores__summary">{t('scores.summary', { count: report.count, low: report.lowScores })}</Text>
        {report.steps.map((step) => (
          <ScoreBar key={step.step} label={t(`survey.step.${step.step}`)} average={step.average} count={step.count} />
        ))}
      </Card>
      <Card title={t('scores.staff')}>
        {report.staff.map((person) => (
          <ScoreBar key={`${person.step}-${person.staffId}`} label={`${person.name} · ${t(`survey.step.${person.step}`)}`} average={person.average} count={person.count} />
        ))}
      </Card>
      <Card title={t('scores.comments')}>
        {report.comments.length === 0 && <Text className="scores__summary">{t('scores.noComments')}</Text>}
        {report.comments.map((comment) => {
          const at = studioMoment(comment.at, timeZone)
          return (
            <View key={comment.orderId} className={`scores__comment${comment.lowest <= 2 ? ' scores__comment--low' : ''}`}>
              <Text className="scores__comment-text">{comment.comment}</Text>
              <Text className="scores__comment-meta">{t('scores.commentMeta', { customer: comment.customerName, package: comment.packageName, date: dayLabel(t, at.date), lowest: comment.lowest })}</Text>
            </View>
          )
        })}
      </Card>
    </>
  )
}

/** The manager's view of how customers rated the branch: per step, per staff member for the step they did, and what they wrote. */
export default function ServiceScoresPage() {
  const { t } = useI18n()
  usePageTitle('scores.title')
  const { session, allowed } = useStaffPage(surveyReport.access)
  const timeZone = useStudioTimeZone()
  const branches = useBranches(allowed)
  const [branchId, setBranchId] = useState(session?.principal.branchId)
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30)
  useEffect(() => {
    if (!branchId && branches.items[0]) setBranchId(branches.items[0].id)
  }, [branches.items.length])
  const to = studioToday(timeZone)
  const from = addDays(to, 1 - days)
  const report = useQuery(() => call(surveyReport, { branchId: branchId ?? '', from, to }), [branchId, from, to], allowed && branchId !== undefined)
  usePullDownRefresh(report)
  useShownAgain(() => {
    if (allowed && branchId) void report.reload()
  })

  if (!session) return null
  if (!allowed) return <Forbidden />
  // A manager sees their own branch; an admin, over all of them, switches between them.
  const choices = session.principal.branchId ? [] : branches.items
  return (
    <View className="screen scores">
      {choices.length > 1 && (
        <View className="scores__chips">
          {choices.map((branch) => (
            <Text key={branch.id} className={`scores__chip${branch.id === branchId ? ' scores__chip--on' : ''}`} onClick={() => setBranchId(branch.id)}>
              {branch.name}
            </Text>
          ))}
        </View>
      )}
      <View className="scores__chips">
        {PERIODS.map((period) => (
          <Text key={period} className={`scores__chip${period === days ? ' scores__chip--on' : ''}`} onClick={() => setDays(period)}>
            {t('scores.lastDays', { days: period })}
          </Text>
        ))}
      </View>
      {report.error !== undefined && <ErrorState error={report.error} onRetry={report.reload} />}
      {report.error === undefined && !report.data && <LoadingState />}
      {report.data && <Report report={report.data} timeZone={timeZone} />}
    </View>
  )
}
