import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry, Branch, Studio } from '../../types/entities'
import type { AttemptWindow } from '../domain/credentials'
import { DomainError, notFound } from '../domain/errors'
import { epochSeconds, TTL_ATTRIBUTE } from './table'
import type { CustomerRecord, IdentityRepository, NewAuditEntry, SessionRecord, StaffChanges, StaffRecord } from '../identity/ports'
import { conditionFailure, guarded, transact } from './errors'
import { Update } from './expressions'
import { customerCreationItems } from './entities/customer'
import { branchItem, sessionPut, staffByBranchIndex, staffItem, studioCodeItem, studioItem, studioItems, usernameItem } from './entities/staff'
import { AuditedStore, entity, pageCursor, putIfAbsent, queryAll } from './items'
import { keys } from './keys'

/** Studios and branches, staff and their credentials, sessions, customers by WeChat openid, and the audit log. */
export class DynamoIdentityRepository extends AuditedStore implements IdentityRepository {
  private audited(studioId: string, entry: NewAuditEntry) {
    return guarded(this.auditPut(studioId, entry))
  }

  private async get<T>(key: { pk: string; sk: string }, consistent = false): Promise<T | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: key, ConsistentRead: consistent }))
    return entity<T>(Item)
  }

  async createStudio(studio: Studio, branches: Branch[]) {
    await transact(this.db, [
      guarded(putIfAbsent(this.table, studioCodeItem(studio)), new DomainError('CONFLICT', `The studio code ${studio.code} is taken`)),
      guarded({ Put: { TableName: this.table, Item: studioItem(studio) } }),
      ...branches.map((branch) => guarded({ Put: { TableName: this.table, Item: branchItem(studio.id, branch) } })),
    ])
  }

  async findStudioByCode(code: string) {
    const link = await this.get<{ studioId: string }>(keys.studioCode(code))
    return link ? this.getStudio(link.studioId) : undefined
  }

  getStudio(studioId: string) {
    return this.get<Studio>(keys.studio(studioId))
  }

  async listStudioIds() {
    return (await studioItems(this.db, this.table, 'id')).map((item) => String(item.id))
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

  async saveBranchContact(studioId: string, branchId: string, contact: Pick<Branch, 'address' | 'phone' | 'location'>) {
    const update = new Update().whenExists('pk', true).set('address', contact.address).set('phone', contact.phone).set('location', contact.location)
    try {
      const { Attributes } = await this.db.send(new UpdateCommand({ ...update.build(this.table, keys.branch(studioId, branchId)), ReturnValues: 'ALL_NEW' }))
      return entity<Branch>(Attributes)!
    } catch (error) {
      throw conditionFailure(error, notFound('Branch'))
    }
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

  async createStaff(staff: StaffRecord, audit: NewAuditEntry) {
    const taken = new DomainError('USERNAME_TAKEN', `The user name ${staff.username} is taken`)
    await transact(this.db, [
      guarded(putIfAbsent(this.table, usernameItem(staff)), taken),
      guarded(putIfAbsent(this.table, staffItem(staff)), taken),
      this.audited(staff.studioId, audit),
    ])
  }

  async updateStaff(
    studioId: string,
    staffId: string,
    expectedVersion: number,
    changes: StaffChanges,
    audit: NewAuditEntry[],
    options: { endSessions?: boolean } = {},
  ) {
    const update = new Update().whenExists('pk', true).when('version', '=', expectedVersion).add('version', 1).set('updatedAt', this.clock().toISOString())
    if (options.endSessions) update.increment('credentialVersion')
    for (const [field, value] of Object.entries(changes)) {
      if (value === null) update.remove(field)
      else if (value !== undefined) update.set(field, value)
    }
    if (changes.branchId || changes.displayName) {
      const current = await this.getStaff(studioId, staffId)
      if (!current) throw notFound('Staff member')
      const index = staffByBranchIndex(studioId, changes.branchId ?? current.branchId, changes.displayName ?? current.displayName, staffId)
      update.set('gsi1pk', index.gsi1pk).set('gsi1sk', index.gsi1sk)
    }
    await transact(this.db, [
      guarded({ Update: update.build(this.table, keys.staff(studioId, staffId)) }, new DomainError('VERSION_CONFLICT', 'Someone else changed this staff member meanwhile; reload and try again')),
      ...audit.map((entry) => this.audited(studioId, entry)),
    ])
    const updated = await this.getStaff(studioId, staffId)
    if (!updated) throw notFound('Staff member')
    return updated
  }

  async takeAttempt(windows: AttemptWindow[], now: Date) {
    for (const window of windows) {
      const count = new Update().whenAbsentOr('attempts', '<', window.limit).increment('attempts').set(TTL_ATTRIBUTE, epochSeconds(window.end.toISOString()) + 3600)
      try {
        await this.db.send(new UpdateCommand(count.build(this.table, keys.signInWindow(window.scope, window.subject, window.start.toISOString()))))
      } catch (error) {
        throw conditionFailure(
          error,
          new DomainError('RATE_LIMITED', 'Too many sign-in attempts; wait a little and try again', {
            retryAfterSeconds: Math.max(1, Math.ceil((window.end.getTime() - now.getTime()) / 1000)),
          }),
        )
      }
    }
  }

  async releaseAttempt(windows: AttemptWindow[]) {
    for (const window of windows) {
      const release = new Update().when('attempts', '>', 0).increment('attempts', -1)
      try {
        await this.db.send(new UpdateCommand(release.build(this.table, keys.signInWindow(window.scope, window.subject, window.start.toISOString()))))
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error
      }
    }
  }

  async clearAttempts(window: AttemptWindow) {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.signInWindow(window.scope, window.subject, window.start.toISOString()) }))
  }

  async countFailedSignIn(studioId: string, staffId: string) {
    const update = new Update().whenExists('pk', true).increment('failedSignIns')
    const { Attributes } = await this.db.send(new UpdateCommand({ ...update.build(this.table, keys.staff(studioId, staffId)), ReturnValues: 'UPDATED_NEW' }))
    return Number(Attributes?.failedSignIns ?? 1)
  }

  async lockStaff(studioId: string, staffId: string, until: Date, audit: NewAuditEntry) {
    await transact(this.db, [
      guarded({ Update: new Update().set('lockedUntil', until.toISOString()).set('failedSignIns', 0).build(this.table, keys.staff(studioId, staffId)) }),
      this.audited(studioId, audit),
    ])
  }

  async startStaffSession(session: SessionRecord, audit: NewAuditEntry, guard: { now: Date }) {
    const signIn = new Update()
      .when('status', '=', 'active')
      .when('credentialVersion', '=', session.credentialVersion)
      .whenAbsentOr('lockedUntil', '<', guard.now.toISOString())
      .set('failedSignIns', 0)
      .remove('lockedUntil')
    await transact(this.db, [
      guarded(sessionPut(this.table, session)),
      guarded({ Update: signIn.build(this.table, keys.staff(session.studioId, session.subjectId)) }, new DomainError('ACCOUNT_LOCKED', 'Too many failed sign-ins; the account is locked for a while')),
      this.audited(session.studioId, audit),
    ])
  }

  async setPassword(
    studioId: string,
    staffId: string,
    passwordHash: string,
    audit: NewAuditEntry,
    options: { credentialVersion: number; keepSessionId?: string },
  ) {
    const next = options.credentialVersion + 1
    const password = new Update()
      .whenExists('pk', true)
      .when('credentialVersion', '=', options.credentialVersion)
      .set('passwordHash', passwordHash)
      .set('failedSignIns', 0)
      .set('updatedAt', this.clock().toISOString())
      .set('credentialVersion', next)
      .remove('lockedUntil')
    const kept = new Update().whenExists('pk', true).set('credentialVersion', next)
    await transact(this.db, [
      guarded({ Update: password.build(this.table, keys.staff(studioId, staffId)) }, new DomainError('VERSION_CONFLICT', 'The password was changed meanwhile; sign in again and retry')),
      this.audited(studioId, audit),
      ...(options.keepSessionId
        ? [guarded({ Update: kept.build(this.table, keys.session(studioId, options.keepSessionId)) }, new DomainError('UNAUTHENTICATED', 'This session has ended; please sign in again'))]
        : []),
    ])
  }

  async findCustomerByOpenId(studioId: string, openId: string) {
    const link = await this.get<{ customerId: string }>(keys.wechatIdentity(studioId, openId))
    return link ? this.getCustomer(studioId, link.customerId) : undefined
  }

  async createCustomerWithOpenId(customer: CustomerRecord, openId: string, audit: NewAuditEntry) {
    const linked = new DomainError('CONFLICT', 'linked meanwhile')
    try {
      await transact(this.db, [
        guarded(putIfAbsent(this.table, { ...keys.wechatIdentity(customer.studioId, openId), type: 'WeChatIdentity', customerId: customer.id }), linked),
        ...customerCreationItems(this.table, { ...customer, openId }),
        this.audited(customer.studioId, audit),
      ])
      return { customer: { ...customer, openId }, created: true }
    } catch (error) {
      if (error !== linked) throw error
      const existing = await this.findCustomerByOpenId(customer.studioId, openId)
      if (!existing) throw error
      return { customer: existing, created: false }
    }
  }

  getCustomer(studioId: string, customerId: string) {
    return this.get<CustomerRecord>(keys.customer(studioId, customerId))
  }

  async putSession(session: SessionRecord, audit?: NewAuditEntry) {
    await transact(this.db, [guarded(sessionPut(this.table, session)), ...(audit ? [this.audited(session.studioId, audit)] : [])])
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
    await transact(this.db, [guarded({ Delete: { TableName: this.table, Key: keys.session(studioId, sessionId) } }), ...(audit ? [this.audited(studioId, audit)] : [])])
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
