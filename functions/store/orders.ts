import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import type { Actor, OrderSettings, OrderStage } from '../../types/orders'
import type { NewAuditEntry } from '../identity/ports'
import type { BookEntries, BookingToConfirm, OrderPartition, OrderRecord, OrderRepository, PaymentIntent, PaymentRecord, PhotoRecord, StageChange } from '../orders/ports'
import { DomainError } from '../domain/errors'
import type { DynamoBookingRepository } from './booking'
import { bookWrites } from './entities/books'
import { conditionFailure, failedItem } from './errors'
import { auditPut, entity, pageCursor, putIfAbsent, queryAll, type Item } from './items'
import { keys } from './keys'

/** Far-future sort key for orders with no expected date, so they sort after every dated one. */
const NO_DATE = '9999-12-31'

/** The order item with its index keys: by stage (gsi1), by customer (gsi2) and, while a refund is owed, refunds due (gsi3). */
export function orderItem(order: OrderRecord): Item {
  const owed = order.stage === 'cancelled' && (order.refundDueFen ?? 0) > order.refundedFen
  return {
    ...keys.order(order.studioId, order.id),
    type: 'Order',
    gsi1pk: keys.ordersInStage(order.studioId, order.stage),
    gsi1sk: `${order.expectedBy ?? NO_DATE}#${order.id}`,
    gsi2pk: keys.customerOrders(order.studioId, order.customerId),
    gsi2sk: `${order.createdAt}#${order.id}`,
    ...(owed ? { gsi3pk: keys.refundsDue(order.studioId), gsi3sk: `${order.updatedAt}#${order.id}` } : {}),
    ...order,
  }
}

function paymentItem(payment: PaymentRecord): Item {
  return {
    ...keys.orderPayment(payment.studioId, payment.orderId, payment.id),
    type: 'Payment',
    ...(payment.audited ? {} : { gsi1pk: keys.unauditedPayments(payment.studioId), gsi1sk: `${payment.at}#${payment.id}` }),
    gsi2pk: keys.customerPayments(payment.studioId, payment.customerId),
    gsi2sk: `${payment.at}#${payment.id}`,
    ...payment,
  }
}

/** Collects the parts of one UpdateExpression. */
class Update {
  private sets: string[] = []
  private removes: string[] = []
  private conditions: string[] = []
  readonly names: Record<string, string> = {}
  readonly values: Record<string, unknown> = {}
  private n = 0

  private value(v: unknown) {
    const name = `:v${this.n++}`
    this.values[name] = v
    return name
  }
  private name(attribute: string) {
    const name = `#${attribute}`
    this.names[name] = attribute
    return name
  }
  set(attribute: string, v: unknown) {
    if (v === undefined) this.removes.push(this.name(attribute))
    else this.sets.push(`${this.name(attribute)} = ${this.value(v)}`)
    return this
  }
  add(attribute: string, amount: number) {
    this.sets.push(`${this.name(attribute)} = ${this.name(attribute)} + ${this.value(amount)}`)
    return this
  }
  append(attribute: string, items: unknown[]) {
    this.sets.push(`${this.name(attribute)} = list_append(${this.name(attribute)}, ${this.value(items)})`)
    return this
  }
  remove(attribute: string) {
    this.removes.push(this.name(attribute))
    return this
  }
  when(attribute: string, op: '=' | '<>' | '>=', v: unknown) {
    this.conditions.push(`${this.name(attribute)} ${op} ${this.value(v)}`)
    return this
  }
  whenExists(attribute: string, exists: boolean) {
    this.conditions.push(`${exists ? 'attribute_exists' : 'attribute_not_exists'}(${this.name(attribute)})`)
    return this
  }
  build(table: string, key: Item) {
    const expression = [this.sets.length ? `SET ${this.sets.join(', ')}` : '', this.removes.length ? `REMOVE ${[...new Set(this.removes)].join(', ')}` : '']
      .filter(Boolean)
      .join(' ')
    return {
      TableName: table,
      Key: key,
      UpdateExpression: expression,
      ...(this.conditions.length ? { ConditionExpression: this.conditions.join(' AND ') } : {}),
      ExpressionAttributeNames: this.names,
      ...(Object.keys(this.values).length ? { ExpressionAttributeValues: this.values } : {}),
    }
  }
}

/** The writes that move an order from one stage to the next, conditioned on it still being in the first. */
export function stageUpdate(order: Pick<OrderRecord, 'studioId' | 'id'>, change: StageChange, update = new Update()): Update {
  update
    .when('stage', '=', change.from)
    .set('stage', change.to)
    .set('stageEnteredAt', change.event.at)
    .set('updatedAt', change.event.at)
    .append('timeline', [{ stage: change.to, ...change.event }])
    .set('expectedBy', change.expectedBy)
    .set('gsi1pk', keys.ordersInStage(order.studioId, change.to))
    .set('gsi1sk', `${change.expectedBy ?? NO_DATE}#${order.id}`)
    .add('version', 1)
  for (const [attribute, v] of Object.entries(change.set ?? {})) update.set(attribute, v)
  if (change.addToTotalFen) update.add('totalFen', change.addToTotalFen).add('balanceFen', change.addToTotalFen)
  if (change.requireZeroBalance) update.when('balanceFen', '=', 0)
  if (change.expectVersion !== undefined) update.when('version', '=', change.expectVersion)
  if (change.expectPaidFen !== undefined) update.when('paidFen', '=', change.expectPaidFen)
  if (change.clearWork) update.remove('assignee').remove('labSentAt')
  if (change.to === 'cancelled' && (change.set?.refundDueFen ?? 0) > 0) {
    update.set('gsi3pk', keys.refundsDue(order.studioId)).set('gsi3sk', `${change.event.at}#${order.id}`)
  }
  return update
}

const wrongStage = (change: StageChange) =>
  new DomainError('ILLEGAL_TRANSITION', `The order is no longer ${change.from}; it moved on meanwhile`)

export class DynamoOrderRepository implements OrderRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly booking: DynamoBookingRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private auditPut(studioId: string, entry: NewAuditEntry) {
    return auditPut(this.table, studioId, entry, this.clock())
  }

  /** Marks a WeChat Pay charge as paid, in the transaction that records its payment. */
  private intentPaid(intent: PaymentIntent) {
    return {
      Update: {
        TableName: this.table,
        Key: keys.paymentIntent(intent.studioId, intent.orderId, intent.outTradeNo),
        UpdateExpression: 'SET #status = :paid',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':paid': 'paid' },
      },
    }
  }

  async getSettings(studioId: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.orderSettings(studioId) }))
    return entity<{ settings: OrderSettings }>(Item)?.settings
  }

  async saveSettings(studioId: string, settings: OrderSettings) {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...keys.orderSettings(studioId), type: 'OrderSettings', settings } }))
  }

  async get(studioId: string, orderId: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.order(studioId, orderId), ConsistentRead: true }))
    return entity<OrderRecord>(Item)
  }

  async partition(studioId: string, orderId: string): Promise<OrderPartition | undefined> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.orderPartition(studioId, orderId) },
      ConsistentRead: true,
    })
    const order = entity<OrderRecord>(items.find((i) => i.type === 'Order'))
    if (!order) return undefined
    const of = <T>(type: string) => items.filter((i) => i.type === type).map((i) => entity<T>(i)!)
    return {
      order,
      payments: of<PaymentRecord>('Payment').sort((a, b) => a.at.localeCompare(b.at)),
      intents: of<PaymentIntent>('PaymentIntent'),
      photos: of<PhotoRecord>('Photo').sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true })),
      draft: entity<{ photoIds: string[] }>(items.find((i) => i.type === 'SelectionDraft')),
    }
  }

  async create(order: OrderRecord) {
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: orderItem(order), ConditionExpression: 'attribute_not_exists(pk)' }))
      return order
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error
      // The same request again (its id is the order id): answer with what the first one made.
      const existing = await this.get(order.studioId, order.id)
      if (!existing || existing.customerId !== order.customerId) throw new DomainError('CONFLICT', 'This order exists already')
      return existing
    }
  }

  async byStage(studioId: string, stage: OrderStage, options: { limit: number; cursor?: string; before?: string }) {
    const partition = keys.ordersInStage(studioId, stage)
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: options.before ? 'gsi1pk = :p AND gsi1sk < :before' : 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': partition, ...(options.before ? { ':before': options.before } : {}) },
        Limit: options.limit,
        ExclusiveStartKey: pageCursor.decode(options.cursor, 'gsi1pk', partition),
      }),
    )
    return { items: (page.Items ?? []).map((i) => entity<OrderRecord>(i)!), nextCursor: pageCursor.encode(page.LastEvaluatedKey) }
  }

  async ofCustomer(studioId: string, customerId: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': keys.customerOrders(studioId, customerId) },
      ScanIndexForward: false,
    })
    return items.map((i) => entity<OrderRecord>(i)!)
  }

  /** Applies an order update and answers with the order as it now stands. */
  private async updateOrder(order: Pick<OrderRecord, 'studioId' | 'id'>, update: Update) {
    const { Attributes } = await this.db.send(new UpdateCommand({ ...update.build(this.table, keys.order(order.studioId, order.id)), ReturnValues: 'ALL_NEW' }))
    return entity<OrderRecord>(Attributes)!
  }

  /** Why a stage move's condition failed: the stage moved, money is owed, or someone changed the order. */
  private async stageRefusal(order: OrderRecord, change: StageChange): Promise<DomainError> {
    const fresh = await this.get(order.studioId, order.id)
    if (fresh?.stage === change.from) {
      if (change.requireZeroBalance && fresh.balanceFen !== 0) return new DomainError('BALANCE_DUE', `There is still ${fresh.balanceFen} fen to pay`)
      return new DomainError('VERSION_CONFLICT', 'Someone else changed this order meanwhile; reload and try again')
    }
    return wrongStage(change)
  }

  async changeStage(order: OrderRecord, change: StageChange, books?: BookEntries) {
    const writes = bookWrites(this.table, books)
    try {
      if (writes.items.length === 0) return await this.updateOrder(order, stageUpdate(order, change))
      // Commission the work earns is written with the move, so the move and its lines stand or fall together.
      const move = { Update: stageUpdate(order, change).build(this.table, keys.order(order.studioId, order.id)) }
      await this.db.send(new TransactWriteCommand({ TransactItems: [move, ...writes.items] as never }))
      return (await this.get(order.studioId, order.id))!
    } catch (error) {
      const failed = error instanceof ConditionalCheckFailedException ? 0 : failedItem(error)
      if (failed === 0) throw await this.stageRefusal(order, change)
      throw conditionFailure(error, [wrongStage(change), ...writes.reasons])
    }
  }

  async replace(next: OrderRecord, readVersion: number, audit: NewAuditEntry[]) {
    const items = [
      { Put: { TableName: this.table, Item: orderItem(next), ConditionExpression: '#version = :v', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':v': readVersion } } },
      ...audit.map((entry) => this.auditPut(next.studioId, entry)),
    ]
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }))
    } catch (error) {
      throw conditionFailure(error, [new DomainError('VERSION_CONFLICT', 'Someone else changed this order meanwhile; reload to see their change, then try again')])
    }
  }

  async take(order: OrderRecord, assignee: { id: string; name: string }, now: string) {
    const update = new Update().when('stage', '=', order.stage).whenExists('assignee', false).set('assignee', assignee).set('updatedAt', now).add('version', 1)
    try {
      return await this.updateOrder(order, update)
    } catch (error) {
      throw conditionFailure(error, [new DomainError('CONFLICT', 'Someone took this order first, or it moved on')])
    }
  }

  async markSentToLab(order: OrderRecord, now: string) {
    const update = new Update().when('stage', '=', 'producing').whenExists('labSentAt', false).set('labSentAt', now).set('updatedAt', now).add('version', 1)
    try {
      return await this.updateOrder(order, update)
    } catch (error) {
      throw conditionFailure(error, [new DomainError('ILLEGAL_TRANSITION', 'The order is not waiting to go to the lab')])
    }
  }

  async putPhotos(photos: PhotoRecord[]) {
    for (let i = 0; i < photos.length; i += 25) {
      const chunk = photos.slice(i, i + 25)
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: chunk.map((p) => putIfAbsent(this.table, { ...keys.photo(p.studioId, p.orderId, p.id), type: 'Photo', ...p })),
        }),
      )
    }
  }

  async removePhoto(studioId: string, orderId: string, photoId: string) {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.photo(studioId, orderId, photoId) }))
  }

  async saveDraft(order: OrderRecord, photoIds: string[]) {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: this.table,
                Key: keys.order(order.studioId, order.id),
                ConditionExpression: 'stage = :s',
                ExpressionAttributeValues: { ':s': 'selecting' },
              },
            },
            { Put: { TableName: this.table, Item: { ...keys.selectionDraft(order.studioId, order.id), type: 'SelectionDraft', photoIds } } },
          ],
        }),
      )
    } catch (error) {
      throw conditionFailure(error, [new DomainError('SELECTION_LOCKED', 'The selection is already confirmed')])
    }
  }

  async getIntent(studioId: string, orderId: string, outTradeNo: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.paymentIntent(studioId, orderId, outTradeNo), ConsistentRead: true }))
    return entity<PaymentIntent>(Item)
  }

  async putIntent(intent: PaymentIntent) {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.paymentIntent(intent.studioId, intent.orderId, intent.outTradeNo), type: 'PaymentIntent', ...intent },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
  }

  async closeIntent(intent: PaymentIntent) {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.paymentIntent(intent.studioId, intent.orderId, intent.outTradeNo),
          UpdateExpression: 'SET #status = :closed',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open' },
        }),
      )
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error
    }
  }

  async capture(
    order: OrderRecord,
    payment: PaymentRecord,
    options: { intent?: PaymentIntent; confirm?: { change: StageChange; booking?: BookingToConfirm }; audit: NewAuditEntry; books?: BookEntries },
  ): Promise<boolean> {
    const orderUpdate = options.confirm ? stageUpdate(order, options.confirm.change) : new Update().add('version', 1).set('updatedAt', payment.at)
    if (!options.confirm) orderUpdate.when('stage', '<>', 'cancelled')
    orderUpdate.when('balanceFen', '>=', payment.amountFen).add('paidFen', payment.amountFen).add('balanceFen', -payment.amountFen)
    if (!payment.audited) orderUpdate.add('unauditedFen', payment.amountFen)
    const confirmation = options.confirm?.booking ? this.booking.confirmationWrites(options.confirm.booking.appointment, options.confirm.booking.locks, new Date(payment.at)) : []
    const items = [
      { Put: { TableName: this.table, Item: paymentItem(payment), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Update: orderUpdate.build(this.table, keys.order(order.studioId, order.id)) },
      ...(options.intent ? [this.intentPaid(options.intent)] : []),
      this.auditPut(order.studioId, options.audit),
      ...confirmation,
    ]
    const books = bookWrites(this.table, options.books)
    const booksStart = items.length
    items.push(...(books.items as never[]))
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items as never }))
      return true
    } catch (error) {
      const failed = failedItem(error)
      if (failed === 0) return false
      if (failed >= booksStart) throw books.reasons[failed - booksStart] ?? error
      if (failed === 1) {
        // On the confirming path the stage and the balance share one condition: tell them apart.
        const fresh = options.confirm ? await this.get(order.studioId, order.id) : undefined
        const moved = options.confirm && fresh?.stage !== options.confirm.change.from
        throw new DomainError(moved ? 'ILLEGAL_TRANSITION' : 'OVERPAYMENT', 'The order cannot take this payment as it stands')
      }
      if (failed === booksStart - confirmation.length) throw new DomainError('ILLEGAL_TRANSITION', 'The booking changed meanwhile')
      if (failed > booksStart - confirmation.length) throw new DomainError('SLOT_TAKEN', 'The hold on this time ran out and someone else has booked it')
      throw conditionFailure(error, [])
    }
  }

  async recordUncredited(payment: PaymentRecord, intent: PaymentIntent | undefined, audit: NewAuditEntry) {
    const items = [
      { Put: { TableName: this.table, Item: paymentItem(payment), ConditionExpression: 'attribute_not_exists(pk)' } },
      ...(intent ? [this.intentPaid(intent)] : []),
      this.auditPut(payment.studioId, audit),
    ]
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }))
      return true
    } catch (error) {
      // Its entry is recorded already: the same request, applied once.
      if (failedItem(error) === 0) return false
      throw conditionFailure(error, [])
    }
  }

  async audit(order: OrderRecord, payment: PaymentRecord, by: Actor, at: string, audit: NewAuditEntry, books?: BookEntries) {
    const next: PaymentRecord = { ...payment, audited: true, auditedBy: by, auditedAt: at }
    const items = [
      {
        Update: {
          TableName: this.table,
          Key: keys.orderPayment(payment.studioId, payment.orderId, payment.id),
          UpdateExpression: 'SET audited = :t, auditedBy = :by, auditedAt = :at REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'audited = :f',
          ExpressionAttributeValues: { ':t': true, ':f': false, ':by': by, ':at': at },
        },
      },
      {
        Update: {
          TableName: this.table,
          Key: keys.order(order.studioId, order.id),
          UpdateExpression: 'SET unauditedFen = unauditedFen - :a, updatedAt = :at, #version = #version + :one',
          ExpressionAttributeNames: { '#version': 'version' },
          // What was refunded of it already left the unaudited total with the refund.
          ExpressionAttributeValues: { ':a': payment.refundableFen, ':at': at, ':one': 1 },
        },
      },
      this.auditPut(order.studioId, audit),
    ]
    const entries = bookWrites(this.table, books)
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [...items, ...entries.items] as never }))
    } catch (error) {
      throw conditionFailure(error, [new DomainError('CONFLICT', 'This payment is audited already'), undefined, undefined, ...entries.reasons])
    }
    return next
  }

  async refund(order: OrderRecord | undefined, payment: PaymentRecord, refund: PaymentRecord, audit: NewAuditEntry, books?: BookEntries) {
    const amount = -refund.amountFen
    const orderUpdate = new Update()
      .whenExists('pk', true)
      .when('paidFen', '>=', amount)
      .add('paidFen', -amount)
      .add('balanceFen', amount)
      .add('refundedFen', amount)
      .add('version', 1)
      .set('updatedAt', refund.at)
    if (!payment.audited) orderUpdate.add('unauditedFen', -amount)
    if (order && order.stage === 'cancelled' && (order.refundDueFen ?? 0) <= order.refundedFen + amount) orderUpdate.remove('gsi3pk').remove('gsi3sk')
    const items = [
      { Put: { TableName: this.table, Item: paymentItem(refund), ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        Update: {
          TableName: this.table,
          Key: keys.orderPayment(payment.studioId, payment.orderId, payment.id),
          UpdateExpression: 'SET refundableFen = refundableFen - :a',
          ConditionExpression: 'refundableFen >= :a',
          ExpressionAttributeValues: { ':a': amount },
        },
      },
      // Money that was never credited (an uncredited payment) leaves the order's totals alone.
      ...(order ? [{ Update: orderUpdate.build(this.table, keys.order(order.studioId, order.id)) }] : []),
      this.auditPut(payment.studioId, audit),
    ]
    const entries = bookWrites(this.table, books)
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [...items, ...entries.items] as never }))
      return true
    } catch (error) {
      // Its entry is recorded already: the same request, applied once.
      if (failedItem(error) === 0) return false
      const refused = [undefined, new DomainError('OVERPAYMENT', 'That is more than is left to refund of this payment')]
      if (order) refused.push(new DomainError('OVERPAYMENT', 'That is more than was paid on this order'))
      throw conditionFailure(error, [...refused, undefined, ...entries.reasons])
    }
  }

  async recordAudit(studioId: string, entry: NewAuditEntry) {
    await this.db.send(new PutCommand(this.auditPut(studioId, entry).Put))
  }

  async markRefundOwed(order: OrderRecord, at: string) {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.order(order.studioId, order.id),
        UpdateExpression: 'SET gsi3pk = :p, gsi3sk = :s',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':p': keys.refundsDue(order.studioId), ':s': `${at}#${order.id}` },
      }),
    )
  }

  async clearRefundOwed(order: OrderRecord) {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.order(order.studioId, order.id),
        UpdateExpression: 'REMOVE gsi3pk, gsi3sk',
        ConditionExpression: 'attribute_exists(pk)',
      }),
    )
  }

  async setPaymentStatus(payment: PaymentRecord, status: PaymentRecord['status'], fields: Partial<PaymentRecord> = {}) {
    const update = new Update().set('status', status)
    for (const [attribute, v] of Object.entries(fields)) update.set(attribute, v)
    await this.db.send(new UpdateCommand(update.build(this.table, keys.orderPayment(payment.studioId, payment.orderId, payment.id))))
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
    return items.map((i) => entity<OrderRecord>(i)!)
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
