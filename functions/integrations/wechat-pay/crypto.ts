/**
 * WeChat Pay v3's signatures and encryption, as pure functions shared by the real adapter,
 * the simulator and the tests: SHA256withRSA over newline-terminated messages, and
 * AES-256-GCM resources keyed by the APIv3 key.
 */
import { createCipheriv, createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto'
import { PaymentNotificationError, type NotificationRequest, type RequestPaymentParams, type TradeState, type Transaction } from '../../payments/ports'
import type { WeChatPayKeys } from '../../platform/config'

export const SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048'
export const RESOURCE_ALGORITHM = 'AEAD_AES_256_GCM'
const TAG_BYTES = 16

/** The platform key that signs WeChat Pay's responses and notifications (public-key mode: id PUB_KEY_ID_…). */
export type PlatformKey = Pick<WeChatPayKeys, 'platformKeyId' | 'platformPublicKey'>

/** What checking and reading a payment notification needs. */
export type NotificationKeys = Pick<WeChatPayKeys, 'appId' | 'mchId' | 'apiV3Key' | 'platformKeyId' | 'platformPublicKey'>

/** The encrypted `resource` of a notification. */
export interface EncryptedResource {
  algorithm: string
  ciphertext: string
  nonce: string
  associated_data?: string
  original_type?: string
}

/** A transaction in WeChat Pay's own JSON, as the query API answers and a notification's resource holds. */
export interface WeChatTransaction {
  appid: string
  mchid: string
  out_trade_no: string
  transaction_id?: string
  trade_type?: string
  trade_state: string
  trade_state_desc?: string
  bank_type?: string
  attach?: string
  success_time?: string
  payer?: { openid?: string }
  amount: { total: number; payer_total?: number; currency?: string; payer_currency?: string }
}

/** A notification body as WeChat Pay posts it to the notify URL. */
export interface NotificationBody {
  id: string
  create_time: string
  event_type: string
  resource_type: string
  summary: string
  resource: EncryptedResource
}

const TRADE_STATES: readonly TradeState[] = ['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR']

/** A random string of hex digits, upper case: nonces for signatures and requestPayment. */
export function randomNonce(length = 32): string {
  return randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length).toUpperCase()
}

/** Whole seconds since the epoch, the unit of every WeChat Pay timestamp. */
export const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000)

/** RFC 3339 in China Standard Time, the form WeChat Pay uses: `2024-05-20T13:29:35+08:00`. */
export function rfc3339Beijing(date: Date): string {
  const shifted = new Date(Math.floor(date.getTime() / 1000) * 1000 + 8 * 3600_000)
  return `${shifted.toISOString().slice(0, 19)}+08:00`
}

/** SHA256withRSA over the UTF-8 message, base64. */
export function signRsaSha256(message: string, privateKeyPem: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKeyPem, 'base64')
}

/** False for a wrong signature, and for an unreadable key or signature: nothing here throws. */
export function verifyRsaSha256(message: string, signatureBase64: string, publicKeyPem: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKeyPem, signatureBase64, 'base64')
  } catch {
    return false
  }
}

/** What the merchant signs for a request: method, path with query, timestamp, nonce and body, each line ended by \n. */
export function requestSignatureMessage(method: string, pathWithQuery: string, timestamp: number | string, nonce: string, body: string): string {
  return `${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`
}

/** What WeChat Pay signs for a response or a notification; an empty body (204) leaves a last line of just \n. */
export function responseSignatureMessage(timestamp: number | string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`
}

export interface AuthorizationInput {
  mchId: string
  /** The merchant API certificate's serial number. */
  serial: string
  privateKey: string
  method: string
  pathWithQuery: string
  body: string
  /** Seconds since the epoch. */
  timestamp: number
  nonce: string
}

/** The Authorization header of a request to WeChat Pay v3. */
export function authorizationHeader(input: AuthorizationInput): string {
  const message = requestSignatureMessage(input.method, input.pathWithQuery, input.timestamp, input.nonce, input.body)
  const signature = signRsaSha256(message, input.privateKey)
  return (
    `${SIGNATURE_TYPE} mchid="${input.mchId}",nonce_str="${input.nonce}",signature="${signature}",` +
    `timestamp="${input.timestamp}",serial_no="${input.serial}"`
  )
}

function apiV3KeyBytes(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8')
  if (key.length !== 32) throw new Error('The APIv3 key must be 32 bytes')
  return key
}

/** Opens a notification resource: AES-256-GCM, the base64 ciphertext ending in the 16-byte tag. Throws on a bad tag. */
export function decryptResource(resource: Pick<EncryptedResource, 'ciphertext' | 'nonce' | 'associated_data'>, apiV3Key: string): string {
  const data = Buffer.from(resource.ciphertext, 'base64')
  if (data.length < TAG_BYTES) throw new Error('The ciphertext is shorter than its tag')
  const decipher = createDecipheriv('aes-256-gcm', apiV3KeyBytes(apiV3Key), Buffer.from(resource.nonce, 'utf8'))
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES))
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'))
  return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8')
}

/** The inverse of decryptResource, as WeChat Pay encrypts: for the simulator and the tests. */
export function encryptResource(plaintext: string, apiV3Key: string, associatedData: string, nonce = randomNonce(12)): EncryptedResource {
  const cipher = createCipheriv('aes-256-gcm', apiV3KeyBytes(apiV3Key), Buffer.from(nonce, 'utf8'))
  cipher.setAAD(Buffer.from(associatedData, 'utf8'))
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return { algorithm: RESOURCE_ALGORITHM, ciphertext: encrypted.toString('base64'), nonce, associated_data: associatedData }
}

/** The parameters of requestPayment; paySign covers app id, timestamp, nonce and package, each line ended by \n. */
export function requestPaymentParams(appId: string, prepayId: string, merchantPrivateKey: string, now: Date): RequestPaymentParams {
  const timeStamp = String(epochSeconds(now))
  const nonceStr = randomNonce(32)
  const pkg = `prepay_id=${prepayId}`
  const paySign = signRsaSha256(`${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`, merchantPrivateKey)
  return { appId, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign }
}

/** A header by name, whatever its case (HTTP frameworks and gateways differ). */
export function headerValue(headers: Record<string, string | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value
  return undefined
}

/**
 * Checks that WeChat Pay signed a response or notification: the key id, a timestamp within
 * `maxSkewSeconds` of `now` (a replay window), and the signature over timestamp, nonce and
 * the untouched body. Throws PaymentNotificationError.
 */
export function verifyWeChatPaySignedMessage(
  headers: Record<string, string | undefined>,
  body: string,
  key: PlatformKey,
  now: Date,
  maxSkewSeconds = 300,
): void {
  const serial = headerValue(headers, 'Wechatpay-Serial')
  if (serial !== key.platformKeyId) throw new PaymentNotificationError('unknown_key', `Signed with key "${serial ?? '(none)'}", not ours`)
  const timestamp = headerValue(headers, 'Wechatpay-Timestamp')
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) throw new PaymentNotificationError('stale_timestamp', 'No readable Wechatpay-Timestamp')
  if (Math.abs(epochSeconds(now) - Number(timestamp)) > maxSkewSeconds) {
    throw new PaymentNotificationError('stale_timestamp', `Wechatpay-Timestamp is more than ${maxSkewSeconds} s away from now`)
  }
  const nonce = headerValue(headers, 'Wechatpay-Nonce')
  const signature = headerValue(headers, 'Wechatpay-Signature')
  const type = headerValue(headers, 'Wechatpay-Signature-Type')
  if (!nonce || !signature) throw new PaymentNotificationError('bad_signature', 'Wechatpay-Nonce or Wechatpay-Signature is missing')
  if (type !== undefined && type !== SIGNATURE_TYPE) throw new PaymentNotificationError('bad_signature', `Signature type ${type} is not ${SIGNATURE_TYPE}`)
  if (!verifyRsaSha256(responseSignatureMessage(timestamp, nonce, body), signature, key.platformPublicKey)) {
    throw new PaymentNotificationError('bad_signature', 'The signature does not verify with the WeChat Pay public key')
  }
}

/** The headers WeChat Pay puts on a response or notification, signed with its private key: for the simulator and the tests. */
export function signAsWeChatPay(
  body: string,
  key: { platformKeyId: string; platformPrivateKey: string },
  now: Date,
): Record<string, string> {
  const timestamp = String(epochSeconds(now))
  const nonce = randomNonce(32)
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': signRsaSha256(responseSignatureMessage(timestamp, nonce, body), key.platformPrivateKey),
    'Wechatpay-Serial': key.platformKeyId,
    'Wechatpay-Signature-Type': SIGNATURE_TYPE,
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const optionalString = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

/** WeChat Pay's transaction JSON as a Transaction; undefined when a required field is missing or unknown. */
export function transactionFromWeChat(json: unknown): Transaction | undefined {
  if (!isRecord(json) || !isRecord(json.amount)) return undefined
  const { appid, mchid, out_trade_no, trade_state } = json
  const total = json.amount.total
  if (typeof appid !== 'string' || typeof mchid !== 'string' || typeof out_trade_no !== 'string') return undefined
  if (!TRADE_STATES.includes(trade_state as TradeState) || !Number.isSafeInteger(total)) return undefined
  return {
    appId: appid,
    mchId: mchid,
    outTradeNo: out_trade_no,
    transactionId: optionalString(json.transaction_id),
    tradeState: trade_state as TradeState,
    amountFen: total as number,
    payerOpenId: isRecord(json.payer) ? optionalString(json.payer.openid) : undefined,
    successTime: optionalString(json.success_time),
    attach: optionalString(json.attach),
  }
}

/** A Transaction in WeChat Pay's JSON, as a JSAPI payment of it would read: for the simulator and the tests. */
export function transactionToWeChat(transaction: Transaction): WeChatTransaction {
  return {
    appid: transaction.appId,
    mchid: transaction.mchId,
    out_trade_no: transaction.outTradeNo,
    ...(transaction.transactionId ? { transaction_id: transaction.transactionId } : {}),
    trade_type: 'JSAPI',
    trade_state: transaction.tradeState,
    ...(transaction.tradeState === 'SUCCESS' ? { trade_state_desc: '支付成功', bank_type: 'OTHERS' } : {}),
    ...(transaction.attach ? { attach: transaction.attach } : {}),
    ...(transaction.successTime ? { success_time: transaction.successTime } : {}),
    ...(transaction.payerOpenId ? { payer: { openid: transaction.payerOpenId } } : {}),
    amount: { total: transaction.amountFen, payer_total: transaction.amountFen, currency: 'CNY', payer_currency: 'CNY' },
  }
}

/** The body of a TRANSACTION.SUCCESS notification for the given transaction JSON, its resource encrypted with the APIv3 key. */
export function transactionNotificationBody(transaction: WeChatTransaction, apiV3Key: string, id: string, now: Date): NotificationBody {
  return {
    id,
    create_time: rfc3339Beijing(now),
    event_type: 'TRANSACTION.SUCCESS',
    resource_type: 'encrypt-resource',
    summary: '支付成功',
    resource: { ...encryptResource(JSON.stringify(transaction), apiV3Key, 'transaction'), original_type: 'transaction' },
  }
}

function readResource(body: string): EncryptedResource {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    throw new PaymentNotificationError('malformed', 'The notification body is not JSON')
  }
  const resource = isRecord(parsed) ? parsed.resource : undefined
  if (!isRecord(resource) || typeof resource.ciphertext !== 'string' || typeof resource.nonce !== 'string') {
    throw new PaymentNotificationError('malformed', 'The notification has no encrypted resource')
  }
  if (resource.algorithm !== RESOURCE_ALGORITHM) throw new PaymentNotificationError('malformed', `Resource algorithm ${String(resource.algorithm)} is not ${RESOURCE_ALGORITHM}`)
  if (resource.original_type !== undefined && resource.original_type !== 'transaction') {
    throw new PaymentNotificationError('malformed', `The notification is about a ${String(resource.original_type)}, not a transaction`)
  }
  if (resource.associated_data !== undefined && typeof resource.associated_data !== 'string') {
    throw new PaymentNotificationError('malformed', 'The resource associated_data is not a string')
  }
  return resource as unknown as EncryptedResource
}

/**
 * A payment notification, checked and read: WeChat Pay's signature (key id, timestamp window,
 * signature), then the resource decrypted with the APIv3 key and its transaction mapped,
 * refusing any app id or merchant id but ours. Throws PaymentNotificationError.
 */
export function parseNotification(request: NotificationRequest, keys: NotificationKeys, now: Date): Transaction {
  verifyWeChatPaySignedMessage(request.headers, request.body, keys, now)
  const resource = readResource(request.body)
  let plaintext: string
  try {
    plaintext = decryptResource(resource, keys.apiV3Key)
  } catch {
    throw new PaymentNotificationError('bad_ciphertext', 'The resource does not decrypt with the APIv3 key')
  }
  let json: unknown
  try {
    json = JSON.parse(plaintext)
  } catch {
    throw new PaymentNotificationError('malformed', 'The decrypted resource is not JSON')
  }
  const transaction = transactionFromWeChat(json)
  if (!transaction) throw new PaymentNotificationError('malformed', 'The decrypted resource is not a transaction')
  if (transaction.appId !== keys.appId || transaction.mchId !== keys.mchId) {
    throw new PaymentNotificationError('wrong_merchant', 'The transaction belongs to another app or merchant')
  }
  return transaction
}
