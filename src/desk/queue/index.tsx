import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { mayMove } from '../../../types/order-flow'
import { advanceOrder, productionQueue, sendToLab, takeOrder } from '../../../types/order-operations'
import type { OrderStage, OrderSummaryView } from '../../../types/orders'
import { canUse } from '../../lib/access'
import { call } from '../../api'
import { FormMessage } from '../../components/FormField'
import { ErrorState, LoadingState } from '../../components/StatusView'
import { Button } from '../../components/ui'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useSubmit } from '../../hooks/useSubmit'
import { useI18n } from '../../i18n'
import { formatFen } from '../../lib/money'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { useStaffPage } from '../../hooks/useStaffPage'
import { OrderRow } from '../OrderRow'
import '../desk.scss'
import './index.scss'

/** The post-production line: each stage's orders (or only those this person took), with the step they may take on each from here. */
export default function ProductionQueuePage() {
  const { t } = useI18n()
  usePageTitle('queue.title')
  const { session, allowed } = useStaffPage(productionQueue.access)
  const queue = useQuery(() => call(productionQueue, {}), [], allowed)
  // One row's step at a time; a tap in the moment after a step (接单 turning into 完成 under the finger) does nothing.
  const step = useSubmit()
  const [failedOrder, setFailedOrder] = useState<string>()
  // 我的订单: only what this person has taken (接单), for a retoucher with a long line.
  const [onlyMine, setOnlyMine] = useState(false)

  usePullDownRefresh(queue)
  useShownAgain(() => {
    if (allowed) void queue.reload()
  })

  if (!session) return null
  if (!allowed) return <Forbidden />
  if (queue.error !== undefined && !queue.data) return <ErrorState error={queue.error} onRetry={queue.reload} />
  if (!queue.data) return <LoadingState />
  const { principal } = session
  const may = (order: OrderSummaryView, to: OrderStage) => mayMove(order.stage, to, principal.roles)
  const open = (order: OrderSummaryView) => Taro.navigateTo({ url: `${routes.deskOrder}?id=${order.id}` })

  const run = (order: OrderSummaryView, key: string, action: () => Promise<unknown>, done: string) =>
    step.run(
      `${order.id}-${key}`,
      async () => {
        setFailedOrder(order.id)
        await action()
        Taro.showToast({ title: done, icon: 'success' })
        await queue.reload()
      },
      // Whatever went wrong (taken by someone else, moved on), the row shows the order as it is now.
      () => queue.reload(),
    )
  const advance = (order: OrderSummaryView, to: OrderStage, done: string) => run(order, to, () => call(advanceOrder, { orderId: order.id, from: order.stage, to }), done)

  const button = (order: OrderSummaryView, key: string, label: string, onClick: () => void, primary = true) => (
    <Button
      key={key}
      size="small"
      type="primary"
      fill={primary ? 'solid' : 'outline'}
      loading={step.busy === `${order.id}-${key}`}
      disabled={step.saving && step.busy !== `${order.id}-${key}`}
      onClick={onClick}
    >
      {label}
    </Button>
  )

  /** The steps a row offers; anything needing photos or the customer opens the order instead. */
  const actionsOf = (order: OrderSummaryView) => {
    const items = []
    const takeable = (order.stage === 'retouching' || order.stage === 'designing') && !order.assignee && canUse(principal, takeOrder.access)
    if (takeable) items.push(button(order, 'take', t('queue.take'), () => void run(order, 'take', () => call(takeOrder, { orderId: order.id }), t('queue.taken'))))
    switch (order.stage) {
      case 'shot':
        if (may(order, 'selecting')) items.push(button(order, 'open', t('queue.uploadProofs'), () => open(order), false))
        break
      case 'retouching':
        if (may(order, 'designing') && (order.assignee || !takeable)) items.push(button(order, 'designing', t('queue.done'), () => void advance(order, 'designing', t('staffOrder.done'))))
        break
      case 'designing':
        if (may(order, 'proofing') && (order.assignee || !takeable)) items.push(button(order, 'open', t('queue.uploadDesign'), () => open(order), false))
        break
      case 'producing':
        if (!order.labSentAt && canUse(principal, sendToLab.access)) items.push(button(order, 'lab', t('queue.sendToLab'), () => void run(order, 'lab', () => call(sendToLab, { orderId: order.id }), t('staffOrder.done'))))
        if (order.labSentAt && may(order, 'ready')) items.push(button(order, 'ready', t('queue.backFromLab'), () => void advance(order, 'ready', t('staffOrder.done'))))
        break
      case 'ready':
        if (may(order, 'completed')) {
          if ((order.balanceFen ?? 0) > 0) items.push(button(order, 'open', t('queue.collectBalance'), () => open(order), false))
          else items.push(button(order, 'completed', t('queue.handOver'), () => void advance(order, 'completed', t('staffOrder.handedOver'))))
        }
        break
      default:
        break
    }
    return items
  }

  /** Why a row offers no button, when there is something to say. */
  const noteOf = (order: OrderSummaryView) => {
    if (order.stage === 'proofing') return t('queue.waitingForCustomer')
    if (order.stage === 'producing' && order.labSentAt) return t('queue.atLab')
    if (order.stage === 'ready' && order.balanceFen !== undefined && order.balanceFen > 0) return t('queue.balanceDue', { amount: formatFen(order.balanceFen) })
    if ((order.stage === 'retouching' || order.stage === 'designing') && !order.assignee) return t('queue.notTaken')
    return undefined
  }

  const mayTake = canUse(principal, takeOrder.access)
  const mine = onlyMine && mayTake
  const stages = mine
    ? queue.data.stages.map((section) => ({ ...section, items: section.items.filter((order) => order.assignee?.id === principal.id) })).filter((section) => section.items.length > 0)
    : queue.data.stages
  const total = stages.reduce((sum, section) => sum + section.items.length, 0)
  return (
    <View className="screen queue">
      {mayTake && (
        <View className="queue__filters">
          <Text className={`queue__filter${mine ? '' : ' queue__filter--active'}`} onClick={() => setOnlyMine(false)}>
            {t('queue.filterAll')}
          </Text>
          <Text className={`queue__filter${mine ? ' queue__filter--active' : ''}`} onClick={() => setOnlyMine(true)}>
            {t('queue.filterMine')}
          </Text>
        </View>
      )}
      <Text className="queue__summary">{t('queue.summary', { count: total })}</Text>
      {mine && total === 0 && <Text className="queue__empty">{t('queue.mineEmpty')}</Text>}
      {stages.map((section) => (
        <View key={section.stage} className="queue__section">
          <View className="queue__heading">
            <Text className="queue__title">{t(`orderStage.${section.stage}`)}</Text>
            <Text className="queue__count">{section.items.length}</Text>
          </View>
          {section.items.length === 0 && <Text className="queue__empty">{t('queue.empty')}</Text>}
          {section.items.map((order) => {
            const actions = actionsOf(order)
            const note = noteOf(order)
            const failed = failedOrder === order.id && step.message !== undefined
            return (
              <OrderRow key={order.id} order={order}>
                {(actions.length > 0 || note || failed) && (
                  <>
                    {note && <Text className="order-row__note">{note}</Text>}
                    {actions}
                    {failed && (
                      <View className="queue__failure">
                        <FormMessage message={step.message} />
                      </View>
                    )}
                  </>
                )}
              </OrderRow>
            )
          })}
        </View>
      ))}
    </View>
  )
}
