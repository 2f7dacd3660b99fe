import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { DomainError, notFound } from '../domain/errors'
import { normaliseName } from '../domain/names'
import type { CustomerChanges, CustomerRecord, CustomerRepository, CustomerSearch, FollowUpRecord } from '../customers/ports'
import { guarded, transact, type TransactionItem } from './errors'
import { Update } from './expressions'
import { figureWrites } from './entities/books'
import type { FigureWrite } from '../domain/report-events'
import { customerCreationItems, customerItem, facetDelete, facetPut, facetsOf, phonePut, phoneTaken, sortKey, type Facet } from './entities/customer'
import { batchGetAll, entity, pageCursor, queryAll } from './items'
import { followUpItem } from './entities/follow-up'
import { keys } from './keys'
import { activeStaffReference, customerReference } from './entities/references'


export class DynamoCustomerRepository implements CustomerRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private creationItems(record: CustomerRecord) {
    return customerCreationItems(this.table, record)
  }

  createCustomer(record: CustomerRecord) {
    return this.createCustomers([record])
  }

  async createCustomers(records: CustomerRecord[]) {
    const items = records.flatMap((r) => this.creationItems(r))
    if (items.length > 100) throw new Error('too many items for one transaction')
    await transact(this.db, items)
  }

  async findByPhones(studioId: string, phones: string[]) {
    const found = new Map<string, CustomerRecord>()
    for (let i = 0; i < phones.length; i += 100) {
      const chunk = phones.slice(i, i + 100)
      const links = await this.batchGet(chunk.map((phone) => keys.phone(studioId, phone)))
      const customers = await this.byIds(studioId, links.map((l) => l.customerId as string))
      const byId = new Map(customers.map((c) => [c.id, c]))
      for (const link of links) {
        const customer = byId.get(link.customerId as string)
        if (customer?.phone) found.set(customer.phone, customer)
      }
    }
    return found
  }

  private batchGet(keyList: { pk: string; sk: string }[]) {
    return batchGetAll(this.db, this.table, keyList)
  }

  async updateCustomer(
    studioId: string,
    customerId: string,
    changes: CustomerChanges,
    now: string,
    options: { expectedVersion?: number; phoneVerified: boolean },
  ) {
    const current = await this.getCustomer(studioId, customerId, true)
    if (!current) throw notFound('Customer')
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
      throw new DomainError('VERSION_CONFLICT', 'Someone else changed this customer meanwhile; reload and try again')
    }
    const version = current.version
    const next: CustomerRecord = { ...current, ...changes, version: version + 1, updatedAt: now }
    const phoneChanged = next.phone !== current.phone
    // A staff edit confirms the phone; a customer's own edit of it leaves it unconfirmed.
    next.phoneVerified = Boolean(next.phone) && (options.phoneVerified || (!phoneChanged && Boolean(current.phoneVerified)))
    const holdsKeyNow = Boolean(current.phone && current.phoneVerified)
    const holdsKeyNext = Boolean(next.phone && next.phoneVerified)

    const items: TransactionItem[] = []
    const add = (item: Record<string, unknown>, onFailure?: DomainError) => items.push(guarded(item, onFailure))
    add(
      {
        Put: {
          TableName: this.table,
          Item: customerItem(next),
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': version },
        },
      },
      new DomainError('VERSION_CONFLICT', 'Someone else changed this customer meanwhile; reload and try again'),
    )
    const keyMoves = phoneChanged || holdsKeyNow !== holdsKeyNext
    if (keyMoves) {
      if (holdsKeyNext) add(phonePut(this.table, studioId, next.phone!, customerId), phoneTaken())
      if (holdsKeyNow) {
        add({
          Delete: {
            TableName: this.table,
            Key: keys.phone(studioId, current.phone!),
            ConditionExpression: 'customerId = :id',
            ExpressionAttributeValues: { ':id': customerId },
          },
        })
      }
    }
    // Index items are keyed by name, so a rename moves all of them.
    const renamed = sortKey(next) !== sortKey(current)
    const before = facetsOf(current)
    const after = facetsOf(next)
    const same = (a: Facet, b: Facet) => a.kind === b.kind && a.value === b.value
    for (const f of before) if (renamed || !after.some((g) => same(f, g))) add(facetDelete(this.table, current, f))
    for (const f of after) if (renamed || !before.some((g) => same(f, g))) add(facetPut(this.table, next, f))

    await transact(this.db, items)
    return next
  }

  async getCustomer(studioId: string, customerId: string, consistent = false) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.customer(studioId, customerId), ConsistentRead: consistent }))
    return entity<CustomerRecord>(Item)
  }

  async findByPhone(studioId: string, phone: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.phone(studioId, phone) }))
    return Item ? this.getCustomer(studioId, Item.customerId as string) : undefined
  }

  private async byIds(studioId: string, ids: string[]): Promise<CustomerRecord[]> {
    if (ids.length === 0) return []
    const items = await this.batchGet(ids.map((id) => keys.customer(studioId, id)))
    const found = new Map(items.map((i) => [i.id as string, entity<CustomerRecord>(i)!]))
    return ids.map((id) => found.get(id)).filter((c): c is CustomerRecord => Boolean(c))
  }

  /**
   * One index query per search: by tag or source (facet items), by the phone's last four
   * digits (gsi1) or by name prefix (gsi2). Facet hits are then fetched in one batch.
   */
  async search(studioId: string, query: CustomerSearch) {
    const prefix = query.namePrefix ? normaliseName(query.namePrefix) : undefined
    const facet = query.tag ? keys.customerFacet(studioId, 'tag', query.tag) : query.source ? keys.customerFacet(studioId, 'source', query.source) : undefined
    let request: { IndexName?: string; partitionAttribute: string; partition: string; sortAttribute: string }
    if (facet) request = { partitionAttribute: 'pk', partition: facet, sortAttribute: 'sk' }
    else if (query.phoneLast4 || query.fullPhone) {
      const last4 = query.phoneLast4 ?? query.fullPhone!.slice(-4)
      request = { IndexName: 'gsi1', partitionAttribute: 'gsi1pk', partition: keys.customersByPhone4(studioId, last4), sortAttribute: 'gsi1sk' }
    }
    else request = { IndexName: 'gsi2', partitionAttribute: 'gsi2pk', partition: keys.customersByName(studioId), sortAttribute: 'gsi2sk' }

    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: request.IndexName,
        KeyConditionExpression: `#p = :p${prefix ? ' AND begins_with(#s, :prefix)' : ''}`,
        ...(query.fullPhone && !facet ? { FilterExpression: '#phone = :phone' } : {}),
        ExpressionAttributeNames: {
          '#p': request.partitionAttribute,
          ...(prefix ? { '#s': request.sortAttribute } : {}),
          ...(query.fullPhone && !facet ? { '#phone': 'phone' } : {}),
        },
        ExpressionAttributeValues: {
          ':p': request.partition,
          ...(prefix ? { ':prefix': prefix } : {}),
          ...(query.fullPhone && !facet ? { ':phone': query.fullPhone } : {}),
        },
        Limit: query.limit,
        ExclusiveStartKey: pageCursor.decode(query.cursor, request.partitionAttribute, request.partition),
      }),
    )
    const rows = page.Items ?? []
    const items = facet ? await this.byIds(studioId, rows.map((r) => r.customerId as string)) : rows.map((r) => entity<CustomerRecord>(r)!)
    return { items, nextCursor: pageCursor.encode(page.LastEvaluatedKey) }
  }

  async createFollowUp(record: FollowUpRecord, figures: FigureWrite[] = []) {
    const followUp = followUpItem(record)
    await transact(this.db, [
      guarded({ Put: { TableName: this.table, Item: followUp } }),
      customerReference(this.table, record.studioId, record.customerId),
      ...(record.assigneeId ? [activeStaffReference(this.table, record.studioId, record.assigneeId, 'assigneeId')] : []),
      ...figureWrites(this.table, figures),
    ])
  }

  async completeFollowUp(studioId: string, customerId: string, followUpId: string, outcome: Pick<FollowUpRecord, 'outcome' | 'outcomeNote' | 'doneBranchId'>, now: string, figures: FigureWrite[] = []) {
    const key = keys.followUp(studioId, customerId, followUpId)
    const done = new Update()
      .whenExists('pk', true)
      .when('status', '=', 'open')
      .set('status', 'done')
      .set('outcome', outcome.outcome)
      .set('outcomeNote', outcome.outcomeNote ?? '')
      .set('completedAt', now)
    if (outcome.doneBranchId) done.set('doneBranchId', outcome.doneBranchId)
      .remove('gsi1pk')
      .remove('gsi1sk')
    // Done once: a second completion fails the open condition and adds nothing to the figures.
    await transact(this.db, [
      // Absent (another studio's or customer's id) is not found; present but closed is done already.
      guarded({ Update: done.build(this.table, key) }, async () =>
        (await this.db.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }))).Item
          ? new DomainError('PRECONDITION_FAILED', 'This follow-up is already done')
          : notFound('Follow-up'),
      ),
      ...figureWrites(this.table, figures),
    ])
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }))
    return entity<FollowUpRecord>(Item)!
  }

  async listDueFollowUps(studioId: string, onOrBefore: string, limit: number) {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p AND gsi1sk < :upTo',
        ExpressionAttributeValues: { ':p': keys.openFollowUps(studioId), ':upTo': `${onOrBefore}#~` },
        Limit: limit,
      }),
    )
    return Items.map((i) => entity<FollowUpRecord>(i)!)
  }

  async customerFile(studioId: string, customerId: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.customerPartition(studioId, customerId) },
    })
    return {
      customer: entity<CustomerRecord>(items.find((i) => i.type === 'Customer')),
      followUps: items.filter((i) => i.type === 'FollowUp').map((i) => entity<FollowUpRecord>(i)!),
    }
  }
}
