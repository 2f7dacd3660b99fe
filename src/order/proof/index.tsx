import { Image, View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Image as ImageIcon, Success } from '@nutui/icons-react-taro'
import { useState } from 'react'
import { decideProof, getOrder, listPhotos } from '../../../types/order-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormField, FormMessage } from '../../components/FormField'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button, TextArea } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { useSubmit } from '../../hooks/useSubmit'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useRequiredSession } from '../../hooks/useRequiredSession'
import { useStudioTimeZone } from '../../hooks/useStudioTimeZone'
import { useI18n } from '../../i18n'
import { momentLabel } from '../../lib/order-labels'
import './index.scss'

/** 看版: the customer looks through the album design page by page, then approves it or says what to change. */
export default function ProofPage() {
  const { t } = useI18n()
  usePageTitle('proof.title')
  const orderId = useRouter().params.orderId ?? ''
  const session = useRequiredSession('customer')
  const signedIn = session !== null
  const pages = useQuery(() => call(listPhotos, { orderId, kind: 'design' }), [orderId], signedIn)
  const order = useQuery(() => call(getOrder, { orderId }), [orderId], signedIn)
  const timeZone = useStudioTimeZone()
  const [revising, setRevising] = useState(false)
  const [comment, setComment] = useState('')
  const [commentError, setCommentError] = useState<string>()
  const [decided, setDecided] = useState<'approve' | 'revise'>()
  const feedback = useSubmit()
  const busy = feedback.busy

  usePullDownRefresh(pages, order)
  if (!session) return null
  const failure = pages.error ?? order.error
  if (failure !== undefined && (!pages.data || !order.data)) return <ErrorState error={failure} onRetry={() => void Promise.all([pages.reload(), order.reload()])} />
  if (!pages.data || !order.data) return <LoadingState />
  const { items } = pages.data
  const current = order.data.order
  const earlier = current.proofRounds.filter((round) => round.decision === 'revision' && round.comment)

  if (decided) {
    return (
      <View className="screen">
        <EmptyState
          icon={<Success size={28} />}
          title={decided === 'approve' ? t('proof.approvedTitle') : t('proof.revisedTitle')}
          description={decided === 'approve' ? t('proof.approvedText') : t('proof.revisedText')}
          action={{ label: t('proof.backToOrder'), onClick: () => Taro.navigateBack() }}
        />
      </View>
    )
  }

  if (items.length === 0) {
    return (
      <View className="screen">
        <EmptyState icon={<ImageIcon size={28} />} title={t('proof.noPagesTitle')} description={t('proof.noPagesText')} />
      </View>
    )
  }

  const open = current.stage === 'proofing'
  const urls = items.map((page) => page.previewUrl)

  const decide = (decision: 'approve' | 'revise') =>
    feedback.run(decision, async () => {
      setCommentError(undefined)
      if (decision === 'revise' && comment.trim() === '') {
        setCommentError(t('proof.commentRequired'))
        return
      }
      if (decision === 'approve') {
        const answer = await Taro.showModal({
          title: t('proof.approveTitle'),
          content: t('proof.approveText'),
          confirmText: t('proof.approveConfirm'),
          cancelText: t('common.cancel'),
          confirmColor: '#a8385a',
        })
        if (!answer.confirm) return
      }
      await call(decideProof, decision === 'approve' ? { orderId, decision } : { orderId, decision, comment: comment.trim() })
      setDecided(decision)
    })

  return (
    <View className="screen proof">
      <Text className="proof__intro">{open ? t('proof.intro', { count: items.length }) : t('proof.closed')}</Text>
      {items.map((page, index) => (
        <View key={page.id} className="proof__page" onClick={() => void Taro.previewImage({ current: page.previewUrl, urls })}>
          <Image className="proof__image" src={page.previewUrl} mode="widthFix" lazyLoad />
          <Text className="proof__number">{t('proof.pageNumber', { page: index + 1, total: items.length })}</Text>
        </View>
      ))}

      {earlier.length > 0 && (
        <Card title={t('proof.earlierComments')}>
          {earlier.map((round) => (
            <View key={round.round} className="proof__comment">
              <Text className="proof__comment-meta">
                {round.decidedAt ? t('proof.roundAt', { round: round.round, time: momentLabel(t, round.decidedAt, timeZone) }) : t('proof.round', { round: round.round })}
              </Text>
              <Text className="proof__comment-text">{round.comment}</Text>
            </View>
          ))}
        </Card>
      )}

      {open && (
        <View className="proof__decision">
          {revising && (
            <Card title={t('proof.reviseTitle')}>
              <FormField label={t('proof.commentLabel')} error={commentError} hint={t('proof.commentHint')}>
                <TextArea
                  value={comment}
                  onChange={(value) => {
                    setComment(value)
                    if (value.trim() !== '') setCommentError(undefined)
                  }} maxLength={500} rows={4} placeholder={t('proof.commentPlaceholder')} />
              </FormField>
            </Card>
          )}
          <FormMessage message={feedback.message} />
          {revising ? (
            <View className="proof__buttons">
              <Button block type="primary" loading={busy === 'revise'} disabled={busy !== undefined} onClick={() => void decide('revise')}>
                {t('proof.sendRevision')}
              </Button>
              <Button block fill="outline" disabled={busy !== undefined} onClick={() => setRevising(false)}>
                {t('common.cancel')}
              </Button>
            </View>
          ) : (
            <View className="proof__buttons">
              <Button block type="primary" loading={busy === 'approve'} disabled={busy !== undefined} onClick={() => void decide('approve')}>
                {t('proof.approve')}
              </Button>
              <Button block fill="outline" disabled={busy !== undefined} onClick={() => setRevising(true)}>
                {t('proof.revise')}
              </Button>
            </View>
          )}
        </View>
      )}
    </View>
  )
}
