import { randomBytes } from 'node:crypto'
import type { WeChatTransaction } from '../../functions/integrations/wechat-pay/crypto'
import { http } from './http'
import { paidTransaction, signedNotification, type NotificationOptions, type TestWeChatPayKeys } from './wechat-pay'

/** The WeChat Pay keys the API under test was started with (the tests hold WeChat Pay's private key). */
export function apiPayKeys(): TestWeChatPayKeys {
  const keys = process.env.TEST_WECHATPAY_KEYS
  if (!keys) throw new Error('The API is not running: run the tests through jest (global setup)')
  return JSON.parse(keys) as TestWeChatPayKeys
}

/** A successful transaction for a prepay of ours, as WeChat Pay would report it. */
export function paidFor(studioId: string, orderId: string, prepay: { outTradeNo: string; amountFen: number }): WeChatTransaction {
  return paidTransaction(apiPayKeys(), {
    out_trade_no: prepay.outTradeNo,
    transaction_id: `42000${randomBytes(12).toString('hex').slice(0, 23)}`,
    attach: `${studioId}/${orderId}`,
    success_time: new Date().toISOString(),
    amount: { total: prepay.amountFen, payer_total: prepay.amountFen, currency: 'CNY', payer_currency: 'CNY' },
  })
}

/** Posts WeChat Pay's signed notification for `transaction` to the API's notify URL. */
export async function notify(transaction: Partial<WeChatTransaction>, options: NotificationOptions = {}) {
  const request = signedNotification(apiPayKeys(), transaction, options)
  // Header names are case-insensitive; one spelling each, so Content-Type is not sent twice.
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value!]))
  return http('POST', '/payments/wechat/notify', { rawBody: request.body, headers })
}

/** A tiny valid PNG (1×1, one colour). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64')

/** Staff upload `count` PNGs to an order: upload links from the API, then each file POSTed as a form. */
export async function uploadPhotos(token: string, orderId: string, kind: 'proof' | 'design', count: number) {
  const files = Array.from({ length: count }, (_, i) => ({ name: `${kind}-${i + 1}.png`, contentType: 'image/png' as const }))
  const answer = await http('POST', `/orders/${orderId}/photos/uploads`, { token, body: { kind, files } })
  if (answer.status !== 200) throw new Error(`upload links refused: ${JSON.stringify(answer.body)}`)
  const items = answer.body.items as { photoId: string; name: string; upload: { url: string; fields: Record<string, string>; fileField: string } }[]
  for (const item of items) {
    const form = new FormData()
    for (const [name, value] of Object.entries(item.upload.fields)) form.append(name, value)
    form.append(item.upload.fileField, new Blob([PNG], { type: 'image/png' }), item.name)
    const response = await fetch(item.upload.url, { method: 'POST', body: form })
    if (!response.ok) throw new Error(`upload of ${item.name} refused (${response.status}): ${await response.text()}`)
  }
  return items
}
