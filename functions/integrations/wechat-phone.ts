import { DomainError } from '../domain/errors'
import type { WeChatPhoneNumbers } from '../customers/ports'
import type { WeChatAccessToken } from './wechat-access-token'
import { upstreamUnavailable, weChatFailure, type WeChatAnswer } from './wechat-api'
import { simulatedFailure } from './simulated-failures'

const SERVICE = 'WeChat (phone number)'

/** The real adapter: the code of the mini-program's getPhoneNumber button, exchanged with WeChat for the number it stands for. */
export class WeChatPhoneNumberExchange implements WeChatPhoneNumbers {
  readonly simulated = false
  constructor(private readonly token: WeChatAccessToken) {}

  async phoneOf(code: string): Promise<string> {
    const body = await this.token.call<WeChatAnswer & { phone_info?: { purePhoneNumber?: string; countryCode?: string } }>(SERVICE, '/wxa/business/getuserphonenumber', { code })
    const failure = weChatFailure(SERVICE, body)
    if (failure) throw failure
    const info = body.phone_info
    if (!info?.purePhoneNumber) throw upstreamUnavailable(SERVICE, 'no phone number in the answer')
    return info.countryCode && info.countryCode !== '86' ? `+${info.countryCode}${info.purePhoneNumber}` : info.purePhoneNumber
  }
}

/**
 * SIMULATED phone-number exchange, for local use and tests only: a code `dev-phone:<number>` stands
 * for WeChat confirming <number>; `dev-phone:fail:<failure>` for WeChat failing (simulated-failures.ts).
 * The composition root uses it only where WeChat sign-in is simulated.
 */
export class SimulatedPhoneNumberExchange implements WeChatPhoneNumbers {
  readonly simulated = true
  async phoneOf(code: string): Promise<string> {
    if (!code.startsWith('dev-phone:')) throw new DomainError('WECHAT_CODE_INVALID', 'The simulated phone exchange takes codes of the form dev-phone:<number>')
    const rest = code.slice('dev-phone:'.length)
    const failure = simulatedFailure(SERVICE, rest)
    if (failure) throw failure
    return rest
  }
}
