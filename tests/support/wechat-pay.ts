/**
 * Test helpers that play WeChat Pay: key sets, notifications signed and encrypted as WeChat
 * Pay sends them (or deliberately spoiled), and a local HTTP server answering the v3 API.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { NotificationRequest } from '../../functions/payments/ports'
import type { WeChatPayKeys } from '../../functions/platform/config'
import {
  requestSignatureMessage,
  signAsWeChatPay,
  transactionNotificationBody,
  verifyRsaSha256,
  type WeChatTransaction,
} from '../../functions/integrations/wechat-pay/crypto'

/** A full merchant configuration plus what only WeChat Pay (its private key) and the tests (the merchant public key) hold. */
export type TestWeChatPayKeys = WeChatPayKeys & { platformPrivateKey: string; merchantPublicKey: string }

export function rsaKeyPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
}

export function generateWeChatPayKeys(): TestWeChatPayKeys {
  const merchant = rsaKeyPair()
  const platform = rsaKeyPair()
  return {
    appId: 'wxd678efh567hg6787',
    mchId: '1230000109',
    apiV3Key: randomBytes(16).toString('hex'),
    merchantSerial: randomBytes(20).toString('hex').toUpperCase(),
    merchantPrivateKey: merchant.privateKey,
    merchantPublicKey: merchant.publicKey,
    platformKeyId: `PUB_KEY_ID_0112300001092025${randomBytes(8).toString('hex').toUpperCase()}`,
    platformPublicKey: platform.publicKey,
    platformPrivateKey: platform.privateKey,
    notifyUrl: 'https://studio.example.com/wechat-pay/notify',
  }
}

/** A paid JSAPI transaction of ours in WeChat Pay's JSON, with any field overridden. */
export function paidTransaction(keys: Pick<WeChatPayKeys, 'appId' | 'mchId'>, overrides: Partial<WeChatTransaction> = {}): WeChatTransaction {
  return {
    appid: keys.appId,
    mchid: keys.mchId,
    out_trade_no: 'DEP20250101ABCDEF',
    transaction_id: '4200002345202501011234567890',
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'CMC',
    attach: 'appointment=01HXYZ',
    success_time: '2025-01-01T10:00:00+08:00',
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    amount: { total: 50000, payer_total: 50000, currency: 'CNY', payer_currency: 'CNY' },
    ...overrides,
  }
}

export interface NotificationOptions {
  /** Seconds since the epoch for Wechatpay-Timestamp; now by default. */
  timestamp?: number
  /** Spoils one part: a ciphertext byte, a tag byte, or the signature (signed by another key). */
  tamper?: 'ciphertext' | 'tag' | 'signature'
  /** Signs with this key id instead of the configured one. */
  serial?: string
}

function flipByte(base64: string, index: number): string {
  const bytes = Buffer.from(base64, 'base64')
  const at = index < 0 ? bytes.length + index : index
  bytes[at] = bytes[at]! ^ 0x01
  return bytes.toString('base64')
}

/** A TRANSACTION.SUCCESS notification as WeChat Pay posts it, for a transaction of ours unless overridden. */
export function signedNotification(keys: TestWeChatPayKeys, transaction: Partial<WeChatTransaction> = {}, options: NotificationOptions = {}): NotificationRequest {
  const now = options.timestamp === undefined ? new Date() : new Date(options.timestamp * 1000)
  const body = transactionNotificationBody(paidTransaction(keys, transaction), keys.apiV3Key, `EV-${randomBytes(8).toString('hex')}`, now)
  if (options.tamper === 'ciphertext') body.resource.ciphertext = flipByte(body.resource.ciphertext, 0)
  if (options.tamper === 'tag') body.resource.ciphertext = flipByte(body.resource.ciphertext, -1)
  const text = JSON.stringify(body)
  const signer = options.tamper === 'signature' ? rsaKeyPair().privateKey : keys.platformPrivateKey
  const headers = signAsWeChatPay(text, { platformKeyId: options.serial ?? keys.platformKeyId, platformPrivateKey: signer }, now)
  return { headers: { 'Content-Type': 'application/json', ...headers }, body: text }
}

/** The environment loadConfig reads for WeChat Pay (the real adapter with PAY_PROVIDER=wechat). */
export function weChatPayEnv(keys: TestWeChatPayKeys, provider: 'wechat' | 'simulated' = 'wechat'): Record<string, string> {
  return {
    PAY_PROVIDER: provider,
    WECHATPAY_APP_ID: keys.appId,
    WECHATPAY_MCH_ID: keys.mchId,
    WECHATPAY_API_V3_KEY: keys.apiV3Key,
    WECHATPAY_MERCHANT_SERIAL: keys.merchantSerial,
    WECHATPAY_MERCHANT_PRIVATE_KEY: keys.merchantPrivateKey,
    WECHATPAY_PLATFORM_KEY_ID: keys.platformKeyId,
    WECHATPAY_PLATFORM_PUBLIC_KEY: keys.platformPublicKey,
    WECHATPAY_NOTIFY_URL: keys.notifyUrl,
    WECHATPAY_SIMULATOR_PLATFORM_PRIVATE_KEY: keys.platformPrivateKey,
  }
}

/** The fields of a `WECHATPAY2-SHA256-RSA2048 k="v",…` Authorization header; undefined when it is not one. */
export function parseAuthorization(header: string | undefined): Record<string, string> | undefined {
  const match = /^WECHATPAY2-SHA256-RSA2048 (.+)$/.exec(header ?? '')
  if (!match) return undefined
  const fields: Record<string, string> = {}
  for (const part of match[1]!.matchAll(/(\w+)="([^"]*)"/g)) fields[part[1]!] = part[2]!
  return fields
}

/** A request the fake WeChat Pay received and whose signature verified. */
export interface ReceivedRequest {
  method: string
  /** Path with query, as signed. */
  path: string
  authorization: Record<string, string>
  body: unknown
}

export interface FakeAnswer {
  status: number
  body?: unknown
  /** Answers with a signature by another key. */
  badSignature?: boolean
}

export interface FakeWeChatPay {
  baseUrl: string
  received: ReceivedRequest[]
  /** Sets the answer to the next requests (per "METHOD /path" without the query). */
  answer(route: string, reply: (request: ReceivedRequest) => FakeAnswer): void
  close(): Promise<void>
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

/**
 * WeChat Pay v3 on 127.0.0.1: it checks each request's Authorization with the merchant public
 * key (401 SIGN_ERROR, unsigned, otherwise) and signs each answer with the platform key.
 */
export async function startFakeWeChatPay(keys: TestWeChatPayKeys): Promise<FakeWeChatPay> {
  const routes = new Map<string, (request: ReceivedRequest) => FakeAnswer>()
  const received: ReceivedRequest[] = []
  const otherPlatformKey = rsaKeyPair().privateKey

  const send = (response: ServerResponse, answer: FakeAnswer) => {
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body)
    const signer = answer.badSignature ? otherPlatformKey : keys.platformPrivateKey
    const headers = answer.status === 401 ? {} : signAsWeChatPay(text, { platformKeyId: keys.platformKeyId, platformPrivateKey: signer }, new Date())
    response.writeHead(answer.status, { ...headers, ...(text ? { 'Content-Type': 'application/json' } : {}) })
    response.end(text)
  }

  const server: Server = createServer(async (request, response) => {
    const text = await readBody(request)
    const method = request.method ?? 'GET'
    const path = request.url ?? '/'
    const authorization = parseAuthorization(request.headers.authorization)
    const message = authorization && requestSignatureMessage(method, path, authorization.timestamp!, authorization.nonce_str!, text)
    const genuine =
      authorization !== undefined &&
      authorization.mchid === keys.mchId &&
      authorization.serial_no === keys.merchantSerial &&
      verifyRsaSha256(message!, authorization.signature ?? '', keys.merchantPublicKey)
    if (!genuine) return send(response, { status: 401, body: { code: 'SIGN_ERROR', message: '签名错误' } })
    const entry: ReceivedRequest = { method, path, authorization, body: text ? JSON.parse(text) : undefined }
    received.push(entry)
    const reply = routes.get(`${method} ${path.split('?')[0]}`)
    send(response, reply ? reply(entry) : { status: 404, body: { code: 'NOT_FOUND', message: 'no such API in the fake' } })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    answer: (route, reply) => void routes.set(route, reply),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
