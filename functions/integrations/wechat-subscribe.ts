import type { MessageTemplate, ReminderSender } from '../scheduling/ports'
import type { WeChatAccessToken } from './wechat-access-token'
import { weChatFailure, type WeChatAnswer } from './wechat-api'

const SERVICE = 'WeChat (subscription message)'

/** The customer has no subscription left for the template (43101): nothing to send, nothing to retry. */
const NOT_SUBSCRIBED = 43101

/** The real adapter: the mini-program's access token, then subscribeMessage.send with each message's template. */
export class WeChatSubscribeMessages implements ReminderSender {
  readonly simulated = false
  constructor(
    private readonly token: WeChatAccessToken,
    private readonly templates: Partial<Record<MessageTemplate, string>>,
    private readonly page = 'pages/orders/index',
  ) {}

  templateId(template: MessageTemplate) {
    return this.templates[template]
  }

  async send(message: { openId: string; template: MessageTemplate; data: Record<string, string> }) {
    const templateId = this.templates[message.template]
    // A message without a configured template cannot be sent; the outbox still records it.
    if (!templateId) return
    const body = await this.token.call<WeChatAnswer>(SERVICE, '/cgi-bin/message/subscribe/send', {
      touser: message.openId,
      template_id: templateId,
      page: this.page,
      data: Object.fromEntries(Object.entries(message.data).map(([k, v]) => [k, { value: v.slice(0, 20) }])),
    })
    if (body.errcode === NOT_SUBSCRIBED) return
    const failure = weChatFailure(SERVICE, body)
    if (failure) throw failure
  }
}

/** SIMULATED subscription messages, for local use and tests: the outbox records what would have been sent. */
export class SimulatedSubscribeMessages implements ReminderSender {
  readonly simulated = true
  templateId() {
    return undefined
  }
  async send() {}
}
