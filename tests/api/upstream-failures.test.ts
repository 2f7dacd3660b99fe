import { http, ok, signInCustomer } from '../support/http'
import { newStudio } from '../support/studio'

/**
 * WeChat failing, as a customer's phone sees it over HTTP: the simulated WeChat of the test stage
 * fails on demand (`dev:fail:<failure>`, `dev-phone:fail:<failure>`, functions/integrations/simulated-failures.ts)
 * exactly as the real adapters fail on WeChat's answers, and each failure is the documented
 * status and code — with `retry-after` where coming back later helps — and changes nothing.
 */
let studio: Awaited<ReturnType<typeof newStudio>>
beforeAll(async () => {
  studio = await newStudio(undefined, '微信故障影楼')
})

const signIn = (code: string) => http('POST', '/auth/wechat/sign-in', { body: { studioCode: studio.code, code, nickname: '小周' } })

describe('WeChat failing over HTTP', () => {
  it('answers a sign-in code WeChat refuses with 400 WECHAT_CODE_INVALID, and no customer is made', async () => {
    const answer = await signIn('dev:fail:invalid-code')
    expect([answer.status, answer.body.error.code]).toEqual([400, 'WECHAT_CODE_INVALID'])
    expect(answer.headers.get('retry-after')).toBeNull()
    // Nobody was made from the failed code: the first real sign-in after it is a new customer.
    const first = ok(await signIn('dev:after-a-failed-code'), 'sign-in')
    expect(first.isNewCustomer).toBe(true)
  })

  it('answers WeChat rate-limiting, busy or down with 503 UPSTREAM_UNAVAILABLE and retry-after', async () => {
    for (const [failure, seconds] of [['rate-limited', 60], ['busy', 5], ['unavailable', 30]] as const) {
      const answer = await signIn(`dev:fail:${failure}`)
      expect([answer.status, answer.body.error.code, answer.body.error.details.retryAfterSeconds]).toEqual([503, 'UPSTREAM_UNAVAILABLE', seconds])
      expect(answer.headers.get('retry-after')).toBe(String(seconds))
    }
  })

  it('answers WeChat refusing the studio’s own app secret with 502 UPSTREAM_REFUSED', async () => {
    const answer = await signIn('dev:fail:refused')
    expect([answer.status, answer.body.error.code]).toEqual([502, 'UPSTREAM_REFUSED'])
  })

  it('answers a failing phone-number exchange with its code and leaves the profile as it was', async () => {
    const customer = await signInCustomer(studio.code, 'phone-fails')
    for (const [failure, status, code] of [['invalid-code', 400, 'WECHAT_CODE_INVALID'], ['rate-limited', 503, 'UPSTREAM_UNAVAILABLE'], ['unavailable', 503, 'UPSTREAM_UNAVAILABLE'], ['refused', 502, 'UPSTREAM_REFUSED']] as const) {
      const answer = await http('POST', '/me/phone', { token: customer.token, body: { code: `dev-phone:fail:${failure}` } })
      expect([answer.status, answer.body.error.code]).toEqual([status, code])
    }
    expect(ok(await http('GET', '/me/profile', { token: customer.token }), 'profile').phone).toBeUndefined()
    // WeChat answering again, the same customer's number is confirmed.
    expect(ok(await http('POST', '/me/phone', { token: customer.token, body: { code: 'dev-phone:13912345679' } }), 'phone').confirmed).toBe(true)
  })
})
