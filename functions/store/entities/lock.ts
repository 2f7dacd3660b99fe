import type { LockRef } from '../../scheduling/ports'
import { keys } from '../keys'
import { epochSeconds, TTL_ATTRIBUTE } from '../table'

const iso = (t: number) => new Date(t).toISOString()

/** One item per resource per half hour: the database's guarantee against double booking. */
export const lockKey = (studioId: string, lock: LockRef) => keys.lock(studioId, lock.resourceId, iso(lock.cell))

export const sameLock = (a: LockRef, b: LockRef) => a.resourceId === b.resourceId && a.cell === b.cell

/** Takes a lock if the cell is free, ours, or held by a hold that has lapsed; a held one lapses (and TTL removes it) with its hold. */
export function lockPut(table: string, studioId: string, appointmentId: string, lock: LockRef, now: Date, holdExpiresAt?: string) {
  return {
    Put: {
      TableName: table,
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

/** Frees a lock that is still the appointment's. */
export function lockDelete(table: string, studioId: string, appointmentId: string, lock: LockRef) {
  return {
    Delete: { TableName: table, Key: lockKey(studioId, lock), ConditionExpression: 'appointmentId = :id', ExpressionAttributeValues: { ':id': appointmentId } },
  }
}

/** Checks a lock is still the appointment's without writing it. */
export function lockKept(table: string, studioId: string, appointmentId: string, lock: LockRef) {
  return {
    ConditionCheck: { TableName: table, Key: lockKey(studioId, lock), ConditionExpression: 'appointmentId = :id', ExpressionAttributeValues: { ':id': appointmentId } },
  }
}
