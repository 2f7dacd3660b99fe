import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import type { AuditEntry } from '../../types/entities'
import type { NewAuditEntry } from '../identity/ports'
import { DomainError } from '../domain/errors'
import { keys } from './keys'
import { TTL_ATTRIBUTE } from './table'

export type Item = Record<string, unknown>

/** Strips the table's own attributes from an item, leaving the entity. */
export function entity<T>(item: Item | undefined): T | undefined {
  if (!item) return undefined
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, gsi3pk: _g3, gsi3sk: _g3s, type: _t, [TTL_ATTRIBUTE]: _ttl, ...rest } = item
  return rest as T
}

/** Page cursors are the last evaluated key, opaque to clients and checked to stay in the caller's partition. */
export const pageCursor = {
  encode: (key: Item | undefined) => (key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined),
  decode: (value: string | undefined, partitionAttribute: string, partition: string): Item | undefined => {
    if (!value) return undefined
    try {
      const key = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Item
      if (key[partitionAttribute] !== partition) throw new Error('cursor of another partition')
      // A last-evaluated key holds only key attributes, all strings here.
      const attributes = Object.entries(key)
      if (attributes.length > 4 || attributes.some(([name, v]) => !/^(pk|sk|gsi\d(pk|sk))$/.test(name) || typeof v !== 'string')) throw new Error('not a key')
      return key
    } catch {
      throw new DomainError('VALIDATION_FAILED', 'The page cursor is not valid', { fields: [{ path: 'cursor', message: 'is not a valid cursor' }] })
    }
  },
}

/** A transaction Put that only creates: it fails if the key exists. */
export const putIfAbsent = (table: string, item: Item) => ({
  Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
})

/** A transaction Put adding an entry to the studio's audit log, stamped with the time given. */
export function auditPut(table: string, studioId: string, entry: NewAuditEntry, at: Date) {
  const id = ulid(at.getTime())
  const item: AuditEntry = { ...entry, id, at: at.toISOString() }
  return { Put: { TableName: table, Item: { ...keys.audit(studioId, id), type: 'Audit', ...item } } }
}

/** Every page of a query (small partitions: a studio's staff, its catalogue, one customer's file). */
export async function queryAll(db: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Item[]> {
  const items: Item[] = []
  let startKey: Item | undefined
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }))
    items.push(...(page.Items ?? []))
    startKey = page.LastEvaluatedKey
  } while (startKey)
  return items
}

/** BatchGetItem of any number of keys, a hundred a call, retrying what DynamoDB leaves unprocessed. */
export async function batchGetAll(db: DynamoDBDocumentClient, table: string, keyList: { pk: string; sk: string }[]): Promise<Item[]> {
  const items: Item[] = []
  for (let i = 0; i < keyList.length; i += 100) {
    let pending: Record<string, unknown>[] = keyList.slice(i, i + 100)
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)))
      const { Responses, UnprocessedKeys } = await db.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }))
      items.push(...(Responses?.[table] ?? []))
      pending = (UnprocessedKeys?.[table]?.Keys as Record<string, unknown>[] | undefined) ?? []
    }
  }
  return items
}

/** A store that writes the studio's audit log beside its own items, stamped by its clock. */
export abstract class AuditedStore {
  constructor(
    protected readonly db: DynamoDBDocumentClient,
    protected readonly table: string,
    protected readonly clock: () => Date = () => new Date(),
  ) {}

  protected auditPut(studioId: string, entry: NewAuditEntry) {
    return auditPut(this.table, studioId, entry, this.clock())
  }
}
