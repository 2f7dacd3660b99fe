import { createPublicKey, generateKeyPairSync, randomBytes, randomInt, randomUUID } from 'node:crypto'
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { NotificationRequest, PaymentSimulator, PrepayRequest, RefundRequest, RefundResult, RequestPaymentParams, TradeState, Transaction } from '../../payments/ports'
import type { PaymentsConfig, WeChatPayKeys } from '../../platform/config'
import { logger } from '../../platform/logger'
import { AlreadyWritten, guarded, transactOnce } from '../../store/errors'
import { Update } from '../../store/expressions'
import { entity, putIfAbsent } from '../../store/items'
import { keys } from '../../store/keys'
import { checkPrepayRequest, checkRefundRequest, WeChatPayError } from './client'
import {
  parseNotification,
  requestPaymentParams as signedRequestPaymentParams,
  rfc3339Beijing,
  signAsWeChatPay,
  transactionNotificationBody,
  transactionToWeChat,
} from './crypto'

export type SimulatedPaymentsConfig = Extract<PaymentsConfig, { mode: 'simulated' }>

/** The simulator's keys: WeChatPayKeys plus the private key it signs with as WeChat Pay. */
export type SimulatorKeys = WeChatPayKeys & { platformPrivateKey: string }

/** A trade in the simulator's book. */
interface TradeRecord {
  outTradeNo: string
  prepayId: string
  amountFen: number
  payerOpenId: string
  description: string
  attach?: string
  tradeState: TradeState
  expiresAt: string
  refundedFen: number
  createdAt: string
  transactionId?: string
  successTime?: string
  notificationId?: string
}

interface RefundRecord extends RefundResult {
  outTradeNo: string
  refundFen: number
  totalFen: number
  reason?: string
  createdAt: string
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const randomText = (length: number, alphabet = ALPHANUMERIC) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('')
const randomDigits = (length: number) => randomText(length, '0123456789')
/** yyyyMMddHHmmss in China Standard Time, as WeChat Pay's ids begin. */
const compactBeijing = (date: Date) => rfc3339Beijing(date).slice(0, 19).replace(/\D/g, '')

function rsaKeyPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
}

/** Keys made up for this process, once: every simulator built here signs and verifies alike (and RSA keys are slow to make). */
let madeUp: { platformPrivateKey: string; merchantPrivateKey: string; apiV3Key: string } | undefined
function madeUpKeys() {
  if (!madeUp) {
    madeUp = { platformPrivateKey: rsaKeyPair().privateKey, merchantPrivateKey: rsaKeyPair().privateKey, apiV3Key: randomText(32) }
    logger.info('WeChat Pay is SIMULATED (local/test only): no money moves; its keys are made up for this process')
  }
  return madeUp
}

/**
 * The simulator's keys: the configured ones as given, the missing ones made up (once per
 * process), so a local start needs no setup. The platform public key is always derived from
 * the platform private key the simulator signs with, so its own notifications verify.
 */
export function simulatorKeys(config: SimulatedPaymentsConfig): SimulatorKeys {
  const fallback = !config.platformPrivateKey || !config.merchantPrivateKey || !config.apiV3Key ? madeUpKeys() : undefined
  const platformPrivateKey = config.platformPrivateKey ?? fallback!.platformPrivateKey
  return {
    appId: config.appId ?? 'wxsimulated000000',
    mchId: config.mchId ?? '1900000000',
    apiV3Key: config.apiV3Key ?? fallback!.apiV3Key,
    merchantSerial: config.merchantSerial ?? 'SIMULATED0000000000000000000000000000000',
    merchantPrivateKey: config.merchantPrivateKey ?? fallback!.merchantPrivateKey,
    platformKeyId: config.platformKeyId ?? 'PUB_KEY_ID_SIMULATED',
    platformPublicKey: createPublicKey(platformPrivateKey).export({ type: 'spki', format: 'pem' }).toString(),
    notifyUrl: config.notifyUrl ?? 'simulated',
    platformPrivateKey,
  }
}

const refused = (code: string, message: string, status = 400) => new WeChatPayError(code, status, `WeChat Pay (simulated) refused: ${code} ${message}`)

/**
 * SIMULATED WeChat Pay, for local use and tests only: it keeps its own book of trades in
 * DynamoDB, "pays" on request, and signs and encrypts genuine v3 notifications with its own
 * keys, which then go through exactly the checks the real adapter applies.
 */
export class SimulatedWeChatPay implements PaymentSimulator {
  readonly simulated = true
  readonly appId: string
  readonly mchId: string
  readonly keys: SimulatorKeys

  constructor(
    config: SimulatedPaymentsConfig,
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    this.keys = simulatorKeys(config)
    this.appId = this.keys.appId
    this.mchId = this.keys.mchId
  }

  private tradeKey(outTradeNo: string) {
    return keys.simulatedTrade(this.mchId, outTradeNo)
  }

  private async trade(outTradeNo: string): Promise<TradeRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: this.tradeKey(outTradeNo), ConsistentRead: true }))
    return entity<TradeRecord>(Item)
  }

  private async refundRecord(outRefundNo: string): Promise<RefundRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.simulatedRefund(this.mchId, outRefundNo), ConsistentRead: true }),
    )
    return entity<RefundRecord>(Item)
  }

  private transaction(trade: TradeRecord, tradeState = trade.tradeState): Transaction {
    return {
      appId: this.appId,
      mchId: this.mchId,
      outTradeNo: trade.outTradeNo,
      transactionId: trade.transactionId,
      tradeState,
      amountFen: trade.amountFen,
      payerOpenId: trade.payerOpenId,
      successTime: trade.successTime,
      attach: trade.attach,
    }
  }

  /** Like JSAPI prepay: the same order again gets its prepay id again; the same number for another amount is refused. */
  async prepay(request: PrepayRequest): Promise<{ prepayId: string }> {
    checkPrepayRequest(request)
    const now = new Date()
    const record: TradeRecord = {
      outTradeNo: request.outTradeNo,
      prepayId: `wx${compactBeijing(now)}${randomBytes(10).toString('hex')}`,
      amountFen: request.amountFen,
      payerOpenId: request.payerOpenId,
      description: request.description,
      attach: request.attach,
      tradeState: 'NOTPAY',
      expiresAt: request.expiresAt.toISOString(),
      refundedFen: 0,
      createdAt: now.toISOString(),
    }
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...this.tradeKey(request.outTradeNo), type: 'SimulatedTrade', ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      return { prepayId: record.prepayId }
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error
    }
    const existing = await this.trade(request.outTradeNo)
    if (!existing) throw refused('SYSTEM_ERROR', 'the trade vanished; try again', 500)
    if (existing.amountFen !== request.amountFen || existing.payerOpenId !== request.payerOpenId) {
      throw refused('INVALID_REQUEST', '201 商户订单号重复 (the same out_trade_no with other order details)')
    }
    if (existing.tradeState === 'SUCCESS' || existing.tradeState === 'REFUND') throw refused('ORDERPAID', '该订单已支付')
    if (existing.tradeState === 'CLOSED') throw refused('ORDER_CLOSED', '订单已关闭')
    return { prepayId: existing.prepayId }
  }

  requestPaymentParams(prepayId: string, now: Date): RequestPaymentParams {
    return signedRequestPaymentParams(this.appId, prepayId, this.keys.merchantPrivateKey, now)
  }

  /**
   * The customer pays: NOTPAY becomes SUCCESS (not when closed or past its expiry), and the
   * answer is WeChat Pay's TRANSACTION.SUCCESS notification for it. Paying a paid trade again
   * gives the same notification again, as WeChat Pay retries one.
   */
  async pay(outTradeNo: string, now: Date): Promise<NotificationRequest> {
    try {
      const paid = new Update()
        .when('tradeState', '=', 'NOTPAY')
        .when('expiresAt', '>', now.toISOString())
        .set('tradeState', 'SUCCESS')
        .set('transactionId', `4200${compactBeijing(now).slice(0, 8)}${randomDigits(16)}`)
        .set('successTime', rfc3339Beijing(now))
        .set('notificationId', randomUUID())
      const { Attributes } = await this.db.send(new UpdateCommand({ ...paid.build(this.table, this.tradeKey(outTradeNo)), ReturnValues: 'ALL_NEW' }))
      return this.notification(entity<TradeRecord>(Attributes)!, now)
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error
    }
    const trade = await this.trade(outTradeNo)
    if (!trade) throw refused('ORDER_NOT_EXIST', '订单不存在', 404)
    if (trade.tradeState === 'SUCCESS' || trade.tradeState === 'REFUND') return this.notification(trade, now)
    if (trade.tradeState === 'CLOSED') throw refused('ORDER_CLOSED', '订单已关闭')
    throw refused('ORDER_CLOSED', '订单已过期 (the prepay expired before payment)')
  }

  /** A genuine v3 notification of the payment, signed with the simulator's platform key and encrypted with its APIv3 key. */
  private notification(trade: TradeRecord, now: Date): NotificationRequest {
    const json = transactionToWeChat(this.transaction(trade, 'SUCCESS'))
    const body = JSON.stringify(transactionNotificationBody(json, this.keys.apiV3Key, trade.notificationId ?? randomUUID(), now))
    return { headers: { 'Content-Type': 'application/json', ...signAsWeChatPay(body, this.keys, now) }, body }
  }

  async query(outTradeNo: string): Promise<Transaction | undefined> {
    const trade = await this.trade(outTradeNo)
    return trade && this.transaction(trade)
  }

  /** NOTPAY becomes CLOSED; closing a closed trade again is harmless, closing a paid one is refused. */
  async close(outTradeNo: string): Promise<void> {
    try {
      const closed = new Update().whenIn('tradeState', ['NOTPAY', 'CLOSED']).set('tradeState', 'CLOSED')
      await this.db.send(new UpdateCommand(closed.build(this.table, this.tradeKey(outTradeNo))))
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error
      const trade = await this.trade(outTradeNo)
      if (!trade) throw refused('ORDER_NOT_EXIST', '订单不存在', 404)
      throw refused('ORDERPAID', '该订单已支付，不能关闭')
    }
  }

  /**
   * One refund per out_refund_no (the same number again answers the same refund), never more
   * in total than the trade's amount; the trade becomes REFUND. Refunds succeed at once.
   */
  async refund(request: RefundRequest): Promise<RefundResult> {
    checkRefundRequest(request)
    const earlier = await this.refundRecord(request.outRefundNo)
    if (earlier) return this.sameRefund(earlier, request)
    const now = new Date()
    const record: RefundRecord = {
      outRefundNo: request.outRefundNo,
      refundId: `50${randomDigits(27)}`,
      status: 'SUCCESS',
      outTradeNo: request.outTradeNo,
      refundFen: request.refundFen,
      totalFen: request.totalFen,
      reason: request.reason,
      createdAt: now.toISOString(),
    }
    const refunded = new Update()
      .whenIn('tradeState', ['SUCCESS', 'REFUND'])
      .when('amountFen', '=', request.totalFen)
      .when('refundedFen', '<=', request.totalFen - request.refundFen)
      .add('refundedFen', request.refundFen)
      .set('tradeState', 'REFUND')
    const written = await transactOnce(this.db, [
      guarded(putIfAbsent(this.table, { ...keys.simulatedRefund(this.mchId, request.outRefundNo), type: 'SimulatedRefund', ...record }), new AlreadyWritten()),
      guarded({ Update: refunded.build(this.table, this.tradeKey(request.outTradeNo)) }, () => this.refundRefusal(request)),
    ])
    if (written) return { outRefundNo: record.outRefundNo, refundId: record.refundId, status: record.status }
    // The same out_refund_no made a moment ago answers as that refund.
    const concurrent = await this.refundRecord(request.outRefundNo)
    if (concurrent) return this.sameRefund(concurrent, request)
    throw await this.refundRefusal(request)
  }

  /** The refund already made under this number, if the request is the same one. */
  private sameRefund(record: RefundRecord, request: RefundRequest): RefundResult {
    if (record.outTradeNo !== request.outTradeNo || record.refundFen !== request.refundFen) {
      throw refused('INVALID_REQUEST', 'out_refund_no was used for another refund')
    }
    return { outRefundNo: record.outRefundNo, refundId: record.refundId, status: record.status }
  }

  /** Why the trade would not take the refund. */
  private async refundRefusal(request: RefundRequest): Promise<WeChatPayError> {
    const trade = await this.trade(request.outTradeNo)
    if (!trade) return refused('RESOURCE_NOT_EXISTS', '订单不存在', 404)
    if (trade.tradeState !== 'SUCCESS' && trade.tradeState !== 'REFUND') return refused('INVALID_REQUEST', '订单未支付，不能退款')
    if (trade.amountFen !== request.totalFen) return refused('INVALID_REQUEST', '订单金额与原订单不一致 (amount.total differs from the trade)')
    return refused('INVALID_REQUEST', '退款金额超过订单可退金额 (more than what is left to refund)')
  }

  verifyNotification(request: NotificationRequest, now: Date): Transaction {
    return parseNotification(request, this.keys, now)
  }
}
