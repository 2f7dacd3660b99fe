import { TEST_SESSION_SECRET } from '../support/constants'
import { isolatedTable, newStudio } from '../support/studio'
import { generateWeChatPayKeys, signedNotification, weChatPayEnv } from '../support/wechat-pay'

/** The environment WeChat CloudBase sets for a cloud function called from the mini-program. */
const cloudbaseRuntime = (openId: string) => ({
  TENCENTCLOUD_RUNENV: 'SCF',
  SCF_NAMESPACE: 'studio-erp-test-env',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP',
  WX_OPENID: openId,
  WX_APPID: 'wx0000000000000000',
  WX_CLIENTIP: '10.0.0.1',
})

type CloudMain = (event: unknown, context?: unknown) => Promise<any>

const payKeys = generateWeChatPayKeys()

describe('the CloudBase cloud-function entry', () => {
  let studio: Awaited<ReturnType<typeof newStudio>>
  const saved = { ...process.env }
  let main: CloudMain
  let table: Awaited<ReturnType<typeof isolatedTable>>

  beforeAll(async () => {
    table = await isolatedTable()
    const { tableName, deps } = table
    studio = await newStudio(deps)
    Object.assign(process.env, cloudbaseRuntime('oAbCdEfGhIjKlMnOpQrStUvWxYz0'), {
      STAGE: 'test',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: process.env.TEST_DYNAMODB_ENDPOINT,
      SESSION_SECRET: TEST_SESSION_SECRET,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      // In WeChat's cloud the real code2session adapter is configured (and never called: the runtime vouches for the OPENID).
      WECHAT_SIGN_IN: 'wechat',
      WECHAT_APP_ID: 'wx0000000000000000',
      WECHAT_APP_SECRET: 'not-used-by-this-test',
      // WeChat Pay and photo storage as configured in the cloud (not called by these tests).
      ...weChatPayEnv(payKeys, 'wechat'),
      FILE_STORE: 'cloudbase',
      CLOUDBASE_ENV: 'studio-erp-test-env',
    })
    jest.isolateModules(() => {
      main = require('../../functions/handlers/cloudbase').main
    })
  })
  afterAll(() => {
    process.env = saved
  })

  it('signs the customer in by the OPENID the runtime vouches for and links it', async () => {
    const first = await main({ op: 'auth.wechatSignIn', input: { studioCode: studio.code, code: 'ignored-in-cloud' } }, { request_id: 'r1' })
    expect(first.result.isNewCustomer).toBe(true)
    const again = await main({ op: 'auth.wechatSignIn', input: { studioCode: studio.code, code: 'another' } })
    expect(again.result.principal.id).toBe(first.result.principal.id)

    const profile = await main({ op: 'customers.getMyProfile', input: {}, token: first.result.token })
    expect(profile.result.id).toBe(first.result.principal.id)
  })

  it('runs staff operations with the same roles and errors as HTTP', async () => {
    const signedIn = await main({ op: 'auth.staffSignIn', input: { studioCode: studio.code, username: 'photographer', password: 'correct-horse-battery' } })
    const refused = await main({ op: 'staff.list', input: {}, token: signedIn.result.token })
    expect(refused).toMatchObject({ status: 403, error: { code: 'FORBIDDEN' } })
  })

  it('refuses an unknown operation and bad input clearly', async () => {
    expect(await main({ op: 'orders.steal', input: {} })).toMatchObject({ status: 404, error: { code: 'ROUTE_NOT_FOUND' } })
    const bad = await main({ op: 'auth.staffSignIn', input: { studioCode: studio.code, username: 'x' } })
    expect(bad).toMatchObject({ status: 400, error: { code: 'VALIDATION_FAILED' } })
  })

  it('takes WeChat Pay notifications over CloudBase HTTP access: verified ones answered 204, forged ones 401 FAIL', async () => {
    const http = (request: { headers: Record<string, string | undefined>; body: string }) =>
      main({ httpMethod: 'POST', path: '/studio-erp/payments/wechat/notify', headers: request.headers, body: request.body, isBase64Encoded: false })
    // A closed (unpaid) transaction verifies and changes nothing.
    expect(await http(signedNotification(payKeys, { trade_state: 'CLOSED' }))).toMatchObject({ statusCode: 204 })
    const forged = await http(signedNotification(payKeys, {}, { tamper: 'signature' }))
    expect(forged).toMatchObject({ statusCode: 401 })
    expect(JSON.parse(forged.body)).toMatchObject({ code: 'FAIL' })
    expect(await main({ httpMethod: 'GET', path: '/studio-erp/orders' })).toMatchObject({ statusCode: 404 })
  })

  describe('sign-in windows: each caller counts against their own', () => {
    let other: Awaited<ReturnType<typeof newStudio>>
    beforeAll(async () => {
      other = await newStudio(table.deps, 'Other Studio')
    })
    afterEach(() => {
      Object.assign(process.env, cloudbaseRuntime('oAbCdEfGhIjKlMnOpQrStUvWxYz0'))
    })

    // A different made-up name each guess, so only the source window fills up.
    let guesses = 0
    const strangerGuesses = async (times: number) => {
      const answers: string[] = []
      for (let i = 0; i < times; i++) {
        const r = await main({ op: 'auth.staffSignIn', input: { studioCode: studio.code, username: `nobody${guesses++}`, password: 'wrong-guess-123' } })
        answers.push(r.error?.code ?? 'signed in')
      }
      return answers
    }
    const managerOfOtherStudio = () =>
      main({ op: 'auth.staffSignIn', input: { studioCode: other.code, username: 'manager', password: 'correct-horse-battery' } })

    it('a stranger guessing from one address holds back that address, not another studio’s manager on their own phone', async () => {
      Object.assign(process.env, cloudbaseRuntime('oStrangerOpenId000000000000'), { WX_CLIENTIP: '203.0.113.9' })
      expect(new Set(await strangerGuesses(20))).toEqual(new Set(['INVALID_CREDENTIALS']))
      expect((await strangerGuesses(1))[0]).toBe('RATE_LIMITED')
      // The window is the address's: another WeChat user on it is held back as well.
      Object.assign(process.env, cloudbaseRuntime('oSecondStrangerOpenId000000'), { WX_CLIENTIP: '203.0.113.9' })
      expect((await strangerGuesses(1))[0]).toBe('RATE_LIMITED')

      Object.assign(process.env, cloudbaseRuntime('oManagerOpenId0000000000000'), { WX_CLIENTIP: '198.51.100.77' })
      const manager = await managerOfOtherStudio()
      expect(manager.error).toBeUndefined()
      expect(manager.result.token).toEqual(expect.any(String))
    })

    it('without a client address, callers do not share one window: the WeChat user is the source', async () => {
      const withoutAddress = (openId: string) => {
        Object.assign(process.env, cloudbaseRuntime(openId))
        delete process.env.WX_CLIENTIP
      }
      withoutAddress('oAnotherStrangerOpenId00000')
      expect(new Set(await strangerGuesses(20))).toEqual(new Set(['INVALID_CREDENTIALS']))
      expect((await strangerGuesses(1))[0]).toBe('RATE_LIMITED')

      withoutAddress('oAnotherManagerOpenId000000')
      const manager = await managerOfOtherStudio()
      expect(manager.error).toBeUndefined()
      expect(manager.result.token).toEqual(expect.any(String))
    })
  })
})
