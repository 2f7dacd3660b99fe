import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { DomainError } from '../domain/errors'

/** The item of a cancelled transaction whose condition failed first; -1 if none did (or it was no transaction). */
export function failedItem(error: unknown): number {
  return error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []).findIndex((r) => r.Code === 'ConditionalCheckFailed') : -1
}

/**
 * Turns a failed condition into the domain error it stands for. `reasons[i]` names the
 * error for the i-th item of a transaction; the first failed condition wins.
 */
export function conditionFailure(error: unknown, reasons: (DomainError | undefined)[]): unknown {
  if (error instanceof ConditionalCheckFailedException) return reasons.find(Boolean) ?? error
  if (error instanceof TransactionCanceledException) {
    const failed = failedItem(error)
    if (failed >= 0 && reasons[failed]) return reasons[failed]
    if ((error.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict')) {
      return new DomainError('CONFLICT', 'Another change to the same records happened at the same moment; try again')
    }
  }
  return error
}
