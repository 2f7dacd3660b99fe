import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import { SimulatedWeChatPay } from '../../functions/integrations/wechat-pay'
import type { NotificationRequest } from '../../functions/payments/ports'
import { createDocumentClient } from '../../functions/store/client'
import { keys } from '../../functions/store/keys'
import { TEST_TABLE } from './constants'
import { http } from './http'
import { apiPayKeys } from './orders'

export const testTable = () => createDocumentClient({ tableName: TEST_TABLE, endpoint: process.env.TEST_DYNAMODB_ENDPOINT })

/** WeChat Pay as the API under test knows it: the same simulated book, in the same table. */
const weChatPay = () => new SimulatedWeChatPay({ mode: 'simulated', ...apiPayKeys() }, testTable(), TEST_TABLE)

/** Delivers a notification WeChat Pay (simulated) signed to the API's notify URL, as WeChat Pay would. */
export function deliver(request: NotificationRequest) {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value!]))
  return http('POST', '/payments/wechat/notify', { rawBody: request.body, headers })
}

/** A charge WeChat Pay took and was paid, with an attach of the test's choosing (none, or an order that does not exist). */
export async function paidCharge(amountFen: number, attach?: string) {
  const pay = weChatPay()
  const outTradeNo = ulid()
  const expiresAt = new Date(Date.now() + 15 * 60_000)
  await pay.prepay({ outTradeNo, description: '证件照 定金', amountFen, payerOpenId: 'o-stranger', expiresAt, ...(attach ? { attach } : {}) })
  const notification = await pay.pay(outTradeNo, new Date())
  const transactionId = pay.verifyNotification(notification, new Date()).transactionId!
  return { outTradeNo, transactionId, notification }
}

/** The notification WeChat Pay (simulated) sends for a trade it has taken, as it sends it again later. */
export const notificationOf = (outTradeNo: string) => weChatPay().pay(outTradeNo, new Date())

/** The simulated WeChat Pay's own record of a trade (its state and how much of it was refunded). */
export const simulatedTrade = async (outTradeNo: string) =>
  (await testTable().send(new GetCommand({ TableName: TEST_TABLE, Key: keys.simulatedTrade(apiPayKeys().mchId, outTradeNo), ConsistentRead: true }))).Item
