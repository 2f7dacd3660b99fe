import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { DomainError } from '../domain/errors'

/** A create that found its item there already: the same request, applied before. */
export class AlreadyWritten extends Error {
  constructor() {
    super('written before')
  }
}

/**
 * What a failed condition on an item means: an error to throw, or a way to find out which
 * (when one condition guards two facts and only a fresh read tells them apart).
 */
export type Failure = DomainError | AlreadyWritten | (() => Promise<Error>)

/** One item of a transaction, carrying what its condition failing means. */
export interface TransactionItem {
  write: Record<string, unknown>
  /** Absent on items without a condition. */
  onFailure?: Failure
}

export const guarded = (write: Record<string, unknown>, onFailure?: Failure): TransactionItem => ({ write, onFailure })

/**
 * Writes all items or none. When a condition fails, the error that item carries is thrown;
 * two writers on the same items at once is a CONFLICT to retry.
 */
export async function transact(db: DynamoDBDocumentClient, items: TransactionItem[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items.map((i) => i.write) as never }))
      return
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error
      const failed = items[(error.CancellationReasons ?? []).findIndex((r) => r.Code === 'ConditionalCheckFailed')]
      if (failed?.onFailure) throw typeof failed.onFailure === 'function' ? await failed.onFailure() : failed.onFailure
      if (!(error.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict')) throw error
      // Another transaction held one of the items (a busy day's figures, say): a cancelled
      // transaction wrote nothing, so the same one is tried again after a short random pause.
      if (attempt >= CONFLICT_RETRIES) throw concurrentChange()
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * (attempt + 1)))
    }
  }
}

/**
 * Every write of a branch's money or stock also adds to that branch's day and "now" figures, so
 * writers of one branch meet on those items often: a few more tries (about 1.5 s of pauses at most)
 * before answering CONFLICT.
 */
const CONFLICT_RETRIES = 8

/**
 * Sends a transaction again, after a short random pause, while it is cancelled only because another
 * transaction held one of its items (a busy day's figures, say) — for writers that read the
 * cancellation themselves: any other failure is thrown as it came, and conflicts that outlast the
 * tries answer CONFLICT, as transact does.
 */
export async function retryingConflicts<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write()
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : []
      const onlyConflict = reasons.some((r) => r.Code === 'TransactionConflict') && !reasons.some((r) => r.Code === 'ConditionalCheckFailed')
      if (!onlyConflict) throw error
      if (attempt >= CONFLICT_RETRIES) throw concurrentChange()
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * (attempt + 1)))
    }
  }
}

/** Answers true when written, false when the first item's create found it written before. */
export async function transactOnce(db: DynamoDBDocumentClient, items: TransactionItem[]): Promise<boolean> {
  try {
    await transact(db, items)
    return true
  } catch (error) {
    if (error instanceof AlreadyWritten) return false
    throw error
  }
}

const concurrentChange = () => new DomainError('CONFLICT', 'Another change to the same records happened at the same moment; try again')

/** A single conditional write (Put, Update or Delete) sent: true when written, false when its condition did not hold. */
export async function conditionHeld(write: Promise<unknown>): Promise<boolean> {
  try {
    await write
    return true
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false
    throw error
  }
}

/** Turns a single write's failed condition into the domain error it stands for. */
export function conditionFailure(error: unknown, failure: DomainError): unknown {
  return error instanceof ConditionalCheckFailedException ? failure : error
}
