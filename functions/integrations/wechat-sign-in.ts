import { createHash } from 'node:crypto'
import { DomainError } from '../domain/errors'
import type { WeChatIdentity, WeChatSignIn } from '../identity/ports'


/** The real adapter: WeChat's jscode2session with the mini-program's app id and secret. */
export class WeChatCode2Session implements WeChatSignIn {
  readonly simulated = false
  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly endpoint = 'https://api.weixin.qq.com/sns/jscode2session',
  ) {}

  async code2session(code: string): Promise<WeChatIdentity> {
    const url = new URL(this.endpoint)
    url.search = new URLSearchParams({
      appid: this.appId,
      secret: this.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString()
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
    const body = (await response.json()) as { openid?: string; unionid?: string; session_key?: string; errcode?: number; errmsg?: string }
    if (!body.openid || !body.session_key) {
      // 40029: invalid code, 40163: code already used — both mean "sign in again".
      throw new DomainError('UNAUTHENTICATED', `WeChat refused the sign-in code (${body.errcode ?? response.status})`)
    }
    return { openId: body.openid, unionId: body.unionid, sessionKey: body.session_key }
  }
}

/**
 * SIMULATED WeChat sign-in, for local use and tests only: a code `dev:<name>` stands for
 * the WeChat user <name>. The composition root refuses it outside local and test stages.
 */
export class SimulatedWeChatSignIn implements WeChatSignIn {
  readonly simulated = true
  async code2session(code: string): Promise<WeChatIdentity> {
    if (!code.startsWith('dev:') || code.length < 5) {
      throw new DomainError('UNAUTHENTICATED', 'The simulated WeChat sign-in takes codes of the form dev:<name>')
    }
    const digest = createHash('sha256').update(code.slice(4)).digest('hex')
    return { openId: `sim_${digest.slice(0, 24)}`, sessionKey: `sim_${digest.slice(24, 48)}` }
  }
}
