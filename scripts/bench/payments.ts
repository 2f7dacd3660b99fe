import { ulid } from 'ulid'
import type { LocalDynamo } from '../lib/dynamodb-local'
import { generateWeChatPayKeys, signedNotification, weChatPayEnv } from '../../tests/support/wechat-pay'
import { percentile, pool, setUp, withBenchApi } from './harness'

const ORDERS = 100
const COPIES = 5
const FORGED = 50

/**
 * WeChat Pay notifications as they really arrive: each payment's notification several
 * times, shuffled, many at once, with forged ones among them. Afterwards every order must
 * hold exactly one credit of exactly its deposit.
 */
export async function benchPayments(dynamo: LocalDynamo) {
  // Merchant and platform keys made for this run; the benchmark plays WeChat Pay with the platform's.
  const keys = generateWeChatPayKeys()
  return withBenchApi(dynamo, weChatPayEnv(keys, 'simulated'), async ({ deps, call }) => {
    const { studio, branchId, pkg } = await setUp(deps)
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
      const { headers, body } = signedNotification(keys, {
        out_trade_no: charge.outTradeNo,
        transaction_id: `4200${charge.outTradeNo}`,
        attach: `${studio.id}/${charge.orderId}`,
        success_time: new Date().toISOString(),
        amount: { total: charge.amountFen, payer_total: charge.amountFen, currency: 'CNY', payer_currency: 'CNY' },
      })
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
  })
}
