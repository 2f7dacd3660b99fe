import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb'
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import type { BookingPolicy, BranchSchedule, Room, StaffSchedule } from '../../types/booking'
import type { AppointmentRecord, BookingRepository, LockRef, OutboxMessage } from '../booking/ports'
import type { OrderRecord, StageChange } from '../orders/ports'
import type { StaffRecord } from '../identity/ports'
import { DomainError, notFound } from '../domain/errors'
import { conditionFailure } from './errors'
import { entity, putIfAbsent, queryAll, type Item } from './items'
import { keys } from './keys'
import { orderItem, stageUpdate } from './orders'
import { epochSeconds, TTL_ATTRIBUTE } from './table'

const iso = (t: number) => new Date(t).toISOString()
const lockKey = (studioId: string, lock: LockRef) => keys.lock(studioId, lock.resourceId, iso(lock.cell))
const sameLock = (a: LockRef, b: LockRef) => a.resourceId === b.resourceId && a.cell === b.cell

const slotTaken = () => new DomainError('SLOT_TAKEN', 'That time was just taken; please choose another')
const lapsed = () => new DomainError('PRECONDITION_FAILED', 'The hold on this time ran out and someone else has booked it')

/** The appointment once its hold becomes a booking. */
const confirmed = (a: AppointmentRecord, now: Date): AppointmentRecord => ({ ...a, status: 'confirmed', holdExpiresAt: undefined, version: a.version + 1, updatedAt: now.toISOString() })

function appointmentItem(a: AppointmentRecord): Item {
  return {
    ...keys.appointment(a.studioId, a.customerId, a.id),
    type: 'Appointment',
    gsi1pk: keys.branchBookings(a.studioId, a.branchId),
    gsi1sk: `${a.startsAt}#${a.id}`,
    ...(a.photographerId ? { gsi2pk: keys.agenda(a.studioId, a.photographerId), gsi2sk: `${a.startsAt}#${a.id}` } : {}),
    ...(a.makeupArtistId ? { gsi3pk: keys.agenda(a.studioId, a.makeupArtistId), gsi3sk: `${a.startsAt}#${a.id}` } : {}),
    ...a,
  }
}

export class DynamoBookingRepository implements BookingRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** A lock that may be taken if the cell is free, ours, or held by a hold that has lapsed. */
  private lockPut(studioId: string, appointmentId: string, lock: LockRef, now: Date, holdExpiresAt?: string) {
    return {
      Put: {
        TableName: this.table,
        Item: {
          ...lockKey(studioId, lock),
          type: 'Lock',
          appointmentId,
          ...(holdExpiresAt ? { holdExpiresAt, [TTL_ATTRIBUTE]: epochSeconds(holdExpiresAt) } : {}),
        },
        ConditionExpression: 'attribute_not_exists(pk) OR appointmentId = :id OR holdExpiresAt < :now',
        ExpressionAttributeValues: { ':id': appointmentId, ':now': now.toISOString() },
      },
    }
  }

  /** The reminder queued for a booking that has one, kept a day past the shoot. */
  private reminderPuts(a: AppointmentRecord) {
    return a.reminderAt
      ? [{ Put: { TableName: this.table, Item: { ...keys.dueReminder(a.reminderAt, a.studioId, a.id), type: 'DueReminder', [TTL_ATTRIBUTE]: epochSeconds(a.startsAt) + 86_400 } } }]
      : []
  }

  private lockDelete(studioId: string, appointmentId: string, lock: LockRef) {
    return {
      Delete: {
        TableName: this.table,
        Key: lockKey(studioId, lock),
        ConditionExpression: 'appointmentId = :id',
        ExpressionAttributeValues: { ':id': appointmentId },
      },
    }
  }

  async getPolicy(studioId: string) {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.bookingPolicy(studioId) }))
    return entity<{ policy: BookingPolicy }>(Item)?.policy
  }

  async savePolicy(studioId: string, policy: BookingPolicy) {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...keys.bookingPolicy(studioId), type: 'BookingPolicy', policy } }))
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
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.staff(studioId, staffId),
          UpdateExpression: 'SET #schedule = :s',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#schedule': 'schedule' },
          ExpressionAttributeValues: { ':s': schedule },
        }),
      )
    } catch (error) {
      throw conditionFailure(error, [notFound('Staff member')])
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

  async createBooking(
    appointment: AppointmentRecord,
    order: { create: OrderRecord } | { attach: { orderId: string; shootAt: string; expectedBy?: string } },
    locks: LockRef[],
    now: Date,
  ) {
    const { studioId, id } = appointment
    const orderWrite =
      'create' in order
        ? putIfAbsent(this.table, orderItem(order.create))
        : {
            // A paid order gets its shoot once: no other booking may have been attached meanwhile.
            Update: {
              TableName: this.table,
              Key: keys.order(studioId, order.attach.orderId),
              UpdateExpression: `SET appointmentId = :a, shootAt = :at, #version = #version + :one${order.attach.expectedBy ? ', expectedBy = :exp, gsi1sk = :sk' : ''}`,
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(appointmentId) AND stage = :confirmed',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: {
                ':a': id,
                ':at': order.attach.shootAt,
                ':one': 1,
                ':confirmed': 'confirmed',
                ...(order.attach.expectedBy ? { ':exp': order.attach.expectedBy, ':sk': `${order.attach.expectedBy}#${order.attach.orderId}` } : {}),
              },
            },
          }
    const items = [
      putIfAbsent(this.table, appointmentItem(appointment)),
      putIfAbsent(this.table, { ...keys.appointmentPointer(studioId, id), type: 'AppointmentPointer', customerId: appointment.customerId }),
      orderWrite,
      ...(appointment.status === 'confirmed' ? this.reminderPuts(appointment) : []),
      ...(appointment.holdExpiresAt
        ? [{ Put: { TableName: this.table, Item: { ...keys.dueHold(appointment.holdExpiresAt, studioId, id), type: 'DueHold', [TTL_ATTRIBUTE]: epochSeconds(appointment.holdExpiresAt) + 86_400 } } }]
        : []),
      ...locks.map((lock) => this.lockPut(studioId, id, lock, now, appointment.holdExpiresAt)),
    ]
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }))
    } catch (error) {
      throw conditionFailure(
        error,
        items.map((_, i) =>
          i === 2 && 'attach' in order
            ? new DomainError('ILLEGAL_TRANSITION', 'This order already has its shoot booked, or is not paid')
            : i < 3
              ? new DomainError('CONFLICT', 'This booking exists already')
              : slotTaken(),
        ),
      )
    }
  }

  /**
   * The writes that make a hold (or a lapsed hold) a booking: the appointment confirmed,
   * its hold taken off the sweep list, its reminder queued, and every lock taken for good —
   * re-taking any lapsed lock that is still free. The appointment write comes first.
   */
  confirmationWrites(appointment: AppointmentRecord, locks: LockRef[], now: Date) {
    const { studioId, id } = appointment
    return [
      this.appointmentReplace(appointment, confirmed(appointment, now)),
      ...(appointment.holdExpiresAt ? [{ Delete: { TableName: this.table, Key: keys.dueHold(appointment.holdExpiresAt, studioId, id) } }] : []),
      ...this.reminderPuts(appointment),
      ...locks.map((lock) => this.lockPut(studioId, id, lock, now)),
    ]
  }

  async confirmBooking(appointment: AppointmentRecord, locks: LockRef[], now: Date, orderChange: StageChange) {
    const next = confirmed(appointment, now)
    const writes = this.confirmationWrites(appointment, locks, now)
    const order = { Update: stageUpdate({ studioId: appointment.studioId, id: appointment.orderId }, orderChange).build(this.table, keys.order(appointment.studioId, appointment.orderId)) }
    const items = [writes[0], order, ...writes.slice(1)]
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items as never }))
    } catch (error) {
      throw conditionFailure(error, [
        new DomainError('PRECONDITION_FAILED', 'This booking is no longer waiting for its deposit'),
        new DomainError('PRECONDITION_FAILED', 'This booking’s order is no longer waiting for its deposit'),
        ...items.slice(2).map(() => lapsed()),
      ])
    }
    return next
  }

  async rescheduleBooking(
    current: AppointmentRecord,
    next: AppointmentRecord,
    oldLocks: LockRef[],
    newLocks: LockRef[],
    now: Date,
    order: { shootAt: string; expectedBy?: string },
  ) {
    const { studioId, id } = current
    const released = oldLocks.filter((l) => !newLocks.some((n) => sameLock(l, n)))
    const taken = newLocks.filter((n) => !oldLocks.some((l) => sameLock(l, n)))
    const kept = newLocks.filter((n) => oldLocks.some((l) => sameLock(l, n)))
    const items = [
      // The appointment's key does not move, its index keys do: a replace conditioned on the version read.
      this.appointmentReplace(current, next),
      ...released.map((lock) => this.lockDelete(studioId, id, lock)),
      ...taken.map((lock) => this.lockPut(studioId, id, lock, now, next.holdExpiresAt)),
      ...kept.map((lock) => ({
        ConditionCheck: { TableName: this.table, Key: lockKey(studioId, lock), ConditionExpression: 'appointmentId = :id', ExpressionAttributeValues: { ':id': id } },
      })),
      // A confirmed booking's reminder moves with it (a held one is queued when confirmed).
      ...(current.status === 'confirmed' && current.reminderAt !== next.reminderAt
        ? [...(current.reminderAt ? [{ Delete: { TableName: this.table, Key: keys.dueReminder(current.reminderAt, studioId, id) } }] : []), ...this.reminderPuts(next)]
        : []),
      // The order shows the new shoot date; while confirmed, it is also the date it is expected by.
      {
        Update: {
          TableName: this.table,
          Key: keys.order(studioId, current.orderId),
          UpdateExpression: order.expectedBy ? 'SET shootAt = :at, expectedBy = :exp, gsi1sk = :sk' : 'SET shootAt = :at',
          ExpressionAttributeValues: { ':at': order.shootAt, ...(order.expectedBy ? { ':exp': order.expectedBy, ':sk': `${order.expectedBy}#${current.orderId}` } : {}) },
        },
      },
    ]
    if (items.length > 100) throw new DomainError('PRECONDITION_FAILED', 'This session is too long to move in one step; cancel it and book again')
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items as never }))
    } catch (error) {
      throw conditionFailure(error, [
        new DomainError('VERSION_CONFLICT', 'This booking changed meanwhile; reload and try again'),
        ...released.map(() => lapsed()),
        ...taken.map(() => slotTaken()),
        ...kept.map(() => lapsed()),
      ])
    }
    return next
  }

  async endBooking(
    appointment: AppointmentRecord,
    locks: LockRef[],
    ending: { status: 'cancelled' | 'expired'; cancellation?: AppointmentRecord['cancellation'] },
    now: Date,
    orderChange: StageChange,
  ) {
    const { studioId, id } = appointment
    const next: AppointmentRecord = {
      ...appointment,
      status: ending.status,
      cancellation: ending.cancellation,
      holdExpiresAt: undefined,
      version: appointment.version + 1,
      updatedAt: now.toISOString(),
    }
    // Only locks still ours are released: a lapsed hold's cells may already belong to someone else.
    const stillOurs = await this.locksHeldBy(studioId, id, locks)
    const items = [
      this.appointmentReplace(appointment, next),
      { Update: stageUpdate({ studioId, id: appointment.orderId }, orderChange).build(this.table, keys.order(studioId, appointment.orderId)) },
      ...(appointment.holdExpiresAt ? [{ Delete: { TableName: this.table, Key: keys.dueHold(appointment.holdExpiresAt, studioId, id) } }] : []),
      ...(appointment.reminderAt ? [{ Delete: { TableName: this.table, Key: keys.dueReminder(appointment.reminderAt, studioId, id) } }] : []),
      ...stillOurs.map((lock) => this.lockDelete(studioId, id, lock)),
    ]
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items as never }))
    } catch (error) {
      throw conditionFailure(error, [
        new DomainError('VERSION_CONFLICT', 'This booking changed meanwhile; reload and try again'),
        new DomainError('ILLEGAL_TRANSITION', 'The order has moved past the point where it can be cancelled, or was paid meanwhile'),
        // A lapsed hold's lock taken over at this moment: read again and release what is still ours.
        ...items.slice(2).map(() => new DomainError('CONFLICT', 'The booking’s time changed hands meanwhile; try again')),
      ])
    }
    return next
  }

  private async locksHeldBy(studioId: string, appointmentId: string, locks: LockRef[]): Promise<LockRef[]> {
    const held: LockRef[] = []
    for (let i = 0; i < locks.length; i += 100) {
      const chunk = locks.slice(i, i + 100)
      const { Responses } = await this.db.send(
        new BatchGetCommand({ RequestItems: { [this.table]: { Keys: chunk.map((l) => lockKey(studioId, l)), ConsistentRead: true } } }),
      )
      const ours = new Set((Responses?.[this.table] ?? []).filter((i) => i.appointmentId === appointmentId).map((i) => `${i.pk}|${i.sk}`))
      held.push(...chunk.filter((l) => ours.has(`${lockKey(studioId, l).pk}|${lockKey(studioId, l).sk}`)))
    }
    return held
  }

  private appointmentReplace(current: AppointmentRecord, next: AppointmentRecord) {
    return {
      Put: {
        TableName: this.table,
        Item: appointmentItem(next),
        ConditionExpression: '#version = :v AND #status = :s',
        ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
        ExpressionAttributeValues: { ':v': current.version, ':s': current.status },
      },
    }
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
    try {
      await this.db.send(
        new DeleteCommand({ TableName: this.table, Key: keys.dueReminder(remindAt, studioId, appointmentId), ConditionExpression: 'attribute_exists(pk)' }),
      )
      return true
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false
      throw error
    }
  }

  async recordSent(message: OutboxMessage) {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...keys.outbox(message.studioId, message.id), type: 'OutboxMessage', ...message } }))
  }

  async outbox(studioId: string, limit: number) {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': keys.outboxPartition(studioId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    )
    return Items.map((i) => entity<OutboxMessage>(i)!)
  }
}
