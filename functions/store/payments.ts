import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import type { Actor } from '../../types/orders'
import { DomainError } from '../domain/errors'
import type { NewAuditEntry } from '../identity/ports'
import type { BookEntries, OrderRecord, PaymentIntent, PaymentRecord } from '../orders/ports'
import type { DepositConfirmation, PaymentLedger } from '../payments/ports'
import { AlreadyWritten, guarded, transact, transactOnce } from './errors'
import { Update } from './expressions'
import { confirmationWrites } from './entities/appointment'
import { bookWrites } from './entities/books'
import { clearRefundOwed, orderUpdate, stageUpdate } from './entities/order'
import { intentClosed, intentItem, intentKey, intentPaid, paymentAudited, paymentItem, paymentKey, paymentStatusUpdate } from './entities/payment'
import { auditPut, entity, pageCursor, putIfAbsent, queryAll } from './items'
import { keys } from './keys'

/** The money on an order: payments and refunds, WeChat Pay charges, audits and refunds due. */
export class DynamoPaymentLedger implements PaymentLedger {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private audited(studioId: string, entry: NewAuditEntry) {
    return guarded(auditPut(this.table, studioId, entry, this.clock()))
  }

  /** The payment's own entry: created once, so the same payment applied twice is recognised. */
  private paymentPut(payment: PaymentRecord) {
    return guarded(putIfAbsent(this.table, paymentItem(payment)), new AlreadyWritten())
  }

  async getIntent(studioId: string, orderId: string, outTradeNo: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.paymentIntent(studioId, orderId, outTradeNo), ConsistentRead: true }))
    return entity<PaymentIntent>(Item)
  }

  async putIntent(intent: PaymentIntent) {
    await this.db.send(new PutCommand(putIfAbsent(this.table, intentItem(intent)).Put))
  }

  async closeIntent(intent: PaymentIntent) {
    try {
      await this.db.send(new UpdateCommand(intentClosed().build(this.table, intentKey(intent))))
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error
    }
  }

  async capture(order: OrderRecord, payment: PaymentRecord, options: { intent?: PaymentIntent; confirm?: DepositConfirmation; audit: NewAuditEntry; books?: BookEntries }) {
    const { confirm } = options
    const update = confirm ? stageUpdate(order, confirm.change) : new Update().add('version', 1).set('updatedAt', payment.at).when('stage', '<>', 'cancelled')
    update.when('balanceFen', '>=', payment.amountFen).add('paidFen', payment.amountFen).add('balanceFen', -payment.amountFen)
    if (!payment.audited) update.add('unauditedFen', payment.amountFen)
    // On the confirming path the stage and the balance share one condition: a fresh read tells them apart.
    const refused = async () => {
      const fresh = await this.get(order)
      if (fresh?.stage === 'cancelled' && !confirm) return new DomainError('NOTHING_TO_PAY', 'This order was cancelled meanwhile')
      const moved = confirm && fresh?.stage !== confirm.change.from
      return new DomainError(moved ? 'ILLEGAL_TRANSITION' : 'OVERPAYMENT', 'The order cannot take this payment as it stands')
    }
    const booking = confirm?.booking
    return transactOnce(this.db, [
      this.paymentPut(payment),
      guarded(orderUpdate(this.table, order, update), refused),
      ...(options.intent ? [guarded(intentPaid(this.table, options.intent))] : []),
      this.audited(order.studioId, options.audit),
      ...(booking
        ? confirmationWrites(this.table, booking.appointment, booking.locks, new Date(payment.at), {
            appointment: new DomainError('ILLEGAL_TRANSITION', 'The booking changed meanwhile'),
            lock: new DomainError('SLOT_TAKEN', 'The hold on this time ran out and someone else has booked it'),
          })
        : []),
      // The day book and the commission the money earns stand or fall with it.
      ...bookWrites(this.table, options.books),
    ])
  }

  private async get(order: Pick<OrderRecord, 'studioId' | 'id'>) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.order(order.studioId, order.id), ConsistentRead: true }))
    return entity<OrderRecord>(Item)
  }

  async recordUncredited(payment: PaymentRecord, intent: PaymentIntent | undefined, audit: NewAuditEntry) {
    return transactOnce(this.db, [this.paymentPut(payment), ...(intent ? [guarded(intentPaid(this.table, intent))] : []), this.audited(payment.studioId, audit)])
  }

  async audit(order: OrderRecord, payment: PaymentRecord, by: Actor, at: string, audit: NewAuditEntry, books?: BookEntries) {
    const next: PaymentRecord = { ...payment, audited: true, auditedBy: by, auditedAt: at }
    await transact(this.db, [
      // Audited as it was read: a refund of it landing meanwhile changes what leaves the unaudited total.
      guarded(
        { Update: paymentAudited(by, at).when('refundableFen', '=', payment.refundableFen).build(this.table, paymentKey(payment)) },
        new DomainError('CONFLICT', 'This payment was audited or refunded meanwhile; reload and try again'),
      ),
      // What was refunded of it already left the unaudited total with the refund.
      guarded(
        orderUpdate(this.table, order, new Update().when('unauditedFen', '>=', payment.refundableFen).add('unauditedFen', -payment.refundableFen).set('updatedAt', at).add('version', 1)),
        new DomainError('CONFLICT', 'The order changed meanwhile; reload and try again'),
      ),
      this.audited(order.studioId, audit),
      ...bookWrites(this.table, books),
    ])
    return next
  }

  async refund(order: OrderRecord | undefined, payment: PaymentRecord, refund: PaymentRecord, audit: NewAuditEntry, books?: BookEntries) {
    const amount = -refund.amountFen
    const update = new Update()
      .whenExists('pk', true)
      .when('paidFen', '>=', amount)
      .add('paidFen', -amount)
      .add('balanceFen', amount)
      .add('refundedFen', amount)
      .add('version', 1)
      .set('updatedAt', refund.at)
    if (!payment.audited) update.when('unauditedFen', '>=', amount).add('unauditedFen', -amount)
    if (order && order.stage === 'cancelled' && (order.refundDueFen ?? 0) <= order.refundedFen + amount) clearRefundOwed(update)
    // Refunded as the payment was read: audited or not decides which totals it leaves.
    const refundable = new Update().when('refundableFen', '>=', amount).when('audited', '=', payment.audited).add('refundableFen', -amount)
    // An unaudited payment refunded in full has nothing left for finance to check: it leaves 待审核.
    if (!payment.audited && amount === payment.refundableFen) refundable.when('refundableFen', '=', amount).remove('gsi1pk').remove('gsi1sk')
    return transactOnce(this.db, [
      this.paymentPut(refund),
      guarded({ Update: refundable.build(this.table, paymentKey(payment)) }, async () => {
          const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: paymentKey(payment), ConsistentRead: true }))
          return entity<PaymentRecord>(Item)?.audited !== payment.audited
            ? new DomainError('CONFLICT', 'This payment was audited meanwhile; reload and try again')
            : new DomainError('OVERPAYMENT', 'That is more than is left to refund of this payment')
        }),
      // Money that was never credited (an uncredited payment) leaves the order's totals alone.
      ...(order ? [guarded(orderUpdate(this.table, order, update), new DomainError('OVERPAYMENT', 'That is more than was paid on this order'))] : []),
      this.audited(payment.studioId, audit),
      ...bookWrites(this.table, books),
    ])
  }

  async recordAudit(studioId: string, entry: NewAuditEntry) {
    await this.db.send(new PutCommand(auditPut(this.table, studioId, entry, this.clock()).Put))
  }

  async clearRefundOwed(order: OrderRecord) {
    await this.db.send(new UpdateCommand(orderUpdate(this.table, order, clearRefundOwed().whenExists('pk', true)).Update))
  }

  async setPaymentStatus(payment: PaymentRecord, status: PaymentRecord['status'], fields: Partial<PaymentRecord> = {}) {
    const update = paymentStatusUpdate(payment, status)
    for (const [attribute, v] of Object.entries(fields)) update.set(attribute, v)
    await this.db.send(new UpdateCommand(update.build(this.table, paymentKey(payment))))
  }

  async unaudited(studioId: string, options: { limit: number; cursor?: string }) {
    const partition = keys.unauditedPayments(studioId)
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': partition },
        Limit: options.limit,
        ExclusiveStartKey: pageCursor.decode(options.cursor, 'gsi1pk', partition),
      }),
    )
    return { items: (page.Items ?? []).map((i) => entity<PaymentRecord>(i)!), nextCursor: pageCursor.encode(page.LastEvaluatedKey) }
  }

  async refundsDue(studioId: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :p',
      ExpressionAttributeValues: { ':p': keys.refundsDue(studioId) },
    })
    // Cancelled orders owing their policy refund are listed by the order item; refunds WeChat Pay did
    // not take by their own item, whose order is read for the listing (once, however many failed).
    const orders = new Map<string, OrderRecord | undefined>()
    for (const item of items) {
      if (item.type === 'Order') orders.set(item.id as string, entity<OrderRecord>(item))
      else if (!orders.has(item.orderId as string)) orders.set(item.orderId as string, undefined)
    }
    const unread = [...orders].filter(([, order]) => !order).map(([orderId]) => orderId)
    const read = await Promise.all(unread.map((orderId) => this.get({ studioId, id: orderId })))
    for (const order of read) if (order) orders.set(order.id, order)
    return [...orders.values()].filter((order): order is OrderRecord => order !== undefined)
  }

  async customerPayments(studioId: string, customerId: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': keys.customerPayments(studioId, customerId) },
      ScanIndexForward: false,
    })
    return items.map((i) => entity<PaymentRecord>(i)!)
  }
}
