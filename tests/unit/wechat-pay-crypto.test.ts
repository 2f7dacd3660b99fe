import { PaymentNotificationError } from '../../functions/payments/ports'
import {
  authorizationHeader,
  decryptResource,
  encryptResource,
  parseNotification,
  requestPaymentParams,
  requestSignatureMessage,
  rfc3339Beijing,
  signAsWeChatPay,
  verifyRsaSha256,
} from '../../functions/integrations/wechat-pay/crypto'
import { loadConfig } from '../../functions/platform/config'
import { generateWeChatPayKeys, parseAuthorization, signedNotification, weChatPayEnv, type TestWeChatPayKeys } from '../support/wechat-pay'

let keys: TestWeChatPayKeys
beforeAll(() => {
  keys = generateWeChatPayKeys()
})

const reasonOf = (run: () => unknown): string => {
  try {
    run()
  } catch (error) {
    if (error instanceof PaymentNotificationError) return error.reason
    throw error
  }
  return 'accepted'
}

const nowSeconds = () => Math.floor(Date.now() / 1000)

describe('WeChat Pay notifications', () => {
  it('reads a genuine notification into our Transaction', () => {
    const request = signedNotification(keys, { out_trade_no: 'DEP-1', amount: { total: 12345 }, attach: 'appt=A1' })
    expect(parseNotification(request, keys, new Date())).toEqual({
      appId: keys.appId,
      mchId: keys.mchId,
      outTradeNo: 'DEP-1',
      transactionId: '4200002345202501011234567890',
      tradeState: 'SUCCESS',
      amountFen: 12345,
      payerOpenId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
      successTime: '2025-01-01T10:00:00+08:00',
      attach: 'appt=A1',
    })
  })

  it('accepts header names in any case', () => {
    const request = signedNotification(keys)
    const lower = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]))
    expect(parseNotification({ ...request, headers: lower }, keys, new Date()).tradeState).toBe('SUCCESS')
  })

  it('refuses a changed ciphertext and a changed GCM tag as bad_ciphertext', () => {
    expect(reasonOf(() => parseNotification(signedNotification(keys, {}, { tamper: 'ciphertext' }), keys, new Date()))).toBe('bad_ciphertext')
    expect(reasonOf(() => parseNotification(signedNotification(keys, {}, { tamper: 'tag' }), keys, new Date()))).toBe('bad_ciphertext')
  })

  it('refuses a notification signed by another key', () => {
    expect(reasonOf(() => parseNotification(signedNotification(keys, {}, { tamper: 'signature' }), keys, new Date()))).toBe('bad_signature')
  })

  it('refuses a body changed after signing', () => {
    const request = signedNotification(keys)
    const changed = request.body.replace('"summary":"支付成功"', '"summary":"支付成功 "')
    expect(changed).not.toBe(request.body)
    expect(reasonOf(() => parseNotification({ ...request, body: changed }, keys, new Date()))).toBe('bad_signature')
  })

  it('refuses a timestamp six minutes old or six minutes ahead, and accepts one four minutes old', () => {
    expect(reasonOf(() => parseNotification(signedNotification(keys, {}, { timestamp: nowSeconds() - 360 }), keys, new Date()))).toBe('stale_timestamp')
    expect(reasonOf(() => parseNotification(signedNotification(keys, {}, { timestamp: nowSeconds() + 360 }), keys, new Date()))).toBe('stale_timestamp')
    expect(reasonOf(() => parseNotification(signedNotification(keys, {}, { timestamp: nowSeconds() - 240 }), keys, new Date()))).toBe('accepted')
  })

  it('refuses a key id other than our WeChat Pay public key id', () => {
    expect(reasonOf(() => parseNotification(signedNotification(keys, {}, { serial: 'PUB_KEY_ID_0000000000000000000000000000' }), keys, new Date()))).toBe(
      'unknown_key',
    )
  })

  it('refuses a transaction of another app or another merchant', () => {
    expect(reasonOf(() => parseNotification(signedNotification(keys, { appid: 'wx0000000000000000' }), keys, new Date()))).toBe('wrong_merchant')
    expect(reasonOf(() => parseNotification(signedNotification(keys, { mchid: '1900000109' }), keys, new Date()))).toBe('wrong_merchant')
  })

  it('refuses another notification\'s signature, a body that is not JSON, and a resource not in AES-256-GCM', () => {
    const request = signedNotification(keys)
    const { headers } = signedNotification(keys)
    expect(reasonOf(() => parseNotification({ headers, body: request.body }, keys, new Date()))).toBe('bad_signature')
    const notJson = signedNotificationWithBody('not json')
    expect(reasonOf(() => parseNotification(notJson, keys, new Date()))).toBe('malformed')
    const otherAlgorithm = JSON.parse(request.body) as { resource: { algorithm: string } }
    otherAlgorithm.resource.algorithm = 'AEAD_AES_128_GCM'
    expect(reasonOf(() => parseNotification(signedNotificationWithBody(JSON.stringify(otherAlgorithm)), keys, new Date()))).toBe('malformed')
  })
})

/** A body of our choosing under WeChat Pay's genuine signature. */
function signedNotificationWithBody(body: string) {
  return { headers: signAsWeChatPay(body, keys, new Date()), body }
}

describe('AES-256-GCM resources', () => {
  it('round-trips, and throws on a wrong key or associated data', () => {
    const resource = encryptResource('{"a":1}', keys.apiV3Key, 'transaction')
    expect(decryptResource(resource, keys.apiV3Key)).toBe('{"a":1}')
    expect(() => decryptResource(resource, 'x'.repeat(32))).toThrow()
    expect(() => decryptResource({ ...resource, associated_data: 'refund' }, keys.apiV3Key)).toThrow()
  })
})

describe('merchant signatures', () => {
  it('signs requestPayment over app id, timestamp, nonce and package', () => {
    const now = new Date('2025-03-01T02:00:00Z')
    const params = requestPaymentParams(keys.appId, 'wx201410272009395522657a690389285100', keys.merchantPrivateKey, now)
    expect(params).toMatchObject({ appId: keys.appId, timeStamp: '1740794400', package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' })
    expect(params.nonceStr).toMatch(/^[0-9A-F]{32}$/)
    const message = `${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`
    expect(verifyRsaSha256(message, params.paySign, keys.merchantPublicKey)).toBe(true)
    expect(verifyRsaSha256(message, params.paySign, keys.platformPublicKey)).toBe(false)
  })

  it('builds an Authorization header whose signature covers method, path, timestamp, nonce and body', () => {
    const body = '{"mchid":"1230000109"}'
    const header = authorizationHeader({
      mchId: keys.mchId,
      serial: keys.merchantSerial,
      privateKey: keys.merchantPrivateKey,
      method: 'POST',
      pathWithQuery: '/v3/pay/transactions/out-trade-no/DEP-1/close',
      body,
      timestamp: 1554208460,
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
    })
    expect(header.startsWith('WECHATPAY2-SHA256-RSA2048 mchid="')).toBe(true)
    const fields = parseAuthorization(header)!
    expect(fields).toMatchObject({ mchid: keys.mchId, nonce_str: '593BEC0C930BF1AFEB40B4A08C8FB242', timestamp: '1554208460', serial_no: keys.merchantSerial })
    const message = requestSignatureMessage('POST', '/v3/pay/transactions/out-trade-no/DEP-1/close', 1554208460, '593BEC0C930BF1AFEB40B4A08C8FB242', body)
    expect(message).toBe(`POST\n/v3/pay/transactions/out-trade-no/DEP-1/close\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n${body}\n`)
    expect(verifyRsaSha256(message, fields.signature!, keys.merchantPublicKey)).toBe(true)
  })

  it('writes times as RFC 3339 in China Standard Time', () => {
    expect(rfc3339Beijing(new Date('2025-03-01T17:30:05.900Z'))).toBe('2025-03-02T01:30:05+08:00')
  })
})

describe('configuration from the environment', () => {
  it('reads the WeChat Pay keys the helpers produce', () => {
    const config = loadConfig({ STAGE: 'prod', TABLE_NAME: 't', SESSION_SECRET: 's'.repeat(40), WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 'x', FILES_BUCKET: 'b', ...weChatPayEnv(keys) })
    expect(config.payments).toMatchObject({ mode: 'wechat', appId: keys.appId, mchId: keys.mchId, platformKeyId: keys.platformKeyId, notifyUrl: keys.notifyUrl })
  })
})
