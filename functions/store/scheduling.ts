import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { BranchSchedule, Room, StaffSchedule } from '../../types/booking'
import type { AppointmentRecord, OutboxMessage, SchedulingRepository, StoredBookingPolicy } from '../scheduling/ports'
import type { NewAuditEntry, StaffRecord } from '../identity/ports'
import { notFound } from '../domain/errors'
import { conditionFailure, conditionHeld, guarded, transact } from './errors'
import { Update } from './expressions'
import { AuditedStore, entity, queryAll } from './items'
import { keys } from './keys'

/** The booking setup of a studio and its branches, its appointments as they are read, and the scheduled jobs' work lists. */
/** At most this many pages of the studio's outbox are read for one branch's messages. */
const OUTBOX_PAGES = 10

export class DynamoSchedulingRepository extends AuditedStore implements SchedulingRepository {
  async getPolicy(studioId: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.bookingPolicy(studioId) }))
    const stored = entity<{ policy: StoredBookingPolicy & { timeZone?: string } }>(Item)?.policy
    if (!stored) return undefined
    // Policies saved before the time zone moved to the studio still carry one: the studio's wins.
    const { timeZone: _timeZone, ...policy } = stored
    return policy
  }

  async savePolicy(studioId: string, policy: StoredBookingPolicy, timeZone: string, audit: NewAuditEntry) {
    const zone = new Update().whenExists('pk', true).set('timeZone', timeZone).build(this.table, keys.studio(studioId))
    await transact(this.db, [
      guarded({ Put: { TableName: this.table, Item: { ...keys.bookingPolicy(studioId), type: 'BookingPolicy', policy } } }),
      guarded({ Update: zone }, notFound('Studio')),
      guarded(this.auditPut(studioId, audit)),
    ])
  }

  async branchSetup(studioId: string, branchId: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.branchSetup(studioId, branchId) },
    })
    return {
      schedule: entity<{ schedule: BranchSchedule }>(items.find((i) => i.type === 'BranchHours'))?.schedule,
      rooms: items.filter((i) => i.type === 'Room').map((i) => entity<Room>(i)!),
    }
  }

  // Hours and rooms are also indexed beside the branch's staff (gsi1), so availability reads
  // everything a branch can offer in one query.
  async saveBranchSchedule(studioId: string, branchId: string, schedule: BranchSchedule) {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.branchHours(studioId, branchId), gsi1pk: keys.staffByBranch(studioId, branchId), gsi1sk: '~HOURS', type: 'BranchHours', schedule },
      }),
    )
  }

  async saveRoom(studioId: string, room: Room) {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.room(studioId, room.branchId, room.id), gsi1pk: keys.staffByBranch(studioId, room.branchId), gsi1sk: `~ROOM#${room.id}`, type: 'Room', ...room },
      }),
    )
  }

  async branchResources(studioId: string, branchId: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.staffByBranch(studioId, branchId) },
    })
    return {
      schedule: entity<{ schedule: BranchSchedule }>(items.find((i) => i.type === 'BranchHours'))?.schedule,
      rooms: items.filter((i) => i.type === 'Room').map((i) => entity<Room>(i)!),
      staff: items.filter((i) => i.type === 'Staff').map((i) => entity<StaffRecord>(i)!),
    }
  }

  async setStaffSchedule(studioId: string, staffId: string, schedule: StaffSchedule) {
    const update = new Update().whenExists('pk', true).set('schedule', schedule)
    try {
      await this.db.send(new UpdateCommand(update.build(this.table, keys.staff(studioId, staffId))))
    } catch (error) {
      throw conditionFailure(error, notFound('Staff member'))
    }
  }

  async branchAppointments(studioId: string, branchId: string, from: string, to: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':p': keys.branchBookings(studioId, branchId), ':from': from, ':to': `${to}~` },
    })
    return items.map((i) => entity<AppointmentRecord>(i)!)
  }

  async agenda(studioId: string, staffId: string, from: string, to: string) {
    const byIndex = (index: 'gsi2' | 'gsi3') =>
      queryAll(this.db, {
        TableName: this.table,
        IndexName: index,
        KeyConditionExpression: `${index}pk = :p AND ${index}sk BETWEEN :from AND :to`,
        ExpressionAttributeValues: { ':p': keys.agenda(studioId, staffId), ':from': from, ':to': `${to}~` },
      })
    const [asPhotographer, asMakeup] = await Promise.all([byIndex('gsi2'), byIndex('gsi3')])
    const all = new Map([...asPhotographer, ...asMakeup].map((i) => [i.id as string, entity<AppointmentRecord>(i)!]))
    return [...all.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  }

  async customerAppointments(studioId: string, customerId: string) {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :appt)',
      ExpressionAttributeValues: { ':p': keys.customerPartition(studioId, customerId), ':appt': 'APPT#' },
    })
    return items.map((i) => entity<AppointmentRecord>(i)!).sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  }

  async getAppointment(studioId: string, appointmentId: string) {
    const { Item: pointer } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.appointmentPointer(studioId, appointmentId) }))
    if (!pointer) return undefined
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.appointment(studioId, pointer.customerId as string, appointmentId), ConsistentRead: true }),
    )
    return entity<AppointmentRecord>(Item)
  }

  /** Entries of a job's work list that fell due before `now`: `<due time>#<studio>#<appointment>`. */
  private async due(partition: string, now: Date, limit: number) {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :p AND sk < :now',
        ExpressionAttributeValues: { ':p': partition, ':now': now.toISOString() },
        Limit: limit,
      }),
    )
    return Items.map((i) => {
      const [dueAt, studioId, appointmentId] = (i.sk as string).split('#')
      return { dueAt: dueAt!, studioId: studioId!, appointmentId: appointmentId! }
    })
  }

  async lapsedHolds(now: Date, limit: number) {
    return (await this.due(keys.dueHolds, now, limit)).map(({ studioId, appointmentId }) => ({ studioId, appointmentId }))
  }

  async dueReminders(now: Date, limit: number) {
    return (await this.due(keys.dueReminders, now, limit)).map(({ dueAt, studioId, appointmentId }) => ({ remindAt: dueAt, studioId, appointmentId }))
  }

  async claimReminder(studioId: string, appointmentId: string, remindAt: string) {
    return conditionHeld(
      this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.dueReminder(remindAt, studioId, appointmentId), ConditionExpression: 'attribute_exists(pk)' })),
    )
  }

  async recordSent(message: OutboxMessage) {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...keys.outbox(message.studioId, message.id), type: 'OutboxMessage', ...message } }))
  }

  async outbox(studioId: string, limit: number, branchId?: string) {
    const found: OutboxMessage[] = []
    let after: Record<string, unknown> | undefined
    // A branch's messages are filtered from the studio's, newest first: pages are read until there are
    // enough, none are left, or OUTBOX_PAGES pages were read (a quiet branch of a busy studio would
    // otherwise page through years of other branches' messages).
    let pages = 0
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :p',
          ...(branchId
            ? { FilterExpression: 'branchId = :b', ExpressionAttributeValues: { ':p': keys.outboxPartition(studioId), ':b': branchId } }
            : { ExpressionAttributeValues: { ':p': keys.outboxPartition(studioId) } }),
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: after,
        }),
      )
      found.push(...(page.Items ?? []).map((i) => entity<OutboxMessage>(i)!))
      after = page.LastEvaluatedKey
    } while (after && found.length < limit && ++pages < OUTBOX_PAGES)
    return found.slice(0, limit)
  }
}
