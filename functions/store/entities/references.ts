import { notFound, unknownReference } from '../../domain/errors'
import { guarded, type Failure, type TransactionItem } from '../errors'
import { keys } from '../keys'

/**
 * ConditionChecks that a record a write names is the caller's studio's, checked inside the
 * write's own transaction: a record of another studio (its key starts with that studio), one
 * deleted meanwhile, or one archived when the check asks for a live one fails the whole write,
 * with the error the check carries.
 */
export function referenceExists(table: string, key: { pk: string; sk: string }, onFailure: Failure, live?: { attribute: string; equals: unknown }): TransactionItem {
  const check = live
    ? { ConditionExpression: 'attribute_exists(pk) AND #live = :live', ExpressionAttributeNames: { '#live': live.attribute }, ExpressionAttributeValues: { ':live': live.equals } }
    : { ConditionExpression: 'attribute_exists(pk)' }
  return guarded({ ConditionCheck: { TableName: table, Key: key, ...check } }, onFailure)
}

export const customerReference = (table: string, studioId: string, customerId: string) => referenceExists(table, keys.customer(studioId, customerId), notFound('Customer'))

export const branchReference = (table: string, studioId: string, branchId: string, path = 'branchId') =>
  referenceExists(table, keys.branch(studioId, branchId), unknownReference(path, 'branch'))

/** A package still on sale (not archived). */
export const packageOnSale = (table: string, studioId: string, packageId: string) =>
  referenceExists(table, keys.catalogPackage(studioId, packageId), notFound('Package'), { attribute: 'active', equals: true })

/** A staff member still working (not disabled). */
export const activeStaffReference = (table: string, studioId: string, staffId: string, path: string) =>
  referenceExists(table, keys.staff(studioId, staffId), unknownReference(path, 'working staff member'), { attribute: 'status', equals: 'active' })
