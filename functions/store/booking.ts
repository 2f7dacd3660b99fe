import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { BookingRepository, OrderRepricing } from '../booking/ports'
import { DomainError } from '../domain/errors'
import type { BookEntries, OrderRecord, StageChange } from '../orders/ports'
import { bookWrites } from './entities/books'
import type { AppointmentRecord, LockRef } from '../scheduling/ports'
import { guarded, transact, type TransactionItem } from './errors'
import {
  appointmentItem,
  appointmentPointerItem,
  appointmentReplace,
  confirmationWrites,
  confirmedAppointment,
  dueHoldDeletes,
  dueHoldPut,
  reminderDeletes,
  reminderPuts,
} from './entities/appointment'
import { lockDelete, lockKept, lockKey, lockPut, sameLock } from './entities/lock'
import { orderItem, orderUpdate, repricedUpdate, shootDateUpdate, stageUpdate } from './entities/order'
import { putIfAbsent } from './items'
import { keys } from './keys'

const slotTaken = () => new DomainError('SLOT_TAKEN', 'That time was just taken; please choose another')
const lapsed = () => new DomainError('PRECONDITION_FAILED', 'The hold on this time ran out and someone else has booked it')
const bookingChanged = () => new DomainError('VERSION_CONFLICT', 'This booking changed meanwhile; reload and try again')
const orderChanged = () => new DomainError('VERSION_CONFLICT', 'The order changed meanwhile (a payment, say); try again')

/** The transactions that change an appointment and its order together. */
export class DynamoBookingRepository implements BookingRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async createBooking(
    appointment: AppointmentRecord,
    order: { create: OrderRecord } | { attach: { orderId: string; shootAt: string; expectedBy?: string; repricing?: OrderRepricing } },
    locks: LockRef[],
    now: Date,
    books?: BookEntries,
  ) {
    const { studioId, id } = appointment
    const exists = new DomainError('CONFLICT', 'This booking exists already')
    const orderWrite = 'create' in order ? guarded(putIfAbsent(this.table, orderItem(order.create)), exists) : this.attachWrite(appointment, order.attach, now)
    await transact(this.db, [
      guarded(putIfAbsent(this.table, appointmentItem(appointment)), exists),
      guarded(putIfAbsent(this.table, appointmentPointerItem(appointment)), exists),
      orderWrite,
      ...(appointment.status === 'confirmed' ? reminderPuts(this.table, appointment).map((write) => guarded(write)) : []),
      ...(appointment.holdExpiresAt ? [guarded(dueHoldPut(this.table, { ...appointment, holdExpiresAt: appointment.holdExpiresAt }))] : []),
      ...locks.map((lock) => guarded(lockPut(this.table, studioId, id, lock, now, appointment.holdExpiresAt), slotTaken())),
      ...bookWrites(this.table, books),
    ])
  }

  /**
   * A paid order gets its shoot once: no other booking may have been attached meanwhile. A photographer's
   * surcharge it brings is priced from the order as read, so that write also needs the order unchanged.
   */
  private attachWrite(appointment: AppointmentRecord, attach: { orderId: string; shootAt: string; expectedBy?: string; repricing?: OrderRepricing }, now: Date) {
    const order = { studioId: appointment.studioId, id: attach.orderId }
    const update = shootDateUpdate(order, attach).whenExists('pk', true).whenExists('appointmentId', false).when('stage', '=', 'confirmed').set('appointmentId', appointment.id).add('version', 1)
    const notPaid = new DomainError('ILLEGAL_TRANSITION', 'This order already has its shoot booked, or is not paid')
    if (!attach.repricing) return guarded(orderUpdate(this.table, order, update), notPaid)
    repricedUpdate(attach.repricing, update).set('updatedAt', now.toISOString())
    return guarded(orderUpdate(this.table, order, update), async () => {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.order(order.studioId, order.id), ConsistentRead: true }))
      return Item && !Item.appointmentId && Item.stage === 'confirmed' ? orderChanged() : notPaid
    })
  }

  async confirmBooking(appointment: AppointmentRecord, locks: LockRef[], now: Date, orderChange: StageChange, books?: BookEntries) {
    const order = { studioId: appointment.studioId, id: appointment.orderId }
    const [appointmentWrite, ...rest] = confirmationWrites(this.table, appointment, locks, now, {
      appointment: new DomainError('PRECONDITION_FAILED', 'This booking is no longer waiting for its deposit'),
      lock: lapsed(),
    })
    await transact(this.db, [
      appointmentWrite!,
      guarded(orderUpdate(this.table, order, stageUpdate(order, orderChange)), new DomainError('PRECONDITION_FAILED', 'This booking’s order is no longer waiting for its deposit')),
      ...rest,
      ...bookWrites(this.table, books),
    ])
    return confirmedAppointment(appointment, now)
  }

  async rescheduleBooking(
    current: AppointmentRecord,
    next: AppointmentRecord,
    oldLocks: LockRef[],
    newLocks: LockRef[],
    now: Date,
    order: { shootAt: string; expectedBy?: string; refundFromAt?: string; repricing?: OrderRepricing },
    books?: BookEntries,
  ) {
    const { studioId, id } = current
    const released = oldLocks.filter((l) => !newLocks.some((n) => sameLock(l, n)))
    const taken = newLocks.filter((n) => !oldLocks.some((l) => sameLock(l, n)))
    const kept = newLocks.filter((n) => oldLocks.some((l) => sameLock(l, n)))
    const items: TransactionItem[] = [
      // The appointment's key does not move, its index keys do: a replace conditioned on the version read.
      guarded(appointmentReplace(this.table, current, next), bookingChanged()),
      ...released.map((lock) => guarded(lockDelete(this.table, studioId, id, lock), lapsed())),
      ...taken.map((lock) => guarded(lockPut(this.table, studioId, id, lock, now, next.holdExpiresAt), slotTaken())),
      ...kept.map((lock) => guarded(lockKept(this.table, studioId, id, lock), lapsed())),
      // A confirmed booking's reminder moves with it (a held one is queued when confirmed).
      ...(current.status === 'confirmed' && current.reminderAt !== next.reminderAt
        ? [...reminderDeletes(this.table, current), ...reminderPuts(this.table, next)].map((write) => guarded(write))
        : []),
      // The order shows the new shoot date; while confirmed, it is also the date it is expected by. Its
      // version moves, so a stage move read before (the shoot marked done) does not land on the old date;
      // a surcharge that changes with the photographer is priced from the order as read.
      this.movedOrderWrite(current, order, now),
      ...bookWrites(this.table, books),
    ]
    if (items.length > 100) throw new DomainError('PRECONDITION_FAILED', 'This session is too long to move in one step; cancel it and book again')
    await transact(this.db, items)
    return next
  }

  private movedOrderWrite(current: AppointmentRecord, order: { shootAt: string; expectedBy?: string; refundFromAt?: string; repricing?: OrderRepricing }, now: Date) {
    const update = shootDateUpdate({ id: current.orderId }, order).set('updatedAt', now.toISOString()).add('version', 1)
    if (order.repricing) repricedUpdate(order.repricing, update)
    return guarded(orderUpdate(this.table, { studioId: current.studioId, id: current.orderId }, update), order.repricing ? orderChanged() : undefined)
  }

  async endBooking(
    appointment: AppointmentRecord,
    locks: LockRef[],
    ending: { status: 'cancelled' | 'expired'; cancellation?: AppointmentRecord['cancellation'] },
    now: Date,
    orderChange: StageChange,
    books?: BookEntries,
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
    // A lapsed hold's lock taken over at this moment: read again and release what is still ours.
    const changedHands = new DomainError('CONFLICT', 'The booking’s time changed hands meanwhile; try again')
    await transact(this.db, [
      guarded(appointmentReplace(this.table, appointment, next), bookingChanged()),
      guarded(
        orderUpdate(this.table, { studioId, id: appointment.orderId }, stageUpdate({ studioId, id: appointment.orderId }, orderChange)),
        new DomainError('ILLEGAL_TRANSITION', 'The order has moved past the point where it can be cancelled, or was paid meanwhile'),
      ),
      ...dueHoldDeletes(this.table, appointment).map((write) => guarded(write)),
      ...reminderDeletes(this.table, appointment).map((write) => guarded(write)),
      ...stillOurs.map((lock) => guarded(lockDelete(this.table, studioId, id, lock), changedHands)),
      ...bookWrites(this.table, books),
    ])
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
}
