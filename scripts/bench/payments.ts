import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { CreateTableCommand } from '@aws-sdk/client-dynamodb'
import { ulid } from 'ulid'
import { signAsWeChatPay, transactionNotificationBody } from '../../functions/integrations/wechat-pay/crypto'
import { composeApp } from '../../functions/platform/composition'
import { loadConfig } from '../../functions/platform/config'
import { tableDefinition } from '../../functions/store/table'
import type { LocalDynamo } from '../lib/dynamodb-local'
import { startLocalApi } from '../lib/local-api'
import { freePort, stopChild } from '../lib/processes'
import { percentile, pool, setUp } from './booking'

const SECRET = 'bench-session-secret-bench-session-secret'
const ORDERS = 100
const COPIES = 5
const FORGED = 50

/** Merchant and platform keys made for this run; the benchmark plays WeChat Pay with the platform's. */
function payKeys() {
  const pair = () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    return { privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
  }
  const merchant = pair()
  const platform = pair()
  const apiV3Key = randomBytes(16).toString('hex')
  return {
    appId: 'wxbench000000000',
    mchId: '1900000099',
    apiV3Key,
    platformKeyId: 'PUB_KEY_ID_BENCH',
    platformPrivateKey: platform.privateKey,
    env: {
      PAY_PROVIDER: 'simulated',
      WECHATPAY_APP_ID: 'wxbench000000000',
      WECHATPAY_MCH_ID: '1900000099',
      WECHATPAY_API_V3_KEY: apiV3Key,
      WECHATPAY_MERCHANT_SERIAL: 'BENCH',
      WECHATPAY_MERCHANT_PRIVATE_KEY: merchant.privateKey,
      WECHATPAY_PLATFORM_KEY_ID: 'PUB_KEY_ID_BENCH',
      WECHATPAY_PLATFORM_PUBLIC_KEY: platform.publicKey,
      WECHATPAY_SIMULATOR_PLATFORM_PRIVATE_KEY: platform.privateKey,
      WECHATPAY_NOTIFY_URL: 'http://127.0.0.1/payments/wechat/notify',
    },
  }
}

/**
 * WeChat Pay notifications as they really arrive: each payment's notification several
 * times, shuffled, many at once, with forged ones among them. Afterwards every order must
 * hold exactly one credit of exactly its deposit.
 */
export async function benchPayments(dynamo: LocalDynamo) {
  // The API's table is named by its stage (serverless.yml): the test stage's.
  const tableName = 'studio-erp-test'
  await dynamo.client.send(new CreateTableCommand(tableDefinition(tableName))).catch(() => undefined)
  const keys = payKeys()
  const deps = composeApp(loadConfig({ STAGE: 'test', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: dynamo.endpoint, SESSION_SECRET: SECRET, ...keys.env }))
  console.log('    starting the API (serverless-offline)…')
  const api = await startLocalApi({
    port: await freePort(),
    lambdaPort: await freePort(),
    stage: 'test',
    env: { DYNAMODB_ENDPOINT: dynamo.endpoint, SESSION_SECRET: SECRET, POWERTOOLS_LOG_LEVEL: 'SILENT', ...keys.env },
    quiet: true,
  })
  try {
    const { studio, branchId, pkg } = await setUp(deps)
    const call = async (method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}, raw?: string) => {
      const started = performance.now()
      const response = await fetch(api.url + path, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body || raw ? { 'content-type': 'application/json' } : {}), ...headers },
        body: raw ?? (body ? JSON.stringify(body) : undefined),
      })
      const text = await response.text()
      return { status: response.status, body: text ? (JSON.parse(text) as any) : undefined, ms: performance.now() - started }
    }
    const admin = (await call('POST', '/auth/staff/sign-in', undefined, { studioCode: studio.code, username: 'admin', password: 'bench-password' })).body.token as string
    console.log(`    ${ORDERS} customers, orders and deposit prepays…`)
    const charges = await pool(ORDERS, 10, async (i) => {
      const customer = (await call('POST', '/auth/wechat/sign-in', undefined, { studioCode: studio.code, code: `dev:pay-${i}` })).body
      const order = (await call('POST', '/orders', admin, { requestId: ulid(), customerId: customer.principal.id, packageId: pkg.id, branchId })).body
      const prepay = (await call('POST', `/orders/${order.id}/wechat-pay`, customer.token, { kind: 'deposit' })).body
      if (!prepay.outTradeNo) throw new Error(`prepay failed: ${JSON.stringify(prepay)}`)
      return { orderId: order.id as string, deposit: order.depositFen as number, ...(prepay as { outTradeNo: string; amountFen: number }) }
    })

    const notification = (charge: (typeof charges)[number], forged: boolean) => {
      const now = new Date()
      const tx = {
        appid: keys.appId,
        mchid: keys.mchId,
        out_trade_no: charge.outTradeNo,
        transaction_id: `4200${charge.outTradeNo}`,
        trade_type: 'JSAPI',
        trade_state: 'SUCCESS',
        trade_state_desc: '支付成功',
        bank_type: 'OTHERS',
        attach: `${studio.id}/${charge.orderId}`,
        success_time: now.toISOString(),
        payer: { openid: 'bench' },
        amount: { total: charge.amountFen, payer_total: charge.amountFen, currency: 'CNY', payer_currency: 'CNY' },
      }
      const body = JSON.stringify(transactionNotificationBody(tx as never, keys.apiV3Key, `EV-${ulid()}`, now))
      const headers = signAsWeChatPay(body, { platformKeyId: keys.platformKeyId, platformPrivateKey: keys.platformPrivateKey }, now)
      // A forgery: the body changed after WeChat Pay signed it.
      return { headers, body: forged ? body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') : body }
    }
    const deliveries = [
      ...charges.flatMap((c) => Array.from({ length: COPIES }, () => ({ charge: c, forged: false }))),
      ...Array.from({ length: FORGED }, (_, i) => ({ charge: charges[i % charges.length]!, forged: true })),
    ].sort(() => Math.random() - 0.5)
    console.log(`    ${deliveries.length} notifications, 25 in flight…`)
    const started = performance.now()
    const answers = await pool(deliveries.length, 25, async (i) => {
      const { headers, body } = notification(deliveries[i]!.charge, deliveries[i]!.forged)
      return { forged: deliveries[i]!.forged, ...(await call('POST', '/payments/wechat/notify', undefined, undefined, headers as Record<string, string>, body)) }
    })
    const seconds = (performance.now() - started) / 1000

    let creditedOnce = 0
    let wrong = 0
    await pool(charges.length, 10, async (i) => {
      const detail = (await call('GET', `/orders/${charges[i]!.orderId}`, admin)).body
      const deposits = detail.payments.filter((p: { kind: string }) => p.kind === 'deposit')
      if (deposits.length === 1 && detail.order.paidFen === charges[i]!.deposit && detail.order.stage === 'confirmed') creditedOnce++
      else wrong++
    })
    const ms = answers.map((a) => a.ms).sort((a, b) => a - b)
    return {
      notifications: answers.length,
      genuine: answers.filter((a) => !a.forged).length,
      'answered 204': answers.filter((a) => !a.forged && a.status === 204).length,
      forged: FORGED,
      'refused 401': answers.filter((a) => a.forged && a.status === 401).length,
      other: answers.filter((a) => (a.forged ? a.status !== 401 : a.status !== 204)).length,
      'orders credited exactly once': `${creditedOnce} / ${charges.length}`,
      'orders credited wrongly': wrong,
      seconds: Number(seconds.toFixed(1)),
      'p50 ms': Math.round(percentile(ms, 50)),
      'p95 ms': Math.round(percentile(ms, 95)),
    }
  } finally {
    await stopChild(api.process)
  }
}
