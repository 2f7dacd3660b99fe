import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState, type ReactElement } from 'react'
import type { Principal } from '../../../types/entities'
import { mayMove } from '../../../types/order-flow'
import { advanceOrder, confirmSelection, decideProof, sendToLab, takeOrder } from '../../../types/order-operations'
import type { Order, OrderStage, WorkOrder } from '../../../types/orders'
import { canUse } from '../../lib/access'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormMessage } from '../../components/FormField'
import { Button, TextArea } from '../../components/ui'
import { useDates } from '../../hooks/useDates'
import { useI18n } from '../../i18n'
import { formatFen } from '../../lib/money'
import { cancellationRefund } from '../../lib/refund'
import { useQuery } from '../../hooks/useQuery'
import { getBookingPolicy } from '../../../types/scheduling-operations'
import type { useAction } from './useAction'

interface Props {
  /** Without its money for a role that sees none (the crew). */
  order: Order | WorkOrder
  principal: Principal
  /** How many proofs or design pages are uploaded, when the stage needs them. */
  photoCount?: number
  action: ReturnType<typeof useAction>
}

/** The next steps of an order that this person's role may take at its stage; the server checks each one again. */
export function StageActions({ order, principal, photoCount, action }: Props) {
  const dates = useDates()
  const { t } = useI18n()
  const [revising, setRevising] = useState(false)
  const [comment, setComment] = useState('')
  const { roles } = principal
  const may = (to: OrderStage) => mayMove(order.stage, to, roles)
  const { busy, run } = action
  const money = 'paidFen' in order ? order : undefined

  const advance = (to: OrderStage, done: string) => run(`to-${to}`, () => call(advanceOrder, { orderId: order.id, from: order.stage, to }), done)

  const mayCancel = may('cancelled')
  const policy = useQuery(() => call(getBookingPolicy, {}), [], mayCancel && (money?.paidFen ?? 0) > 0)

  /** What cancelling gives back, and by which tier of the policy — said before the person confirms, as the customer's own cancel does. */
  const cancelText = () => {
    if (!money || money.paidFen <= 0) return t('staffOrder.cancelUnpaid')
    if (!policy.data) return t('staffOrder.cancelPaid', { amount: formatFen(money.paidFen) })
    const refund = cancellationRefund(money, policy.data, Date.now())
    const paid = formatFen(money.paidFen)
    if (!refund.tier) return t('staffOrder.cancelRefundAll', { paid, amount: formatFen(refund.amountFen) })
    const tier = refund.tier.minDaysBefore > 0 ? t('staffOrder.tierDays', { days: refund.tier.minDaysBefore, percent: refund.tier.percent }) : t('staffOrder.tierAny', { percent: refund.tier.percent })
    return t('staffOrder.cancelRefund', { paid, tier, amount: formatFen(refund.amountFen) })
  }

  const cancel = async () => {
    const answer = await Taro.showModal({
      title: t('staffOrder.cancelTitle'),
      content: cancelText(),
      confirmText: t('staffOrder.cancelConfirm'),
      cancelText: t('staffOrder.keep'),
      confirmColor: '#d23c3c',
    })
    if (answer.confirm) await advance('cancelled', t('staffOrder.cancelled'))
  }

  const buttons: ReactElement[] = []
  const notes: { text: string; warning?: boolean }[] = []
  const note = (text: string, warning = false) => notes.push({ text, warning })
  const primary = (key: string, label: string, onClick: () => void, disabled = false) =>
    buttons.push(
      <Button key={key} block type="primary" disabled={disabled || (busy !== undefined && busy !== key)} loading={busy === key} onClick={onClick}>
        {label}
      </Button>,
    )
  const takeable = (order.stage === 'retouching' || order.stage === 'designing') && !order.assignee && canUse(principal, takeOrder.access)

  switch (order.stage) {
    case 'pending_deposit':
      if (money) note(t('staffOrder.next.pending_deposit', { amount: formatFen(money.depositFen) }))
      break
    case 'confirmed':
      if (may('shot')) primary('to-shot', t('staffOrder.markShot'), () => void advance('shot', t('staffOrder.done')))
      else note(t('staffOrder.next.confirmed'))
      break
    case 'shot':
      if (may('selecting')) {
        primary('to-selecting', t('staffOrder.publishProofs'), () => void advance('selecting', t('staffOrder.done')), !photoCount)
        if (!photoCount) note(t('staffOrder.uploadProofsFirst'))
      } else note(t('staffOrder.next.shot'))
      break
    case 'selecting':
      note(canUse(principal, confirmSelection.access) ? t('staffOrder.next.selectingDesk') : t('staffOrder.next.selecting'))
      break
    case 'retouching':
      if (takeable) primary('take', t('queue.take'), () => void run('take', () => call(takeOrder, { orderId: order.id }), t('queue.taken')))
      if (may('designing')) primary('to-designing', t('staffOrder.retouchingDone'), () => void advance('designing', t('staffOrder.done')))
      if (!takeable && !may('designing')) note(t('staffOrder.next.retouching'))
      break
    case 'designing':
      if (takeable) primary('take', t('queue.take'), () => void run('take', () => call(takeOrder, { orderId: order.id }), t('queue.taken')))
      if (may('proofing')) {
        primary('to-proofing', t('staffOrder.sendForApproval'), () => void advance('proofing', t('staffOrder.done')), !photoCount)
        if (!photoCount) note(t('staffOrder.uploadDesignFirst'))
      }
      if (!takeable && !may('proofing')) note(t('staffOrder.next.designing'))
      break
    case 'proofing':
      if (canUse(principal, decideProof.access) && may('producing')) {
        primary('approve', t('staffOrder.approveDesign'), () => void run('approve', () => call(decideProof, { orderId: order.id, decision: 'approve' }), t('staffOrder.done')))
        if (!revising) {
          buttons.push(
            <Button key="revise" block fill="outline" disabled={busy !== undefined} onClick={() => setRevising(true)}>
              {t('staffOrder.requestRevision')}
            </Button>,
          )
        }
      } else note(t('staffOrder.next.proofing'))
      break
    case 'producing':
      if (!order.labSentAt && canUse(principal, sendToLab.access)) primary('lab', t('staffOrder.sendToLab'), () => void run('lab', () => call(sendToLab, { orderId: order.id }), t('staffOrder.done')))
      if (order.labSentAt) note(t('staffOrder.labSent', { time: dates.dayTime(order.labSentAt) }))
      if (order.labSentAt && may('ready')) primary('to-ready', t('staffOrder.backFromLab'), () => void advance('ready', t('staffOrder.done')))
      if (!order.labSentAt && !canUse(principal, sendToLab.access)) note(t('staffOrder.next.producing'))
      break
    case 'ready':
      if (may('completed')) {
        primary('to-completed', t('staffOrder.handOver'), () => void advance('completed', t('staffOrder.handedOver')), (money?.balanceFen ?? 0) > 0)
        if (money && money.balanceFen > 0) note(t('staffOrder.balanceBlocksHandOver', { amount: formatFen(money.balanceFen) }), true)
      } else note(t('staffOrder.next.ready'))
      break
    case 'completed':
    case 'cancelled':
      // A finished order has no next step; its header says where it ended.
      return null
  }

  if (buttons.length === 0 && notes.length === 0 && !mayCancel) return null

  return (
    <Card title={t('staffOrder.nextStep')}>
      {notes.map((item) => (
        <Text key={item.text} className={`staff-order__note${item.warning ? ' staff-order__note--warning' : ''}`}>
          {item.text}
        </Text>
      ))}
      <FormMessage message={action.message} />
      {buttons.length > 0 && <View className="staff-order__buttons">{buttons}</View>}
      {revising && (
        <View className="staff-order__revise">
          <TextArea value={comment} onChange={setComment} placeholder={t('staffOrder.revisionPlaceholder')} maxLength={500} autoSize />
          <View className="staff-order__inline-buttons">
            <Button size="small" fill="none" onClick={() => setRevising(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="small"
              type="primary"
              disabled={!comment.trim()}
              loading={busy === 'revise'}
              onClick={async () => {
                const ok = await run('revise', () => call(decideProof, { orderId: order.id, decision: 'revise', comment: comment.trim() }), t('staffOrder.done'))
                if (ok) {
                  setRevising(false)
                  setComment('')
                }
              }}
            >
              {t('staffOrder.sendRevision')}
            </Button>
          </View>
        </View>
      )}
      {mayCancel && (
        <View className="staff-order__cancel">
          <Text className="staff-order__cancel-link" onClick={cancel}>
            {t('staffOrder.cancelOrder')}
          </Text>
        </View>
      )}
    </Card>
  )
}
