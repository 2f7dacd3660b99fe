import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Close, Success, Wallet } from '@nutui/icons-react-taro'
import { useState } from 'react'
import type { z } from 'zod'
import type { OrderDetailSchema, Payment, PrepaySchema } from '../../../types/orders'
import { getOrder, prepay, refreshPayment, simulatePay } from '../../../types/order-operations'
import { ApiError, call } from '../../api'
import { Card } from '../../components/Card'
import { FormMessage } from '../../components/FormField'
import { OrderStageBadge } from '../../components/OrderStageBadge'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { NOTHING_DONE, useSubmit } from '../../hooks/useSubmit'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useRequiredSession } from '../../hooks/useRequiredSession'
import { useI18n } from '../../i18n'
import { formatFen } from '../../lib/money'
import { payableNow, paymentKindLabel, type PayKind } from '../../lib/order-labels'
import { routes } from '../../lib/routes'
import './index.scss'

type Detail = z.infer<typeof OrderDetailSchema>
type Prepared = z.infer<typeof PrepaySchema>

const KINDS: PayKind[] = ['deposit', 'balance', 'extra_photos']
const titleKeys = { deposit: 'pay.titleDeposit', balance: 'pay.titleBalance', extra_photos: 'pay.titleExtraPhotos' } as const
const doneKeys = { deposit: 'pay.doneDeposit', balance: 'pay.doneBalance', extra_photos: 'pay.doneExtraPhotos' } as const
const hintKeys = { deposit: 'pay.hintDeposit', balance: 'pay.hintBalance', extra_photos: 'pay.hintExtraPhotos' } as const
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function Fact({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <View className={`pay__fact${strong ? ' pay__fact--strong' : ''}`}>
      <Text className="pay__fact-label">{label}</Text>
      <Text className="pay__fact-value">{value}</Text>
    </View>
  )
}

/** How many pages back `route` is open for the order `id`, or undefined when it is not in the stack. */
function stepsBackTo(route: string, id: string): number | undefined {
  // A mini-program page keeps its query in `options`; Taro's H5 page in `$taroParams`.
  const pages = Taro.getCurrentPages() as { route?: string; options?: Record<string, string>; $taroParams?: Record<string, string> }[]
  for (let index = pages.length - 2; index >= 0; index--) {
    const page = pages[index]!
    if ((page.route ?? '').replace(/^\//, '') !== route.replace(/^\//, '')) continue
    const pageId = page.options?.id ?? page.$taroParams?.id
    if (pageId === id) return pages.length - 1 - index
  }
  return undefined
}

/** The labelled stand-in for WeChat's pay sheet, shown only where the API simulates WeChat Pay (locally and in tests). */
function SimulatedPaySheet(props: { merchant: string; description: string; amountFen: number; busy: boolean; message?: string; onPay: () => void; onClose: () => void }) {
  const { t } = useI18n()
  return (
    <View className="pay-sheet">
      <View className="pay-sheet__mask" onClick={props.busy ? undefined : props.onClose} />
      <View className="pay-sheet__panel">
        <View className="pay-sheet__head">
          <View className="pay-sheet__close" onClick={props.busy ? undefined : props.onClose}>
            <Close size={16} />
          </View>
          <Text className="pay-sheet__title">{t('pay.simulatedTitle')}</Text>
        </View>
        <Text className="pay-sheet__note">{t('pay.simulatedNote')}</Text>
        <Text className="pay-sheet__merchant">{props.merchant}</Text>
        <Text className="pay-sheet__amount">{formatFen(props.amountFen)}</Text>
        <View className="pay-sheet__rows">
          <Fact label={t('pay.item')} value={props.description} />
          <Fact label={t('pay.method')} value={t('pay.simulatedMethod')} />
        </View>
        <FormMessage message={props.message} />
        <Button block type="success" loading={props.busy} disabled={props.busy} onClick={props.onPay}>
          {t('pay.confirm')}
        </Button>
      </View>
    </View>
  )
}

/**
 * Pays the deposit, the balance or the extra photos with WeChat Pay. Inside WeChat the real pay
 * sheet opens; where the API simulates WeChat Pay a clearly labelled simulated sheet does. Either
 * way the order is read again from the API afterwards, so what is shown is what was credited.
 */
export default function PayPage() {
  const { t } = useI18n()
  usePageTitle('pay.title')
  const params = useRouter().params
  const orderId = params.orderId ?? ''
  const kind: PayKind = KINDS.find((candidate) => candidate === params.kind) ?? 'balance'
  const session = useRequiredSession('customer')
  const detail = useQuery(() => call(getOrder, { orderId }), [orderId], session !== null)
  const [prepared, setPrepared] = useState<Prepared>()
  const [checking, setChecking] = useState(false)
  const [notice, setNotice] = useState<'cancelled' | 'openInWeChat'>()
  const [result, setResult] = useState<{ detail: Detail; payment?: Payment }>()
  const feedback = useSubmit()
  const busy = checking ? 'refresh' : feedback.busy

  if (!session) return null
  if (detail.error !== undefined && !detail.data) return <ErrorState error={detail.error} onRetry={detail.reload} />
  if (!detail.data) return <LoadingState />
  const { order, payments } = detail.data

  /** Asks the API how the charge went (it asks WeChat Pay when the notification is late) until it is credited. */
  const settle = async (outTradeNo: string) => {
    setChecking(true)
    let latest: Detail | undefined
    for (let attempt = 0; attempt < 4; attempt++) {
      if (attempt > 0) await pause(1500)
      latest = await call(refreshPayment, { orderId, outTradeNo })
      const payment = latest.payments.find((p) => p.outTradeNo === outTradeNo && p.kind !== 'refund')
      if (payment) {
        showResult({ detail: latest, payment })
        return
      }
    }
    showResult({ detail: latest! })
  }
  const showResult = (outcome: { detail: Detail; payment?: Payment }) => {
    setResult(outcome)
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  // One step at a time; a failure shows where the person is looking — on the sheet while it is open.
  const run = (step: 'prepay' | 'pay', action: () => Promise<void | typeof NOTHING_DONE>) =>
    feedback.run(step, async () => {
      setNotice(undefined)
      try {
        return await action()
      } finally {
        setChecking(false)
      }
    })

  const start = () =>
    run('prepay', async () => {
      const charge = await call(prepay, { orderId, kind })
      if (charge.simulated) {
        setPrepared(charge)
        return
      }
      if (process.env.TARO_ENV !== 'weapp') {
        setNotice('openInWeChat')
        return
      }
      try {
        await Taro.requestPayment({ ...charge.params })
      } catch (failure) {
        const message = (failure as { errMsg?: string })?.errMsg ?? ''
        if (message.includes('cancel')) {
          setNotice('cancelled')
          // The customer closed WeChat's payment sheet: nothing was paid, though the charge was prepared (a write), so paying again is a fresh start.
          return NOTHING_DONE
        }
        throw new ApiError('PAYMENT_PROVIDER_ERROR', message)
      }
      await settle(charge.outTradeNo)
    })

  const paySimulated = () =>
    run('pay', async () => {
      if (!prepared) return
      await call(simulatePay, { orderId, outTradeNo: prepared.outTradeNo })
      setPrepared(undefined)
      await settle(prepared.outTradeNo)
    })

  // The order's page, where it is already open further back (the pay step was opened from it or from a page it opened).
  const viewOrder = () => {
    const delta = stepsBackTo(routes.orderDetail, orderId)
    if (delta) Taro.navigateBack({ delta })
    else Taro.redirectTo({ url: `${routes.orderDetail}?id=${orderId}` })
  }
  const back = () => (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.switchTab({ url: routes.orders }))

  if (result) {
    const paid = result.detail.order
    const outcome = !result.payment ? 'pending' : result.payment.status === 'captured' ? 'credited' : 'uncredited'
    return (
      <View className="screen pay">
        <View className="pay__hero">
          <View className={`pay__icon pay__icon--${outcome}`}>{outcome === 'credited' ? <Success size={30} /> : <Wallet size={30} />}</View>
          <Text className="pay__title">{outcome === 'credited' ? t(doneKeys[kind]) : outcome === 'pending' ? t('pay.pendingTitle') : t('pay.uncreditedTitle')}</Text>
          <Text className="pay__lead">
            {outcome === 'credited'
              ? t('pay.paidAmount', { amount: formatFen(result.payment!.amountFen) })
              : outcome === 'pending'
                ? t('pay.pendingText')
                : t('pay.uncreditedText')}
          </Text>
        </View>
        <Card title={t('pay.orderNow')} extra={<OrderStageBadge stage={paid.stage} />}>
          <Fact label={t('order.packageName')} value={paid.package.name} />
          <Fact label={t('order.total')} value={formatFen(paid.totalFen)} />
          <Fact label={t('order.paid')} value={formatFen(paid.paidFen)} />
          <Fact label={t('order.balance')} value={formatFen(paid.balanceFen)} strong={paid.balanceFen > 0} />
        </Card>
        <View className="actions">
          <Button block type="primary" onClick={viewOrder}>
            {t('pay.viewOrder')}
          </Button>
          <Button block fill="outline" onClick={back}>
            {t('pay.done')}
          </Button>
        </View>
      </View>
    )
  }

  const due = payableNow(order, payments).find((option) => option.kind === kind)
  if (!due) {
    return (
      <View className="screen">
        <EmptyState icon={<Wallet size={28} />} title={t('error.NOTHING_TO_PAY')} action={{ label: t('pay.viewOrder'), onClick: viewOrder }} />
      </View>
    )
  }
  const amountFen = prepared?.amountFen ?? due.amountFen
  const extra = order.selection?.confirmedAt ? order.selection : undefined

  return (
    <View className="screen pay">
      <View className="pay__hero">
        <View className="pay__icon">
          <Wallet size={30} />
        </View>
        <Text className="pay__title">{t(titleKeys[kind])}</Text>
        <Text className="pay__amount">{formatFen(amountFen)}</Text>
        <Text className="pay__lead">{order.package.name}</Text>
      </View>

      <Card title={t('pay.summary')}>
        <Fact label={t('order.total')} value={formatFen(order.totalFen)} />
        <Fact label={t('order.paid')} value={formatFen(order.paidFen)} />
        {kind === 'extra_photos' && extra && (
          <Fact label={t('pay.extraPhotos')} value={t('pay.extraPhotosValue', { count: extra.extraCount, price: formatFen(order.package.extraPhotoPriceFen) })} />
        )}
        <Fact label={t('pay.thisPayment')} value={formatFen(amountFen)} strong />
        <Fact label={t('pay.balanceAfter')} value={formatFen(Math.max(0, order.balanceFen - amountFen))} />
        <Text className="pay__hint">{t(hintKeys[kind])}</Text>
      </Card>

      <View className="actions">
        <FormMessage message={(prepared ? undefined : feedback.message) ?? (notice === 'cancelled' ? t('pay.cancelled') : notice === 'openInWeChat' ? t('pay.openInWeChat') : undefined)} />
        <Button block type="success" loading={busy !== undefined} disabled={busy !== undefined} onClick={start}>
          {busy === 'refresh' ? t('pay.checking') : t('pay.wechatPay', { amount: formatFen(amountFen) })}
        </Button>
      </View>

      {prepared && (
        <SimulatedPaySheet
          merchant={session.principal.studioName}
          description={`${order.package.name} · ${paymentKindLabel(t, kind)}`}
          amountFen={prepared.amountFen}
          busy={busy !== undefined}
          message={feedback.message}
          onPay={paySimulated}
          onClose={() => {
            feedback.reset()
            setPrepared(undefined)
          }}
        />
      )}
    </View>
  )
}
