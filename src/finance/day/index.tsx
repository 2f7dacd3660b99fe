import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { closeDay, getBranchDay, reopenDay } from '../../../types/finance-operations'
import { canUse } from '../../lib/access'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { DateField } from '../../components/DateField'
import { FormField, FormMessage } from '../../components/FormField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Input } from '../../components/ui'
import { useDates } from '../../hooks/useDates'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useStudioTimeZone } from '../../hooks/useStudioTimeZone'
import { useSubmit } from '../../hooks/useSubmit'
import { useI18n } from '../../i18n'
import { formatFen, parseYuan } from '../../lib/money'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { studioToday } from '../../lib/studio-time'
import { BranchSwitch, Figure, formatSignedFen, useBooksBranch } from '../books'
import '../books.scss'

/** The daily close (日结): what each desk and method took, what is still unaudited, the cash counted, and the lock. */
export default function DayClosePage() {
  const dates = useDates()
  const { t } = useI18n()
  usePageTitle('day.title')
  const { session, allowed } = useStaffPage(getBranchDay.access)
  const books = useBooksBranch(session, allowed)
  const today = studioToday(useStudioTimeZone())
  const [date, setDate] = useState(today)
  const ready = allowed && books.branchId !== undefined
  const day = useQuery(() => call(getBranchDay, { branchId: books.branchId!, date }), [books.branchId, date], ready)
  const [counted, setCounted] = useState('')
  const [reason, setReason] = useState('')
  const [reopenReason, setReopenReason] = useState('')
  const feedback = useSubmit()
  usePullDownRefresh(day)
  useShownAgain(() => {
    if (ready) void day.reload()
  })

  if (!session) return null
  if (!allowed) return <Forbidden />
  const mayReopen = canUse(session.principal, reopenDay.access)
  const d = day.data
  const countedFen = parseYuan(counted)

  const act = (run: () => Promise<unknown>, done: string) =>
    feedback.submit(
      async () => {
        await run()
        Taro.showToast({ title: done, icon: 'success' })
        setReopenReason('')
        await day.reload()
      },
      // The figures may have moved on (a payment came in): show the new ones.
      () => day.reload(),
    )
  const close = () =>
    act(
      () => call(closeDay, { branchId: books.branchId!, date, revision: d!.revision, countedCashFen: countedFen ?? -1, differenceReason: reason.trim() || undefined }),
      t('day.closed'),
    )
  const reopen = () => act(() => call(reopenDay, { branchId: books.branchId!, date, reason: reopenReason }), t('day.reopened'))
  const deskName = (desk: { deskId: string; deskName: string }) => (desk.deskId === 'wechat' ? t('day.desk.wechat') : desk.deskName)

  return (
    <View className="screen books-day">
      <BranchSwitch books={books} />
      <DateField value={date} placeholder={t('common.chooseDate')} end={today} onChange={setDate} />
      {day.error !== undefined && <ErrorState error={day.error} onRetry={day.reload} />}
      {day.loading && !d && <LoadingState />}
      {d && (
        <>
          <View className="books-hero">
            <View className="books-hero__top">
              <Text className="books-hero__label">{t('day.net')}</Text>
              <Text className={`books-hero__badge${d.status === 'closed' ? ' books-hero__badge--closed' : ''}`}>{t(`day.status.${d.status}`)}</Text>
            </View>
            <Text className="books-hero__amount">{formatSignedFen(d.netFen)}</Text>
            <Text className="books-hero__hint">{t('day.netHint')}</Text>
            <View className="books-hero__figures">
              <Figure label={t('day.received')} fen={d.receivedFen} />
              <Figure label={t('day.refunded')} fen={-d.refundedFen} />
              <Figure label={t('day.expenses')} fen={-d.expenseFen} />
              <Figure label={t('day.income')} fen={d.incomeFen} />
            </View>
          </View>

          <Card title={t('day.byMethod')}>
            {d.methods.map((m) => (
              <View key={m.method} className="books-row">
                <View className="books-row__main">
                  <Text className="books-row__title">{t(`paymentMethod.${m.method}`)}</Text>
                  <Text className="books-row__meta">{`${t('day.received')} ${formatFen(m.receivedFen)} · ${t('day.refunded')} ${formatFen(m.refundedFen)}`}</Text>
                </View>
                <Text className="books-row__amount">{formatSignedFen(m.netFen)}</Text>
              </View>
            ))}
          </Card>

          <Card title={t('day.byDesk')}>
            {d.desks.length === 0 && <Text className="books-note">{t('day.noTakings')}</Text>}
            {d.desks.map((desk) => (
              <View key={`${desk.deskId}-${desk.method}`} className="books-row">
                <View className="books-row__main">
                  <Text className="books-row__title">{deskName(desk)}</Text>
                  <Text className="books-row__meta">{`${t(`paymentMethod.${desk.method}`)} · ${t('day.deskCount', { count: desk.count })}`}</Text>
                </View>
                <Text className="books-row__amount">{formatFen(desk.amountFen)}</Text>
              </View>
            ))}
          </Card>

          <Card title={t('day.unaudited')}>
            {d.unaudited.length === 0 && <Text className="books-note">{t('day.noUnaudited')}</Text>}
            {d.unaudited.length > 0 && d.status === 'open' && <Text className="books-note books-note--warning">{t('day.unauditedWarning', { count: d.unaudited.length })}</Text>}
            {d.unaudited.map((u) => (
              <View key={u.paymentId} className="books-row">
                <View className="books-row__main">
                  <Text className="books-row__title">{t(`paymentMethod.${u.method}`)}</Text>
                  <Text className="books-row__meta">{`${u.recordedBy.name} · ${dates.time(u.at)}`}</Text>
                </View>
                <Text className="books-row__amount">{formatFen(u.amountFen)}</Text>
              </View>
            ))}
          </Card>

          {d.expenses.length > 0 && (
            <Card title={t('day.entries')}>
              {d.expenses.map((e) => (
                <View key={e.id} className="books-row">
                  <View className="books-row__main">
                    <Text className="books-row__title">{e.payee}</Text>
                    <Text className="books-row__meta">{t(`expense.kind.${e.kind}`)}</Text>
                  </View>
                  <Text className={`books-row__amount${e.status === 'void' ? ' books-row__amount--void' : ''}`}>{formatSignedFen(e.kind === 'expense' ? -e.amountFen : e.amountFen)}</Text>
                </View>
              ))}
            </Card>
          )}

          {d.status === 'open' ? (
            <Card title={t('day.closeTitle')}>
              <View className="books-row">
                <View className="books-row__main">
                  <Text className="books-row__title">{t('day.expectedCash')}</Text>
                </View>
                <Text className="books-row__amount">{formatFen(d.expectedCashFen)}</Text>
              </View>
              <FormField label={t('day.countedCash')} error={feedback.fields.countedCashFen}>
                <Input type="digit" value={counted} onChange={setCounted} placeholder="0.00" />
              </FormField>
              {countedFen !== undefined && countedFen !== d.expectedCashFen && (
                <Text className="books-note books-note--warning">{`${t('day.difference')} ${formatSignedFen(countedFen - d.expectedCashFen)}`}</Text>
              )}
              <FormField label={t('day.differenceReason')} error={feedback.fields.differenceReason}>
                <Input value={reason} onChange={setReason} placeholder={t('day.differenceReasonPlaceholder')} maxLength={200} />
              </FormField>
              <FormMessage message={feedback.message} />
              <Button block type="primary" loading={feedback.saving} onClick={() => void close()}>
                {t('day.close')}
              </Button>
            </Card>
          ) : (
            <Card title={t('day.closed')}>
              {d.close && (
                <>
                  <Text className="books-note">{t('day.closedBy', { name: d.close.closedBy.name, time: dates.dayTime(d.close.closedAt) })}</Text>
                  <View className="books-hero__figures">
                    <Figure label={t('day.expectedCash')} fen={d.close.expectedCashFen} />
                    <Figure label={t('day.counted')} fen={d.close.countedCashFen} />
                    <Figure label={t('day.difference')} fen={d.close.differenceFen} tone={d.close.differenceFen < 0 ? 'minus' : undefined} />
                  </View>
                  {d.close.differenceReason && <Text className="books-note">{`${t('day.differenceReason')}：${d.close.differenceReason}`}</Text>}
                </>
              )}
              <Text className="books-note">{t('day.lockedNote')}</Text>
              {mayReopen && (
                <View className="books-actions">
                  <FormField label={t('day.reopenReason')} error={feedback.fields.reason}>
                    <Input value={reopenReason} onChange={setReopenReason} placeholder={t('day.reopenReasonPlaceholder')} maxLength={200} />
                  </FormField>
                  <FormMessage message={feedback.message} />
                  <Button block loading={feedback.saving} onClick={() => void reopen()}>
                    {t('day.reopen')}
                  </Button>
                </View>
              )}
            </Card>
          )}

          {d.reopenings.length > 0 && (
            <Card title={t('day.reopenings')}>
              {d.reopenings.map((r) => (
                <Text key={r.at} className="books-note">
                  {t('day.reopenedBy', { name: r.by.name, time: dates.dayTime(r.at), reason: r.reason })}
                </Text>
              ))}
            </Card>
          )}
        </>
      )}
    </View>
  )
}
