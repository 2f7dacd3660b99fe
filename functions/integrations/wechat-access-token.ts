/** The mini-program's server access token (client_credential), fetched once and kept until shortly before it expires. */
export class WeChatAccessToken {
  private token?: { value: string; expiresAt: number }
  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
  ) {}

  async value(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 60_000) return this.token.value
    const url = new URL('https://api.weixin.qq.com/cgi-bin/token')
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: this.appId, secret: this.appSecret }).toString()
    const body = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as { access_token?: string; expires_in?: number; errcode?: number }
    if (!body.access_token) throw new Error(`WeChat refused an access token (${body.errcode})`)
    this.token = { value: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 7200) * 1000 }
    return this.token.value
  }
}
