import type { MessageTemplate, ReminderSender } from '../scheduling/ports'
import { WeChatAccessToken } from './wechat-access-token'

/** The real adapter: an access token from the app id and secret, then subscribeMessage.send with each message's template. */
export class WeChatSubscribeMessages implements ReminderSender {
  readonly simulated = false
  private readonly token: WeChatAccessToken
  constructor(
    appId: string,
    appSecret: string,
    private readonly templates: Partial<Record<MessageTemplate, string>>,
    private readonly page = 'pages/orders/index',
  ) {
    this.token = new WeChatAccessToken(appId, appSecret)
  }

  templateId(template: MessageTemplate) {
    return this.templates[template]
  }

  async send(message: { openId: string; template: MessageTemplate; data: Record<string, string> }) {
    const templateId = this.templates[message.template]
    // A message without a configured template cannot be sent; the outbox still records it.
    if (!templateId) return
    const url = `https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(await this.token.value())}`
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: message.openId,
        template_id: templateId,
        page: this.page,
        data: Object.fromEntries(Object.entries(message.data).map(([k, v]) => [k, { value: v.slice(0, 20) }])),
      }),
      signal: AbortSignal.timeout(5000),
    })
    const body = (await response.json()) as { errcode?: number; errmsg?: string }
    // 43101: the customer has no subscription left; nothing to retry.
    if (body.errcode && body.errcode !== 43101) throw new Error(`WeChat refused the reminder (${body.errcode} ${body.errmsg})`)
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
