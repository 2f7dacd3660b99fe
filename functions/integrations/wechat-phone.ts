import { DomainError } from '../domain/errors'
import type { WeChatPhoneNumbers } from '../customers/ports'
import { WeChatAccessToken } from './wechat-access-token'

/** The real adapter: the code of the mini-program's getPhoneNumber button, exchanged with WeChat for the number it stands for. */
export class WeChatPhoneNumberExchange implements WeChatPhoneNumbers {
  readonly simulated = false
  private readonly token: WeChatAccessToken
  constructor(appId: string, appSecret: string) {
    this.token = new WeChatAccessToken(appId, appSecret)
  }

  async phoneOf(code: string): Promise<string> {
    const url = `https://api.weixin.qq.com/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(await this.token.value())}`
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
      signal: AbortSignal.timeout(5000),
    })
    const body = (await response.json()) as { errcode?: number; phone_info?: { purePhoneNumber?: string; countryCode?: string } }
    const info = body.phone_info
    // 40029: the code is invalid or already used; the customer taps the button again.
    if (!info?.purePhoneNumber) throw new DomainError('PRECONDITION_FAILED', `WeChat did not confirm the phone number (${body.errcode ?? response.status})`)
    return info.countryCode && info.countryCode !== '86' ? `+${info.countryCode}${info.purePhoneNumber}` : info.purePhoneNumber
  }
}

/**
 * SIMULATED phone-number exchange, for local use and tests only: a code `dev-phone:<number>` stands
 * for WeChat confirming <number>. The composition root uses it only where WeChat sign-in is simulated.
 */
export class SimulatedPhoneNumberExchange implements WeChatPhoneNumbers {
  readonly simulated = true
  async phoneOf(code: string): Promise<string> {
    if (!code.startsWith('dev-phone:')) throw new DomainError('PRECONDITION_FAILED', 'The simulated phone exchange takes codes of the form dev-phone:<number>')
    return code.slice('dev-phone:'.length)
  }
}
