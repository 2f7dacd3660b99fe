import { callWeChat, TOKEN_EXPIRED, upstreamUnavailable, WECHAT_API, weChatFailure, type WeChatAnswer, type WeChatApi } from './wechat-api'

const SERVICE = 'WeChat (access token)'

/** The mini-program's server access token (client_credential), fetched once and kept until shortly before it expires. */
export class WeChatAccessToken {
  private token?: { value: string; expiresAt: number }
  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
    readonly api: WeChatApi = WECHAT_API,
  ) {}

  async value(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 60_000) return this.token.value
    const body = await callWeChat<WeChatAnswer & { access_token?: string; expires_in?: number }>(this.api, SERVICE, '/cgi-bin/token', {
      query: { grant_type: 'client_credential', appid: this.appId, secret: this.appSecret },
    })
    if (!body.access_token) throw weChatFailure(SERVICE, body) ?? upstreamUnavailable(SERVICE, 'no token in the answer')
    this.token = { value: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 7200) * 1000 }
    return this.token.value
  }

  /**
   * A call made with the token; when WeChat answers that the token is invalid or expired (another
   * server fetched a new one, say), a new token is fetched and the call made once more.
   */
  async call<T extends WeChatAnswer>(service: string, path: string, json: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const body = await callWeChat<T>(this.api, service, path, { query: { access_token: await this.value() }, json })
      if (body.errcode !== undefined && TOKEN_EXPIRED.has(body.errcode) && attempt === 0) {
        this.token = undefined
        continue
      }
      return body
    }
  }
}
