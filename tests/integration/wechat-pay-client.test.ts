import { randomBytes } from 'node:crypto'
import { WeChatPayV3 } from '../../functions/integrations/wechat-pay/client'
import { parseNotification, verifyRsaSha256 } from '../../functions/integrations/wechat-pay/crypto'
import { createPaymentGateway } from '../../functions/integrations/wechat-pay/index'
import { SimulatedWeChatPay } from '../../functions/integrations/wechat-pay/simulator'
import type { Transaction } from '../../functions/payments/ports'
import { createDocumentClient } from '../../functions/store/client'
import { isolatedTable } from '../support/studio'
import { generateWeChatPayKeys, paidTransaction, signedNotification, startFakeWeChatPay, type FakeWeChatPay, type TestWeChatPayKeys } from '../support/wechat-pay'

let keys: TestWeChatPayKeys
beforeAll(() => {
  keys = generateWeChatPayKeys()
})

const orderNo = () => `DEP${randomBytes(6).toString('hex').toUpperCase()}`
const inMinutes = (minutes: number, from = new Date()) => new Date(from.getTime() + minutes * 60_000)

describe('WeChatPayV3 against a local WeChat Pay', () => {
  let fake: FakeWeChatPay
  let client: WeChatPayV3

  beforeAll(async () => {
    fake = await startFakeWeChatPay(keys)
    client = new WeChatPayV3({ mode: 'wechat', baseUrl: fake.baseUrl, ...keys })
  })
  afterAll(() => fake.close())
  beforeEach(() => void fake.received.splice(0))

  it('prepays a JSAPI order with a signed request and reads the prepay id from a signed answer', async () => {
    fake.answer('POST /v3/pay/transactions/jsapi', () => ({ status: 200, body: { prepay_id: 'wx26112221580621e9b071c00d9e093b0000' } }))
    const expiresAt = new Date('2025-06-01T04:15:00Z')
    const result = await client.prepay({ outTradeNo: 'DEP-100', description: 'Deposit · Classic portrait', amountFen: 30000, payerOpenId: 'o-customer-1', expiresAt, attach: 'appt=A1' })
    expect(result).toEqual({ prepayId: 'wx26112221580621e9b071c00d9e093b0000' })
    const [request] = fake.received
    expect(request).toMatchObject({ method: 'POST', path: '/v3/pay/transactions/jsapi', authorization: { mchid: keys.mchId, serial_no: keys.merchantSerial } })
    expect(request!.body).toEqual({
      appid: keys.appId,
      mchid: keys.mchId,
      description: 'Deposit · Classic portrait',
      out_trade_no: 'DEP-100',
      time_expire: '2025-06-01T12:15:00+08:00',
      notify_url: keys.notifyUrl,
      amount: { total: 30000, currency: 'CNY' },
      payer: { openid: 'o-customer-1' },
      attach: 'appt=A1',
    })
  })

  it('queries an order by out_trade_no, and answers undefined for one WeChat Pay does not know', async () => {
    fake.answer('GET /v3/pay/transactions/out-trade-no/DEP-100', () => ({
      status: 200,
      body: paidTransaction(keys, { out_trade_no: 'DEP-100', amount: { total: 30000, payer_total: 30000, currency: 'CNY', payer_currency: 'CNY' } }),
    }))
    fake.answer('GET /v3/pay/transactions/out-trade-no/DEP-404', () => ({ status: 404, body: { code: 'ORDER_NOT_EXIST', message: '订单不存在' } }))
    await expect(client.query('DEP-100')).resolves.toMatchObject({ outTradeNo: 'DEP-100', tradeState: 'SUCCESS', amountFen: 30000, payerOpenId: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' })
    expect(fake.received[0]!.path).toBe(`/v3/pay/transactions/out-trade-no/DEP-100?mchid=${keys.mchId}`)
    await expect(client.query('DEP-404')).resolves.toBeUndefined()
  })

  it('closes an order (204, no body)', async () => {
    fake.answer('POST /v3/pay/transactions/out-trade-no/DEP-200/close', () => ({ status: 204 }))
    await expect(client.close('DEP-200')).resolves.toBeUndefined()
    expect(fake.received[0]!.body).toEqual({ mchid: keys.mchId })
  })

  it('refunds with the original amount and passes on WeChat Pay’s refusals with their code', async () => {
    fake.answer('POST /v3/refund/domestic/refunds', (request) => {
      const body = request.body as { out_refund_no: string; amount: { refund: number } }
      if (body.amount.refund > 30000) return { status: 403, body: { code: 'NOT_ENOUGH', message: '基本账户余额不足' } }
      return { status: 200, body: { refund_id: '50000000382019052709732678859', out_refund_no: body.out_refund_no, status: 'PROCESSING' } }
    })
    const refund = await client.refund({ outTradeNo: 'DEP-100', outRefundNo: 'RF-1', refundFen: 10000, totalFen: 30000, reason: 'Cancelled 3 days ahead' })
    expect(refund).toEqual({ outRefundNo: 'RF-1', refundId: '50000000382019052709732678859', status: 'PROCESSING' })
    expect(fake.received[0]!.body).toEqual({
      out_trade_no: 'DEP-100',
      out_refund_no: 'RF-1',
      reason: 'Cancelled 3 days ahead',
      amount: { refund: 10000, total: 30000, currency: 'CNY' },
    })
    await expect(client.refund({ outTradeNo: 'DEP-100', outRefundNo: 'RF-2', refundFen: 40000, totalFen: 30000 })).rejects.toMatchObject({
      name: 'WeChatPayError',
      code: 'NOT_ENOUGH',
      status: 403,
    })
  })

  it('refuses an answer whose signature does not verify, even a 404', async () => {
    fake.answer('POST /v3/pay/transactions/jsapi', () => ({ status: 200, body: { prepay_id: 'wx-forged' }, badSignature: true }))
    fake.answer('GET /v3/pay/transactions/out-trade-no/DEP-405', () => ({ status: 404, body: { code: 'ORDER_NOT_EXIST', message: '订单不存在' }, badSignature: true }))
    const request = { outTradeNo: 'DEP-101', description: 'Deposit', amountFen: 100, payerOpenId: 'o-1', expiresAt: inMinutes(15) }
    await expect(client.prepay(request)).rejects.toMatchObject({ code: 'RESPONSE_NOT_VERIFIED', message: expect.stringContaining('bad_signature') })
    await expect(client.query('DEP-405')).rejects.toMatchObject({ code: 'RESPONSE_NOT_VERIFIED' })
  })

  it('is refused by WeChat Pay when it signs with a key WeChat Pay does not hold, and keeps the key out of the message', async () => {
    const stranger = generateWeChatPayKeys()
    const wrong = new WeChatPayV3({ mode: 'wechat', baseUrl: fake.baseUrl, ...keys, merchantPrivateKey: stranger.merchantPrivateKey })
    const failure = await wrong.query('DEP-100').catch((error: Error) => error)
    expect(failure).toMatchObject({ code: 'SIGN_ERROR', status: 401 })
    expect((failure as Error).message).not.toContain('PRIVATE KEY')
    expect(fake.received).toHaveLength(0)
  })

  it('signs requestPayment with the merchant key and reads notifications with the platform key', () => {
    const params = client.requestPaymentParams('wx-prepay-1', new Date())
    expect(verifyRsaSha256(`${params.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`, params.paySign, keys.merchantPublicKey)).toBe(true)
    expect(client.verifyNotification(signedNotification(keys, { out_trade_no: 'DEP-100' }), new Date())).toMatchObject({ outTradeNo: 'DEP-100', tradeState: 'SUCCESS' })
    expect(() => client.verifyNotification(signedNotification(keys, {}, { tamper: 'tag' }), new Date())).toThrow(expect.objectContaining({ reason: 'bad_ciphertext' }))
  })
})

describe('the WeChat Pay simulator', () => {
  let pay: SimulatedWeChatPay
  let db: ReturnType<typeof createDocumentClient>
  let tableName: string

  beforeAll(async () => {
    ;({ tableName } = await isolatedTable())
    db = createDocumentClient({ tableName, endpoint: process.env.TEST_DYNAMODB_ENDPOINT })
    const gateway = createPaymentGateway({ mode: 'simulated', ...keys }, db, tableName)
    expect(gateway).toBeInstanceOf(SimulatedWeChatPay)
    pay = gateway as SimulatedWeChatPay
  })

  const prepay = (outTradeNo: string, amountFen = 30000, expiresAt = inMinutes(15)) =>
    pay.prepay({ outTradeNo, description: 'Deposit', amountFen, payerOpenId: 'o-customer-1', expiresAt, attach: 'appt=A1' })

  it('uses the keys it is given, and says it is simulated', () => {
    expect(pay).toMatchObject({ simulated: true, appId: keys.appId, mchId: keys.mchId })
  })

  it('needs no keys: without any it makes its own, and its notifications verify with them', async () => {
    const bare = new SimulatedWeChatPay({ mode: 'simulated' }, db, tableName)
    expect(bare).toMatchObject({ appId: 'wxsimulated000000', mchId: '1900000000', keys: { platformKeyId: 'PUB_KEY_ID_SIMULATED', notifyUrl: 'simulated' } })
    expect(bare.keys.apiV3Key).toHaveLength(32)
    const no = orderNo()
    await bare.prepay({ outTradeNo: no, description: 'Deposit', amountFen: 100, payerOpenId: 'o-1', expiresAt: inMinutes(15) })
    const now = new Date()
    expect(bare.verifyNotification(await bare.pay(no, now), now)).toMatchObject({ outTradeNo: no, tradeState: 'SUCCESS', mchId: '1900000000' })
  })

  it('gives the same prepay id for the same order again and refuses the same number for another amount', async () => {
    const no = orderNo()
    const first = await prepay(no)
    expect(first.prepayId).toMatch(/^wx\d{14}/)
    await expect(prepay(no)).resolves.toEqual(first)
    await expect(prepay(no, 30001)).rejects.toMatchObject({ code: 'INVALID_REQUEST' })
  })

  it('pays: a genuine notification that the same checks as the real adapter accept, then the query says SUCCESS', async () => {
    const no = orderNo()
    await prepay(no, 45600)
    expect(await pay.query(no)).toMatchObject({ tradeState: 'NOTPAY', amountFen: 45600 })
    const now = new Date()
    const notification = await pay.pay(no, now)
    expect(notification.headers['Wechatpay-Serial']).toBe(keys.platformKeyId)
    expect(JSON.parse(notification.body)).toMatchObject({
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      summary: '支付成功',
      resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction' },
    })
    const expected: Partial<Transaction> = { outTradeNo: no, tradeState: 'SUCCESS', amountFen: 45600, payerOpenId: 'o-customer-1', attach: 'appt=A1', appId: keys.appId, mchId: keys.mchId }
    const transaction = pay.verifyNotification(notification, now)
    expect(transaction).toMatchObject(expected)
    expect(transaction.transactionId).toMatch(/^4200\d{24}$/)
    expect(transaction.successTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
    // The real adapter, configured with the same keys, accepts it too.
    expect(parseNotification(notification, keys, now)).toEqual(transaction)
    expect(await pay.query(no)).toEqual(transaction)

    const again = await pay.pay(no, now)
    expect(pay.verifyNotification(again, now)).toEqual(transaction)
    expect(JSON.parse(again.body).id).toBe(JSON.parse(notification.body).id)
  })

  it('refuses a notification it did not sign, like the real adapter', async () => {
    const no = orderNo()
    await prepay(no)
    const notification = await pay.pay(no, new Date())
    const forged = { ...notification, body: notification.body.replace('支付成功', '支付成功!') }
    expect(() => pay.verifyNotification(forged, new Date())).toThrow(expect.objectContaining({ reason: 'bad_signature' }))
    expect(() => pay.verifyNotification(notification, inMinutes(10))).toThrow(expect.objectContaining({ reason: 'stale_timestamp' }))
  })

  it('cannot pay a closed trade or an expired one', async () => {
    const closed = orderNo()
    await prepay(closed)
    await pay.close(closed)
    await pay.close(closed)
    expect(await pay.query(closed)).toMatchObject({ tradeState: 'CLOSED' })
    await expect(pay.pay(closed, new Date())).rejects.toMatchObject({ code: 'ORDER_CLOSED' })
    await expect(prepay(closed)).rejects.toMatchObject({ code: 'ORDER_CLOSED' })

    const expired = orderNo()
    await prepay(expired, 30000, inMinutes(15))
    await expect(pay.pay(expired, inMinutes(16))).rejects.toMatchObject({ code: 'ORDER_CLOSED' })
    await expect(pay.pay(orderNo(), new Date())).rejects.toMatchObject({ code: 'ORDER_NOT_EXIST' })
  })

  it('does not close a paid trade', async () => {
    const no = orderNo()
    await prepay(no)
    await pay.pay(no, new Date())
    await expect(pay.close(no)).rejects.toMatchObject({ code: 'ORDERPAID' })
    await expect(prepay(no)).rejects.toMatchObject({ code: 'ORDERPAID' })
  })

  it('refunds once per out_refund_no and never more than the amount in total', async () => {
    const no = orderNo()
    await prepay(no, 30000)
    await expect(pay.refund({ outTradeNo: no, outRefundNo: `${no}-R0`, refundFen: 100, totalFen: 30000 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' })
    await pay.pay(no, new Date())

    const first = await pay.refund({ outTradeNo: no, outRefundNo: `${no}-R1`, refundFen: 20000, totalFen: 30000, reason: 'Cancelled' })
    expect(first).toMatchObject({ outRefundNo: `${no}-R1`, status: 'SUCCESS' })
    const [again, concurrent] = await Promise.all([
      pay.refund({ outTradeNo: no, outRefundNo: `${no}-R1`, refundFen: 20000, totalFen: 30000, reason: 'Cancelled' }),
      pay.refund({ outTradeNo: no, outRefundNo: `${no}-R1`, refundFen: 20000, totalFen: 30000, reason: 'Cancelled' }),
    ])
    expect(again).toEqual(first)
    expect(concurrent).toEqual(first)
    expect(await pay.query(no)).toMatchObject({ tradeState: 'REFUND' })

    await expect(pay.refund({ outTradeNo: no, outRefundNo: `${no}-R2`, refundFen: 10001, totalFen: 30000 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' })
    await expect(pay.refund({ outTradeNo: no, outRefundNo: `${no}-R3`, refundFen: 10000, totalFen: 30000 })).resolves.toMatchObject({ status: 'SUCCESS' })
    await expect(pay.refund({ outTradeNo: no, outRefundNo: `${no}-R4`, refundFen: 1, totalFen: 30000 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' })
  })
})
