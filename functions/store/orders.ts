import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import type { OrderSettings, OrderStage } from '../../types/orders'
import type { NewAuditEntry } from '../identity/ports'
import type { BookEntries, OrderPartition, OrderRecord, OrderRepository, PaymentIntent, PaymentRecord, PhotoRecord, StageChange } from '../orders/ports'
import { DomainError } from '../domain/errors'
import { AlreadyWritten, conditionFailure, guarded, transact, transactOnce } from './errors'
import { Update } from './expressions'
import { bookWrites } from './entities/books'
import { orderItem, orderUpdate, stageUpdate } from './entities/order'
import { AuditedStore, entity, pageCursor, putIfAbsent, queryAll } from './items'
import { keys } from './keys'
import { branchReference, customerReference, packageOnSale } from './entities/references'

const wrongStage = (change: StageChange) =>
  new DomainError('ILLEGAL_TRANSITION', `The order is no longer ${change.from}; it moved on meanwhile`)

/** Orders: their settings, the order item and its stages, photos and the selection draft. */
export class DynamoOrderRepository extends AuditedStore implements OrderRepository {
  async getSettings(studioId: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.orderSettings(studioId) }))
    return entity<{ settings: OrderSettings }>(Item)?.settings
  }

  async saveSettings(studioId: string, settings: OrderSettings, audit: NewAuditEntry) {
    await transact(this.db, [
      guarded({ Put: { TableName: this.table, Item: { ...keys.orderSettings(studioId), type: 'OrderSettings', settings } } }),
      guarded(this.auditPut(studioId, audit)),
    ])
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

  async create(order: OrderRecord, books?: BookEntries) {
    const put = { TableName: this.table, Item: orderItem(order), ConditionExpression: 'attribute_not_exists(pk)' }
    // Created once: a retried request fails the order's own condition and adds nothing to the books.
    // What it names is checked with it: the customer, a package on sale, the branch.
    const references = [
      customerReference(this.table, order.studioId, order.customerId),
      packageOnSale(this.table, order.studioId, order.package.id),
      ...(order.branchId ? [branchReference(this.table, order.studioId, order.branchId)] : []),
    ]
    if (await transactOnce(this.db, [guarded({ Put: put }, new AlreadyWritten()), ...references, ...bookWrites(this.table, books)])) return order
    // The same request again (its id is the order id): answer with what the first one made — only to the
    // same person asking the same for the same customer, package and branch; anyone else learns nothing of it.
    const existing = await this.get(order.studioId, order.id)
    const sameRequest =
      existing?.customerId === order.customerId &&
      existing.branchId === order.branchId &&
      existing.package.id === order.package.id &&
      existing.timeline[0]?.by.id === order.timeline[0]?.by.id
    if (!sameRequest) throw new DomainError('CONFLICT', 'This order exists already')
    return existing
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
    const { Attributes } = await this.db.send(new UpdateCommand({ ...orderUpdate(this.table, order, update).Update, ReturnValues: 'ALL_NEW' }))
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
    if (writes.length === 0) {
      try {
        return await this.updateOrder(order, stageUpdate(order, change))
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw await this.stageRefusal(order, change)
        throw error
      }
    }
    // Commission the work earns is written with the move, so the move and its lines stand or fall together.
    await transact(this.db, [guarded(orderUpdate(this.table, order, stageUpdate(order, change)), () => this.stageRefusal(order, change)), ...writes])
    return (await this.get(order.studioId, order.id))!
  }

  async replace(next: OrderRecord, readVersion: number, audit: NewAuditEntry[], books?: BookEntries) {
    const replaced = { TableName: this.table, Item: orderItem(next), ConditionExpression: '#version = :v', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':v': readVersion } }
    await transact(this.db, [
      guarded({ Put: replaced }, new DomainError('VERSION_CONFLICT', 'Someone else changed this order meanwhile; reload to see their change, then try again')),
      ...audit.map((entry) => guarded(this.auditPut(next.studioId, entry))),
      ...bookWrites(this.table, books),
    ])
  }

  async take(order: OrderRecord, assignee: { id: string; name: string }, now: string) {
    const update = new Update().when('stage', '=', order.stage).whenExists('assignee', false).set('assignee', assignee).set('updatedAt', now).add('version', 1)
    try {
      return await this.updateOrder(order, update)
    } catch (error) {
      throw conditionFailure(error, new DomainError('CONFLICT', 'Someone took this order first, or it moved on'))
    }
  }

  async markSentToLab(order: OrderRecord, now: string) {
    const update = new Update().when('stage', '=', 'producing').whenExists('labSentAt', false).set('labSentAt', now).set('updatedAt', now).add('version', 1)
    try {
      return await this.updateOrder(order, update)
    } catch (error) {
      throw conditionFailure(error, new DomainError('ILLEGAL_TRANSITION', 'The order is not waiting to go to the lab'))
    }
  }

  async putPhotos(photos: PhotoRecord[]) {
    for (let i = 0; i < photos.length; i += 25) {
      const chunk = photos.slice(i, i + 25)
      const exists = new DomainError('CONFLICT', 'This photo exists already')
      await transact(
        this.db,
        chunk.map((p) => guarded(putIfAbsent(this.table, { ...keys.photo(p.studioId, p.orderId, p.id), type: 'Photo', ...p }), exists)),
      )
    }
  }

  async removePhoto(studioId: string, orderId: string, photoId: string) {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.photo(studioId, orderId, photoId) }))
  }

  async saveDraft(order: OrderRecord, photoIds: string[]) {
    const stillSelecting = { TableName: this.table, Key: keys.order(order.studioId, order.id), ConditionExpression: 'stage = :s', ExpressionAttributeValues: { ':s': 'selecting' } }
    await transact(this.db, [
      guarded({ ConditionCheck: stillSelecting }, new DomainError('SELECTION_LOCKED', 'The selection is already confirmed')),
      guarded({ Put: { TableName: this.table, Item: { ...keys.selectionDraft(order.studioId, order.id), type: 'SelectionDraft', photoIds } } }),
    ])
  }
}
