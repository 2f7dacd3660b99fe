import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NoticeKind, OrderNotices as Notices } from '../../../types/notices'
import { myOrderNotices, subscribeOrderNotices } from '../../../types/notice-operations'
import { call } from '../../api'
import { Card } from '../../components/Card'
import { FormMessage } from '../../components/FormField'
import { Button } from '../../components/ui'
import { useQuery } from '../../hooks/useQuery'
import { useSubmit } from '../../hooks/useSubmit'
import { useI18n } from '../../i18n'
import { momentLabel } from '../../lib/order-labels'

const inWeChat = process.env.TARO_ENV === 'weapp'

/**
 * The kinds WeChat's consent sheet allowed: one tap per template, each good for one message.
 * Where no template is configured, the app cannot ask and nothing can be sent.
 */
async function askWeChat(open: Notices['items']): Promise<NoticeKind[]> {
  const templated = open.filter((item) => item.templateId)
  if (templated.length === 0) return []
  try {
    // Taro's typing wants Alipay's entityIds as well; WeChat ignores it. A refusal rejects, so an answer is the success result.
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: templated.map((item) => item.templateId!), entityIds: [] })) as Taro.requestSubscribeMessage.SuccessCallbackResult
    return templated.filter((item) => answer[item.templateId!] === 'accept').map((item) => item.kind)
  } catch {
    return []
  }
}

/**
 * The customer agrees, by a tap, to be told when the photos are ready to select, the design is ready
 * to review and the order is ready for pick-up. Inside WeChat the tap opens WeChat's consent sheet;
 * outside WeChat (locally, in tests) a labelled stand-in records the consent, and the messages go
 * to the studio's outbox instead of WeChat.
 */
export function OrderNotices({ orderId, timeZone }: { orderId: string; timeZone: string }) {
  const { t } = useI18n()
  const notices = useQuery(() => call(myOrderNotices, { orderId }), [orderId])
  const form = useSubmit()
  if (!notices.data) return null
  const open = notices.data.items.filter((item) => !item.consented && !item.sentAt)
  const subscribe = () =>
    form.submit(async () => {
      const kinds = inWeChat ? await askWeChat(open) : open.map((item) => item.kind)
      // The customer allowed none in WeChat's prompt: nothing is sent.
      if (kinds.length === 0) return
      await call(subscribeOrderNotices, { orderId, kinds })
      await notices.reload()
    })
  return (
    <Card title={t('notices.title')}>
      <Text className="order__notice-lead">{t('notices.lead')}</Text>
      {notices.data.items.map((item) => (
        <View key={item.kind} className={`order__notice order__notice--${item.sentAt ? 'sent' : item.consented ? 'on' : 'off'}`}>
          <Text className="order__notice-kind">{t(`notices.kind.${item.kind}`)}</Text>
          <Text className="order__notice-state">
            {item.sentAt ? t('notices.sentAt', { at: momentLabel(t, item.sentAt, timeZone) }) : item.consented ? t('notices.on') : t('notices.off')}
          </Text>
        </View>
      ))}
      <FormMessage message={form.message} />
      {open.length > 0 && (
        <View className="order__notice-actions">
          <Button block type="primary" fill="outline" loading={form.saving} onClick={subscribe}>
            {inWeChat ? t('notices.subscribe') : t('notices.subscribeSimulated')}
          </Button>
          {!inWeChat && <Text className="order__notice-lead">{t('notices.simulatedNote')}</Text>}
        </View>
      )}
    </Card>
  )
}
