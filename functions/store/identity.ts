import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import type { AuditEntry, Branch, Studio } from '../../types/entities'
import { customerCreationItems } from './customers'
import { DomainError, notFound } from '../domain/errors'
import type { CustomerRecord, IdentityRepository, NewAuditEntry, SessionRecord, StaffChanges, StaffRecord } from '../identity/ports'
import { conditionFailure } from './errors'
import { keys } from './keys'
import { epochSeconds, TTL_ATTRIBUTE } from './table'
import { auditPut, entity, pageCursor, putIfAbsent, queryAll } from './items'

export class DynamoIdentityRepository implements IdentityRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private auditPut(studioId: string, entry: NewAuditEntry) {
    return auditPut(this.table, studioId, entry, this.clock())
  }

  private async get<T>(key: { pk: string; sk: string }, consistent = false): Promise<T | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: consistent }))
    return entity<T>(Item)
  }

  async createStudio(studio: Studio, branches: Branch[]) {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            putIfAbsent(this.table, { ...keys.studioCode(studio.code), type: 'StudioCode', studioId: studio.id }),
            { Put: { TableName: this.table, Item: { ...keys.studio(studio.id), type: 'Studio', ...studio } } },
            ...branches.map((branch) => ({
              Put: { TableName: this.table, Item: { ...keys.branch(studio.id, branch.id), type: 'Branch', ...branch } },
            })),
          ],
        }),
      )
    } catch (error) {
      throw conditionFailure(error, [new DomainError('CONFLICT', `The studio code ${studio.code} is taken`)])
    }
  }

  async findStudioByCode(code: string) {
    const link = await this.get<{ studioId: string }>(keys.studioCode(code))
    return link ? this.getStudio(link.studioId) : undefined
  }

  getStudio(studioId: string) {
    return this.get<Studio>(keys.studio(studioId))
  }

  async listBranches(studioId: string) {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.studio(studioId).pk, ':prefix': keys.branchPrefix },
      }),
    )
    return Items.map((i) => entity<Branch>(i)!)
  }

  getBranch(studioId: string, branchId: string) {
    return this.get<Branch>(keys.branch(studioId, branchId))
  }

  async findStaffByUsername(studioId: string, username: string) {
    const link = await this.get<{ staffId: string }>(keys.username(studioId, username))
    return link ? this.getStaff(studioId, link.staffId) : undefined
  }

  getStaff(studioId: string, staffId: string) {
    return this.get<StaffRecord>(keys.staff(studioId, staffId), true)
  }

  async listStaff(studioId: string, branchId?: string) {
    const query = branchId
      ? {
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.staffByBranch(studioId, branchId) },
        }
      : {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.studio(studioId).pk, ':prefix': keys.staffPrefix },
        }
    const items = await queryAll(this.db, { TableName: this.table, ...query })
    // The branch's index partition also holds its opening hours and rooms.
    return items.filter((i) => i.type === 'Staff').map((i) => entity<StaffRecord>(i)!)
  }

  private staffItem(staff: StaffRecord) {
    return {
      ...keys.staff(staff.studioId, staff.id),
      gsi1pk: keys.staffByBranch(staff.studioId, staff.branchId),
      gsi1sk: `${staff.displayName}#${staff.id}`,
      type: 'Staff',
      ...staff,
    }
  }

  async createStaff(staff: StaffRecord, audit: NewAuditEntry) {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            putIfAbsent(this.table, { ...keys.username(staff.studioId, staff.username), type: 'Username', staffId: staff.id }),
            putIfAbsent(this.table, this.staffItem(staff)),
            this.auditPut(staff.studioId, audit),
          ],
        }),
      )
    } catch (error) {
      throw conditionFailure(error, [new DomainError('USERNAME_TAKEN', `The user name ${staff.username} is taken`)])
    }
  }

  async updateStaff(
    studioId: string,
    staffId: string,
    expectedVersion: number,
    changes: StaffChanges,
    audit: NewAuditEntry[],
    options: { endSessions?: boolean } = {},
  ) {
    const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' }
    const values: Record<string, unknown> = { ':expected': expectedVersion, ':one': 1, ':now': this.clock().toISOString() }
    const sets = ['#version = #version + :one', '#updatedAt = :now']
    if (options.endSessions) {
      names['#cv'] = 'credentialVersion'
      values[':zero'] = 0
      sets.push('#cv = if_not_exists(#cv, :zero) + :one')
    }
    const removes: string[] = []
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) continue
      names[`#${field}`] = field
      if (value === null) {
        removes.push(`#${field}`)
      } else {
        values[`:${field}`] = value
        sets.push(`#${field} = :${field}`)
      }
    }
    if (changes.branchId || changes.displayName) {
      const current = await this.getStaff(studioId, staffId)
      if (!current) throw notFound('Staff member')
      names['#gsi1pk'] = 'gsi1pk'
      names['#gsi1sk'] = 'gsi1sk'
      values[':gsi1pk'] = keys.staffByBranch(studioId, changes.branchId ?? current.branchId)
      values[':gsi1sk'] = `${changes.displayName ?? current.displayName}#${staffId}`
      sets.push('#gsi1pk = :gsi1pk', '#gsi1sk = :gsi1sk')
    }
    const update = `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: keys.staff(studioId, staffId),
                UpdateExpression: update,
                ConditionExpression: 'attribute_exists(pk) AND #version = :expected',
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: values,
              },
            },
            ...audit.map((entry) => this.auditPut(studioId, entry)),
          ],
        }),
      )
    } catch (error) {
      throw conditionFailure(error, [
        new DomainError('VERSION_CONFLICT', 'Someone else changed this staff member meanwhile; reload and try again'),
      ])
    }
    const updated = await this.getStaff(studioId, staffId)
    if (!updated) throw notFound('Staff member')
    return updated
  }

  async countFailedSignIn(studioId: string, staffId: string) {
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.staff(studioId, staffId),
        UpdateExpression: 'ADD failedSignIns :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    )
    return Number(Attributes?.failedSignIns ?? 1)
  }

  async lockStaff(studioId: string, staffId: string, until: Date, audit: NewAuditEntry) {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.table,
              Key: keys.staff(studioId, staffId),
              UpdateExpression: 'SET lockedUntil = :until, failedSignIns = :zero',
              ExpressionAttributeValues: { ':until': until.toISOString(), ':zero': 0 },
            },
          },
          this.auditPut(studioId, audit),
        ],
      }),
    )
  }

  private sessionPut(session: SessionRecord) {
    return putIfAbsent(this.table, {
      ...keys.session(session.studioId, session.sessionId),
      type: 'Session',
      [TTL_ATTRIBUTE]: epochSeconds(session.expiresAt),
      ...session,
    })
  }

  async startStaffSession(session: SessionRecord, audit: NewAuditEntry, guard: { now: Date; maxFailures: number }) {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            this.sessionPut(session),
            {
              Update: {
                TableName: this.table,
                Key: keys.staff(session.studioId, session.subjectId),
                UpdateExpression: 'SET failedSignIns = :zero REMOVE lockedUntil',
                ConditionExpression:
                  '#status = :active AND credentialVersion = :cv AND (attribute_not_exists(lockedUntil) OR lockedUntil < :now) AND (attribute_not_exists(failedSignIns) OR failedSignIns < :max)',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':zero': 0,
                  ':active': 'active',
                  ':cv': session.credentialVersion,
                  ':now': guard.now.toISOString(),
                  ':max': guard.maxFailures,
                },
              },
            },
            this.auditPut(session.studioId, audit),
          ],
        }),
      )
    } catch (error) {
      throw conditionFailure(error, [undefined, new DomainError('ACCOUNT_LOCKED', 'Too many failed sign-ins; the account is locked for a while')])
    }
  }

  async setPassword(
    studioId: string,
    staffId: string,
    passwordHash: string,
    audit: NewAuditEntry,
    options: { credentialVersion: number; keepSessionId?: string },
  ) {
    const next = options.credentialVersion + 1
    const transact: object[] = [
      {
        Update: {
          TableName: this.table,
          Key: keys.staff(studioId, staffId),
          UpdateExpression: 'SET passwordHash = :hash, failedSignIns = :zero, updatedAt = :now, credentialVersion = :next REMOVE lockedUntil',
          ConditionExpression: 'attribute_exists(pk) AND credentialVersion = :current',
          ExpressionAttributeValues: {
            ':hash': passwordHash,
            ':zero': 0,
            ':now': this.clock().toISOString(),
            ':next': next,
            ':current': options.credentialVersion,
          },
        },
      },
      this.auditPut(studioId, audit),
    ]
    if (options.keepSessionId) {
      transact.push({
        Update: {
          TableName: this.table,
          Key: keys.session(studioId, options.keepSessionId),
          UpdateExpression: 'SET credentialVersion = :next',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':next': next },
        },
      })
    }
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: transact as never }))
    } catch (error) {
      throw conditionFailure(error, [
        new DomainError('VERSION_CONFLICT', 'The password was changed meanwhile; sign in again and retry'),
        undefined,
        new DomainError('UNAUTHENTICATED', 'This session has ended; please sign in again'),
      ])
    }
  }

  async findCustomerByOpenId(studioId: string, openId: string) {
    const link = await this.get<{ customerId: string }>(keys.wechatIdentity(studioId, openId))
    return link ? this.getCustomer(studioId, link.customerId) : undefined
  }

  async createCustomerWithOpenId(customer: CustomerRecord, openId: string, audit: NewAuditEntry) {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            putIfAbsent(this.table, { ...keys.wechatIdentity(customer.studioId, openId), type: 'WeChatIdentity', customerId: customer.id }),
            ...customerCreationItems(this.table, { ...customer, openId }),
            this.auditPut(customer.studioId, audit),
          ],
        }),
      )
      return { customer: { ...customer, openId }, created: true }
    } catch (error) {
      const mapped = conditionFailure(error, [new DomainError('CONFLICT', 'linked meanwhile')])
      if (!(mapped instanceof DomainError) || mapped.code !== 'CONFLICT') throw mapped
      const existing = await this.findCustomerByOpenId(customer.studioId, openId)
      if (!existing) throw mapped
      return { customer: existing, created: false }
    }
  }

  getCustomer(studioId: string, customerId: string) {
    return this.get<CustomerRecord>(keys.customer(studioId, customerId))
  }

  async putSession(session: SessionRecord, audit?: NewAuditEntry) {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [this.sessionPut(session), ...(audit ? [this.auditPut(session.studioId, audit)] : [])],
      }),
    )
  }

  async getSessionWithSubject(studioId: string, sessionId: string, kind: 'staff' | 'customer', subjectId: string) {
    const sessionKey = keys.session(studioId, sessionId)
    const subjectKey = kind === 'staff' ? keys.staff(studioId, subjectId) : keys.customer(studioId, subjectId)
    const { Responses } = await this.db.send(
      new BatchGetCommand({ RequestItems: { [this.table]: { Keys: [sessionKey, subjectKey], ConsistentRead: true } } }),
    )
    const items = Responses?.[this.table] ?? []
    const find = (key: { pk: string; sk: string }) => items.find((i) => i.pk === key.pk && i.sk === key.sk)
    const subject = find(subjectKey)
    return {
      session: entity<SessionRecord>(find(sessionKey)),
      staff: kind === 'staff' ? entity<StaffRecord>(subject) : undefined,
      customer: kind === 'customer' ? entity<CustomerRecord>(subject) : undefined,
    }
  }

  async endSession(studioId: string, sessionId: string, audit?: NewAuditEntry) {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: this.table, Key: keys.session(studioId, sessionId) } },
          ...(audit ? [this.auditPut(studioId, audit)] : []),
        ],
      }),
    )
  }

  async appendAudit(studioId: string, entry: NewAuditEntry) {
    await this.db.send(new PutCommand(this.auditPut(studioId, entry).Put))
  }

  async listAudit(studioId: string, options: { limit: number; cursor?: string; action?: string }) {
    const partition = keys.auditPartition(studioId)
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ...(options.action
          ? { FilterExpression: '#action = :action', ExpressionAttributeNames: { '#action': 'action' } }
          : {}),
        ExpressionAttributeValues: { ':pk': partition, ...(options.action ? { ':action': options.action } : {}) },
        ScanIndexForward: false,
        Limit: options.limit,
        ExclusiveStartKey: pageCursor.decode(options.cursor, 'pk', partition),
      }),
    )
    return {
      items: (page.Items ?? []).map((i) => entity<AuditEntry>(i)!),
      nextCursor: pageCursor.encode(page.LastEvaluatedKey),
    }
  }
}
