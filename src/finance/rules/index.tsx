import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { commissionWorks, type CommissionRule, type CommissionSplit, type CommissionWork } from '../../../types/finance'
import { listCommissionRules, saveCommissionRule } from '../../../types/finance-operations'
import type { StaffRole } from '../../../types/roles'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { DateField } from '../../components/DateField'
import { FormField, FormMessage } from '../../components/FormField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Input } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useSubmit } from '../../hooks/useSubmit'
import { useStudioTimeZone } from '../../hooks/useStudioTimeZone'
import { useI18n, type Translate } from '../../i18n'
import { formatFen, parseYuan } from '../../lib/money'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { studioToday } from '../../lib/studio-time'
import { BranchSwitch, Segments, useBooksBranch } from '../books'
import '../books.scss'

const ROLES: readonly StaffRole[] = ['reception', 'photographer', 'makeup', 'retoucher']
const BASES = ['received', 'order_value'] as const
const CALCS = ['percent', 'fixed'] as const
const SPLITS: readonly CommissionSplit[] = ['equal', 'each']

/** A percentage typed by a manager ("3", "2.5") as basis points, digit by digit; -1 when it is not one. */
function basisPoints(text: string): number {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim())
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : -1
}

const percentText = (bp: number) => `${Math.floor(bp / 100)}${bp % 100 ? `.${String(bp % 100).padStart(2, '0').replace(/0$/, '')}` : ''}`

function summary(t: Translate, rule: CommissionRule): string {
  const calc =
    rule.calc.kind === 'percent'
      ? t('rules.summary.percent', { base: t(`rules.base.${rule.base}`), percent: percentText(rule.calc.basisPoints) })
      : t('rules.summary.fixed', { amount: formatFen(rule.calc.fen) })
  return [calc, rule.tiers.length ? t('rules.summary.tiers', { count: rule.tiers.length }) : '', t(`rules.split.${rule.split}`)].filter(Boolean).join(' · ')
}

/** A manager sets commission per role and kind of work; each save is a new version from its effective day. */
export default function CommissionRulesPage() {
  const { t } = useI18n()
  usePageTitle('rules.title')
  const { session, allowed } = useStaffPage(saveCommissionRule.access)
  const books = useBooksBranch(session, allowed)
  const today = studioToday(useStudioTimeZone())
  const rules = useQuery(() => call(listCommissionRules, { branchId: books.branchId! }), [books.branchId], allowed && books.branchId !== undefined)
  const [role, setRole] = useState<StaffRole>('photographer')
  const [work, setWork] = useState<CommissionWork>('shoot')
  const [base, setBase] = useState<(typeof BASES)[number]>('order_value')
  const [calc, setCalc] = useState<(typeof CALCS)[number]>('percent')
  const [value, setValue] = useState('')
  const [effectiveFrom, setEffectiveFrom] = useState(today)
  const [split, setSplit] = useState<CommissionSplit>('equal')
  const [tiers, setTiers] = useState<{ from: string; percent: string }[]>([])
  const feedback = useSubmit()

  usePullDownRefresh(rules)
  if (!session) return null
  if (!allowed) return <Forbidden />
  // Newest first: the first of each rule is the one in force from its day.
  const current = (rules.data?.items ?? []).filter((rule, i, all) => all.findIndex((r) => r.id === rule.id) === i)
  const versionsOf = (id: string) => (rules.data?.items ?? []).filter((r) => r.id === id).length

  const save = () =>
    feedback.submit(async () => {
      await call(saveCommissionRule, {
        branchId: books.branchId!,
        role,
        work,
        effectiveFrom,
        base,
        calc: calc === 'percent' ? { kind: 'percent', basisPoints: basisPoints(value) } : { kind: 'fixed', fen: parseYuan(value) ?? -1 },
        tiers: tiers.map((tier) => ({ fromFen: parseYuan(tier.from) ?? -1, basisPoints: basisPoints(tier.percent) })),
        split,
      })
      Taro.showToast({ title: t('rules.saved'), icon: 'success' })
      setValue('')
      setTiers([])
      await rules.reload()
    })

  return (
    <View className="screen books-rules">
      <BranchSwitch books={books} />
      <Card title={t('rules.current')}>
        {rules.error !== undefined && <ErrorState error={rules.error} onRetry={rules.reload} />}
        {rules.loading && !rules.data && <LoadingState />}
        {rules.data && current.length === 0 && <Text className="books-note">{t('rules.none')}</Text>}
        {current.map((rule) => (
          <View key={rule.id} className="books-row">
            <View className="books-row__main">
              <Text className="books-row__title">{`${t(`role.${rule.role}`)} · ${t(`commission.work.${rule.work}`)}`}</Text>
              <Text className="books-row__meta">{summary(t, rule)}</Text>
              <Text className="books-row__meta">{t('rules.version', { version: rule.version, date: rule.effectiveFrom })}</Text>
            </View>
            {versionsOf(rule.id) > 1 && <Text className="books-row__tag books-row__tag--muted">{`${t('rules.history')} ${versionsOf(rule.id) - 1}`}</Text>}
          </View>
        ))}
      </Card>

      <Card title={t('rules.new')}>
        <Text className="books-note">{t('rules.newHint')}</Text>
        <FormField label={t('rules.role')}>
          <Segments options={ROLES} value={role} label={(r) => t(`role.${r}`)} onChange={setRole} />
        </FormField>
        <FormField label={t('rules.work')}>
          <Segments options={commissionWorks} value={work} label={(w) => t(`commission.work.${w}`)} onChange={setWork} />
        </FormField>
        <FormField label={t('rules.base')}>
          <Segments options={BASES} value={base} label={(b) => t(`rules.base.${b}`)} onChange={setBase} />
        </FormField>
        <FormField label={t('rules.calc')}>
          <Segments options={CALCS} value={calc} label={(c) => t(`rules.calc.${c}`)} onChange={setCalc} />
        </FormField>
        <FormField label={calc === 'percent' ? t('rules.percent') : t('rules.fixed')} error={feedback.fields.calc}>
          <Input type="digit" value={value} onChange={setValue} placeholder={calc === 'percent' ? '3' : '50.00'} />
        </FormField>
        {calc === 'percent' && (
          <FormField label={t('rules.tiers')} error={feedback.fields.tiers}>
            {tiers.map((tier, i) => (
              <View key={i} className="books-tier">
                <Input type="digit" value={tier.from} placeholder={t('rules.tierFrom')} onChange={(from) => setTiers(tiers.map((x, j) => (j === i ? { ...x, from } : x)))} />
                <Input type="digit" value={tier.percent} placeholder={t('rules.tierPercent')} onChange={(percent) => setTiers(tiers.map((x, j) => (j === i ? { ...x, percent } : x)))} />
                <Text className="books-tier__remove" onClick={() => setTiers(tiers.filter((_, j) => j !== i))}>
                  {t('rules.removeTier')}
                </Text>
              </View>
            ))}
            <Text className="books-tier__add" onClick={() => setTiers([...tiers, { from: '', percent: '' }])}>
              {`+ ${t('rules.addTier')}`}
            </Text>
          </FormField>
        )}
        <FormField label={t('rules.split')}>
          <Segments options={SPLITS} value={split} label={(s) => t(`rules.split.${s}`)} onChange={setSplit} />
        </FormField>
        <FormField label={t('rules.effectiveFrom')} error={feedback.fields.effectiveFrom}>
          <DateField value={effectiveFrom} placeholder={t('common.chooseDate')} start={today} onChange={setEffectiveFrom} />
        </FormField>
        <FormMessage message={feedback.message} />
        <Button block type="primary" loading={feedback.saving} onClick={() => void save()}>
          {t('rules.save')}
        </Button>
      </Card>
    </View>
  )
}
