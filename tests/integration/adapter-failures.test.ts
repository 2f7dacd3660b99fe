/**
 * Every way the real WeChat and file-store adapters can fail, answered with the API's own code —
 * never a 500 — and nothing written. WeChat's server API is played by a local HTTP server started
 * here that answers as api.weixin.qq.com does (errcodes in a 200 JSON body, or no answer at all);
 * S3 by one answering S3's XML errors. The adapters run their real code paths against them,
 * through the dispatcher and the real use cases on DynamoDB Local.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { S3Client } from '@aws-sdk/client-s3'
import { ScanCommand } from '@aws-sdk/client-dynamodb'
import { ulid } from 'ulid'
import type { AppDeps } from '../../functions/api/implementations'
import { DomainError } from '../../functions/domain/errors'
import { studioDate } from '../../functions/domain/time'
import { S3FileStore } from '../../functions/integrations/file-store/s3'
import { withUpstreamErrors } from '../../functions/integrations/file-store/upstream-errors'
import { WeChatAccessToken } from '../../functions/integrations/wechat-access-token'
import type { WeChatApi } from '../../functions/integrations/wechat-api'
import { WeChatPhoneNumberExchange } from '../../functions/integrations/wechat-phone'
import { WeChatCode2Session } from '../../functions/integrations/wechat-sign-in'
import { WeChatSubscribeMessages } from '../../functions/integrations/wechat-subscribe'
import { localClient } from '../../scripts/lib/dynamodb-local'
import { TEST_PASSWORD } from '../support/constants'
import { operationsOf } from '../support/dispatch'
import { endpoint, isolatedTable, newStudio } from '../support/studio'

/** What WeChat answers for a code (js_code, or the phone button's code): by the code's name. */
const ANSWERS: Record<string, { status?: number; body?: unknown; hang?: boolean; raw?: string }> = {
  'invalid-code': { body: { errcode: 40029, errmsg: 'invalid code' } },
  'used-code': { body: { errcode: 40163, errmsg: 'code been used' } },
  'rate-limited': { body: { errcode: 45011, errmsg: 'api minute-quota reach limit' } },
  'daily-quota': { body: { errcode: 45009, errmsg: 'reach max api daily quota limit' } },
  busy: { body: { errcode: -1, errmsg: 'system error' } },
  'bad-secret': { body: { errcode: 40125, errmsg: 'invalid appsecret' } },
  'http-502': { status: 502, raw: '<html>Bad Gateway</html>' },
  unreadable: { raw: '<html>not json</html>' },
  hang: { hang: true },
}

let server: Server
let api: WeChatApi
/** Requests WeChat received, by path. */
const seen: string[] = []
/** The access tokens WeChat currently accepts; each token fetch hands out the next one. */
let issued = 0
let acceptedToken = ''
/** What the token endpoint answers instead of a token, when set. */
let tokenAnswer: keyof typeof ANSWERS | undefined

function answer(res: ServerResponse, name: string | undefined, ok: Record<string, unknown>) {
  const planned = name ? ANSWERS[name] : undefined
  if (planned?.hang) return // no answer: the adapter's timeout ends the call
  res.statusCode = planned?.status ?? 200
  res.setHeader('content-type', planned?.raw ? 'text/html' : 'application/json')
  res.end(planned?.raw ?? JSON.stringify(planned?.body ?? ok))
}

function weChat(req: IncomingMessage, res: ServerResponse) {
  let raw = ''
  req.on('data', (chunk: Buffer) => (raw += chunk.toString()))
  req.on('end', () => {
    const url = new URL(req.url!, 'http://wechat.local')
    seen.push(url.pathname)
    const body = raw ? (JSON.parse(raw) as Record<string, string>) : {}
    const tokenOk = url.searchParams.get('access_token') === acceptedToken
    switch (url.pathname) {
      case '/cgi-bin/token':
        acceptedToken = `token-${++issued}`
        return answer(res, tokenAnswer, { access_token: acceptedToken, expires_in: 7200 })
      case '/sns/jscode2session':
        return answer(res, url.searchParams.get('js_code')!, { openid: `o_${url.searchParams.get('js_code')}`, session_key: 'sk' })
      case '/wxa/business/getuserphonenumber':
        if (!tokenOk) return answer(res, undefined, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })
        return answer(res, body.code, { errcode: 0, errmsg: 'ok', phone_info: { purePhoneNumber: body.code, countryCode: '86' } })
      case '/cgi-bin/message/subscribe/send':
        if (!tokenOk) return answer(res, undefined, { errcode: 42001, errmsg: 'access_token expired' })
        if (body.touser === 'unsubscribed') return answer(res, undefined, { errcode: 43101, errmsg: 'user refuse to accept the msg' })
        if (body.touser === 'unknown-user') return answer(res, undefined, { errcode: 40003, errmsg: 'invalid openid' })
        return answer(res, body.touser, { errcode: 0, errmsg: 'ok' })
      default:
        res.statusCode = 404
        res.end()
    }
  })
}

let deps: AppDeps
let tableName: string
let ops: ReturnType<typeof operationsOf>
let studio: Awaited<ReturnType<typeof newStudio>>

/** How many items the table holds: the same before and after a refused call. */
async function itemCount(): Promise<number> {
  let count = 0
  let start: Record<string, unknown> | undefined
  do {
    const page = await localClient(endpoint()).send(new ScanCommand({ TableName: tableName, Select: 'COUNT', ExclusiveStartKey: start as never }))
    count += page.Count ?? 0
    start = page.LastEvaluatedKey
  } while (start)
  return count
}

/** The call's error: its code, status and retry-after, and that the table is as it was. */
async function refusal(call: () => Promise<unknown>) {
  const before = await itemCount()
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`)
  expect(await itemCount()).toBe(before)
  return { code: error.code, status: error.status, retryAfterSeconds: error.details?.retryAfterSeconds }
}

beforeAll(async () => {
  server = createServer(weChat)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  api = { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 400 }
  ;({ deps, tableName } = await isolatedTable())
  const token = new WeChatAccessToken('wx-test-app', 'test-secret', api)
  deps = { ...deps, wechat: new WeChatCode2Session('wx-test-app', 'test-secret', api), phoneNumbers: new WeChatPhoneNumberExchange(token) }
  ops = operationsOf(deps)
  studio = await newStudio(deps, '上游故障影楼')
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((done) => server.close(done))
})

describe('WeChat sign-in (code2session) failing', () => {
  const signIn = (code: string) => () => ops.call('auth.wechatSignIn', { studioCode: studio.code, code, nickname: '小林' })

  it('answers an invalid or used code with WECHAT_CODE_INVALID (400), and creates no customer', async () => {
    expect(await refusal(signIn('invalid-code'))).toEqual({ code: 'WECHAT_CODE_INVALID', status: 400, retryAfterSeconds: undefined })
    expect(await refusal(signIn('used-code'))).toMatchObject({ code: 'WECHAT_CODE_INVALID', status: 400 })
  })

  it('answers WeChat being busy, rate-limited, over its quota, down or silent with UPSTREAM_UNAVAILABLE (503) and when to come back', async () => {
    expect(await refusal(signIn('rate-limited'))).toEqual({ code: 'UPSTREAM_UNAVAILABLE', status: 503, retryAfterSeconds: 60 })
    expect(await refusal(signIn('daily-quota'))).toEqual({ code: 'UPSTREAM_UNAVAILABLE', status: 503, retryAfterSeconds: 600 })
    expect(await refusal(signIn('busy'))).toEqual({ code: 'UPSTREAM_UNAVAILABLE', status: 503, retryAfterSeconds: 5 })
    for (const code of ['http-502', 'unreadable', 'hang']) expect(await refusal(signIn(code))).toEqual({ code: 'UPSTREAM_UNAVAILABLE', status: 503, retryAfterSeconds: 30 })
  })

  it('answers WeChat refusing the studio’s own credentials with UPSTREAM_REFUSED (502)', async () => {
    expect(await refusal(signIn('bad-secret'))).toMatchObject({ code: 'UPSTREAM_REFUSED', status: 502 })
  })

  it('answers a closed port (nothing listening) with UPSTREAM_UNAVAILABLE (503)', async () => {
    const closed = createServer()
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done))
    const port = (closed.address() as AddressInfo).port
    await new Promise((done) => closed.close(done))
    const nowhere = operationsOf({ ...deps, wechat: new WeChatCode2Session('wx', 's', { base: `http://127.0.0.1:${port}`, timeoutMs: 400 }) })
    expect(await refusal(() => nowhere.call('auth.wechatSignIn', { studioCode: studio.code, code: 'good' }))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503 })
  })

  it('still signs a good code in', async () => {
    expect(await signIn('a-good-code')()).toMatchObject({ isNewCustomer: true })
  })
})

describe('the phone-number exchange failing', () => {
  let customer: string
  beforeAll(async () => {
    customer = (await ops.call('auth.wechatSignIn', { studioCode: studio.code, code: 'phone-customer' })).token
  })
  const confirm = (code: string) => () => ops.call('customers.confirmMyPhone', { code }, customer)
  const phone = async () => (await ops.call('customers.getMyProfile', {}, customer)).phone

  it('maps each failure to its code and keeps the profile without a phone', async () => {
    tokenAnswer = undefined
    expect(await refusal(confirm('invalid-code'))).toMatchObject({ code: 'WECHAT_CODE_INVALID', status: 400 })
    expect(await refusal(confirm('rate-limited'))).toEqual({ code: 'UPSTREAM_UNAVAILABLE', status: 503, retryAfterSeconds: 60 })
    expect(await refusal(confirm('hang'))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503 })
    expect(await refusal(confirm('bad-secret'))).toMatchObject({ code: 'UPSTREAM_REFUSED', status: 502 })
    expect(await phone()).toBeUndefined()
  })

  it('maps the access token failing to its code, and nothing is written', async () => {
    const fresh = operationsOf({ ...deps, phoneNumbers: new WeChatPhoneNumberExchange(new WeChatAccessToken('wx-test-app', 'test-secret', api)) })
    for (const [answer, code] of [['bad-secret', 'UPSTREAM_REFUSED'], ['rate-limited', 'UPSTREAM_UNAVAILABLE'], ['hang', 'UPSTREAM_UNAVAILABLE'], ['unreadable', 'UPSTREAM_UNAVAILABLE']] as const) {
      tokenAnswer = answer
      expect(await refusal(() => fresh.call('customers.confirmMyPhone', { code: '13912340001' }, customer))).toMatchObject({ code })
    }
    tokenAnswer = undefined
    expect(await phone()).toBeUndefined()
  })

  it('fetches a new access token when WeChat says the kept one expired (40001), and the number is confirmed', async () => {
    acceptedToken = 'a token another server fetched since'
    const fetched = issued
    expect(await confirm('13912340002')()).toMatchObject({ confirmed: true })
    expect(issued).toBe(fetched + 1)
    expect(await phone()).toBe('13912340002')
  })
})

describe('subscription messages failing', () => {
  const send = (openId: string) => () => new WeChatSubscribeMessages(new WeChatAccessToken('wx-test-app', 'test-secret', api), { 'shoot-reminder': 'TEMPLATE-1' }).send({ openId, template: 'shoot-reminder', data: { customer: '小林' } })

  it('maps WeChat’s answers to codes; a customer without a subscription left is no failure', async () => {
    tokenAnswer = undefined
    await expect(send('unsubscribed')()).resolves.toBeUndefined()
    await expect(send('a-subscriber')()).resolves.toBeUndefined()
    expect(await refusal(send('rate-limited'))).toEqual({ code: 'UPSTREAM_UNAVAILABLE', status: 503, retryAfterSeconds: 60 })
    expect(await refusal(send('http-502'))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503 })
    expect(await refusal(send('unknown-user'))).toMatchObject({ code: 'UPSTREAM_REFUSED', status: 502 })
  })

  it('sends again with a new token when WeChat says the token expired (42001)', async () => {
    const messages = new WeChatSubscribeMessages(new WeChatAccessToken('wx-test-app', 'test-secret', api), { 'shoot-reminder': 'TEMPLATE-1' })
    await messages.send({ openId: 'first', template: 'shoot-reminder', data: {} })
    acceptedToken = 'rotated elsewhere'
    seen.length = 0
    await messages.send({ openId: 'second', template: 'shoot-reminder', data: {} })
    expect(seen).toEqual(['/cgi-bin/message/subscribe/send', '/cgi-bin/token', '/cgi-bin/message/subscribe/send'])
  })
})

describe('the S3 file store failing', () => {
  /** What the simulated S3 answers every request with: S3's XML error. */
  let s3Answer: { status: number; code: string } = { status: 503, code: 'SlowDown' }
  let s3: Server
  let client: S3Client
  let files: ReturnType<typeof withUpstreamErrors<S3FileStore>>
  let tokens: Record<string, string>

  beforeAll(async () => {
    s3 = createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        res.statusCode = s3Answer.status
        res.setHeader('content-type', 'application/xml')
        // HeadObject has no body: the SDK reads the status alone.
        res.end(req.method === 'HEAD' ? undefined : `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${s3Answer.code}</Code><Message>simulated</Message></Error>`)
      })
    })
    await new Promise<void>((done) => s3.listen(0, '127.0.0.1', done))
    client = new S3Client({
      endpoint: `http://127.0.0.1:${(s3.address() as AddressInfo).port}`,
      forcePathStyle: true,
      region: 'ap-east-1',
      credentials: { accessKeyId: 'simulated', secretAccessKey: 'simulated' },
      maxAttempts: 1,
    })
    files = withUpstreamErrors(new S3FileStore({ bucket: 'photos', region: 'ap-east-1' }, client))
    tokens = {}
    for (const username of ['finance', 'reception']) tokens[username] = (await ops.call('auth.staffSignIn', { studioCode: studio.code, username, password: TEST_PASSWORD })).token
  })
  afterAll(async () => {
    client.destroy()
    s3.closeAllConnections()
    await new Promise((done) => s3.close(done))
  })

  it('answers an expense whose receipt cannot be checked with UPSTREAM_UNAVAILABLE (503) or UPSTREAM_REFUSED (502), recording nothing', async () => {
    const withS3 = operationsOf({ ...deps, files })
    const { receiptKey } = await withS3.call('expenses.prepareReceiptUpload', { contentType: 'image/jpeg' }, tokens.finance)
    const record = () =>
      withS3.call(
        'expenses.record',
        { requestId: ulid(), branchId: studio.branches[0]!.id, kind: 'expense', category: 'props', amountFen: 8_800, date: studioDate(new Date(), 'Asia/Shanghai'), payee: '道具店', receiptKey },
        tokens.finance,
      )
    for (const [status, code] of [[503, 'SlowDown'], [500, 'InternalError']] as const) {
      s3Answer = { status, code }
      expect(await refusal(record)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503 })
    }
    s3Answer = { status: 403, code: 'AccessDenied' }
    expect(await refusal(record)).toMatchObject({ code: 'UPSTREAM_REFUSED', status: 502 })
    // A receipt S3 does not have is the caller's to fix, as before.
    s3Answer = { status: 404, code: 'NotFound' }
    expect(await refusal(record)).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 })
  })

  it('answers removing a photo while S3 is down with UPSTREAM_UNAVAILABLE', async () => {
    s3Answer = { status: 503, code: 'ServiceUnavailable' }
    await expect(files.remove('studios/s/proofs/p.jpg')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503 })
  })
})
