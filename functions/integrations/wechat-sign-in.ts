import { createHash } from 'node:crypto'
import { DomainError } from '../domain/errors'
import type { WeChatIdentity, WeChatSignIn } from '../identity/ports'
import { callWeChat, upstreamUnavailable, WECHAT_API, weChatFailure, type WeChatAnswer, type WeChatApi } from './wechat-api'
import { simulatedFailure } from './simulated-failures'

const SERVICE = 'WeChat (sign-in)'

/** The real adapter: WeChat's jscode2session with the mini-program's app id and secret. */
export class WeChatCode2Session implements WeChatSignIn {
  readonly simulated = false
  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly api: WeChatApi = WECHAT_API,
  ) {}

  async code2session(code: string): Promise<WeChatIdentity> {
    const body = await callWeChat<WeChatAnswer & { openid?: string; unionid?: string; session_key?: string }>(this.api, SERVICE, '/sns/jscode2session', {
      query: { appid: this.appId, secret: this.appSecret, js_code: code, grant_type: 'authorization_code' },
    })
    // 40029: invalid code, 40163: code already used — both mean "wx.login again".
    const failure = weChatFailure(SERVICE, body)
    if (failure) throw failure
    if (!body.openid || !body.session_key) throw upstreamUnavailable(SERVICE, 'no openid in the answer')
    return { openId: body.openid, unionId: body.unionid, sessionKey: body.session_key }
  }
}

/**
 * SIMULATED WeChat sign-in, for local use and tests only: a code `dev:<name>` stands for
 * the WeChat user <name>; `dev:fail:<failure>` for WeChat failing (simulated-failures.ts).
 * The composition root refuses it outside local and test stages.
 */
export class SimulatedWeChatSignIn implements WeChatSignIn {
  readonly simulated = true
  async code2session(code: string): Promise<WeChatIdentity> {
    if (!code.startsWith('dev:') || code.length < 5) {
      throw new DomainError('WECHAT_CODE_INVALID', 'The simulated WeChat sign-in takes codes of the form dev:<name>')
    }
    const failure = simulatedFailure(SERVICE, code.slice(4))
    if (failure) throw failure
    const digest = createHash('sha256').update(code.slice(4)).digest('hex')
    return { openId: `sim_${digest.slice(0, 24)}`, sessionKey: `sim_${digest.slice(24, 48)}` }
  }
}
