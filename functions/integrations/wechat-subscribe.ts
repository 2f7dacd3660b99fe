import type { ReminderSender } from '../scheduling/ports'

/** The real adapter: an access token from the app id and secret, then subscribeMessage.send. */
export class WeChatSubscribeMessages implements ReminderSender {
  readonly simulated = false
  private token?: { value: string; expiresAt: number }
  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly templateId: string,
    private readonly page = 'pages/orders/index',
  ) {}

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 60_000) return this.token.value
    const url = new URL('https://api.weixin.qq.com/cgi-bin/token')
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: this.appId, secret: this.appSecret }).toString()
    const body = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as { access_token?: string; expires_in?: number; errcode?: number }
    if (!body.access_token) throw new Error(`WeChat refused an access token (${body.errcode})`)
    this.token = { value: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 7200) * 1000 }
    return this.token.value
  }

  async send(message: { openId: string; data: Record<string, string> }) {
    const url = `https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(await this.accessToken())}`
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: message.openId,
        template_id: this.templateId,
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
  async send() {}
}
