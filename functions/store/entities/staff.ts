import type { Branch, Studio } from '../../../types/entities'
import type { SessionRecord, StaffRecord } from '../../identity/ports'
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { putIfAbsent, queryAll, type Item } from '../items'
import { keys } from '../keys'
import { epochSeconds, TTL_ATTRIBUTE } from '../table'

/** The studio item, listed among the stage's studios by its code (gsi1). */
export const studioItem = (studio: Studio): Item => ({ ...keys.studio(studio.id), type: 'Studio', gsi1pk: keys.allStudios, gsi1sk: studio.code, ...studio })
/** The studio's code, unique across studios: how sign-in finds the studio. */
export const studioCodeItem = (studio: Studio): Item => ({ ...keys.studioCode(studio.code), type: 'StudioCode', studioId: studio.id })
export const branchItem = (studioId: string, branch: Branch): Item => ({ ...keys.branch(studioId, branch.id), type: 'Branch', ...branch })

/** Where a staff member is listed in their branch (gsi1, beside its opening hours and rooms), by name. */
export const staffByBranchIndex = (studioId: string, branchId: string, displayName: string, staffId: string) => ({
  gsi1pk: keys.staffByBranch(studioId, branchId),
  gsi1sk: `${displayName}#${staffId}`,
})

/** The staff member with their place in their branch's list. */
export const staffItem = (staff: StaffRecord): Item => ({
  ...keys.staff(staff.studioId, staff.id),
  ...staffByBranchIndex(staff.studioId, staff.branchId, staff.displayName, staff.id),
  type: 'Staff',
  ...staff,
})

/** The user name, unique in its studio. */
export const usernameItem = (staff: StaffRecord): Item => ({ ...keys.username(staff.studioId, staff.username), type: 'Username', staffId: staff.id })

/** A session, removed by TTL once it expires (sign-out deletes it before). */
export const sessionPut = (table: string, session: SessionRecord) =>
  putIfAbsent(table, { ...keys.session(session.studioId, session.sessionId), type: 'Session', [TTL_ATTRIBUTE]: epochSeconds(session.expiresAt), ...session })

/** Every studio item of the stage, from its listing on gsi1 (never a Scan); only `attributes` when named. */
export function studioItems(db: DynamoDBDocumentClient, table: string, attributes?: string) {
  return queryAll(db, {
    TableName: table,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :all',
    ExpressionAttributeValues: { ':all': keys.allStudios },
    ...(attributes ? { ProjectionExpression: attributes } : {}),
  })
}
