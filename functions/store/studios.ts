import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { Branch, Studio } from '../../types/entities'
import { DomainError } from '../domain/errors'
import type { StudioDirectory } from '../studio/ports'
import { guarded, transact } from './errors'
import { auditPut, putIfAbsent, type Item } from './items'
import { keys } from './keys'

/**
 * The stage's studios, for the operator's command line. Listing reads the whole table (a
 * Scan of the studio and branch items only): an occasional operator command, never on a
 * request path.
 */
export class DynamoStudioDirectory implements StudioDirectory {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async listStudios() {
    const studios: Studio[] = []
    const branches = new Map<string, number>()
    let startKey: Item | undefined
    do {
      const page = await this.db.send(
        new ScanCommand({
          TableName: this.table,
          FilterExpression: '#type IN (:studio, :branch)',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':studio': 'Studio', ':branch': 'Branch' },
          ExclusiveStartKey: startKey,
        }),
      )
      for (const item of page.Items ?? []) {
        if (item.type === 'Studio') studios.push({ id: item.id, code: item.code, name: item.name, timeZone: item.timeZone })
        else branches.set(item.pk as string, (branches.get(item.pk as string) ?? 0) + 1)
      }
      startKey = page.LastEvaluatedKey
    } while (startKey)
    return studios
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((studio) => ({ studio, branches: branches.get(keys.studio(studio.id).pk) ?? 0 }))
  }

  async addBranch(studioId: string, branch: Branch, at: Date) {
    await transact(this.db, [
      guarded({ ConditionCheck: { TableName: this.table, Key: keys.studio(studioId), ConditionExpression: 'attribute_exists(pk)' } }, new DomainError('NOT_FOUND', 'Studio not found')),
      guarded(putIfAbsent(this.table, { ...keys.branch(studioId, branch.id), type: 'Branch', ...branch }), new DomainError('CONFLICT', 'The branch exists already')),
      guarded(auditPut(this.table, studioId, { action: 'studio.branch_added', actorName: 'operator', targetId: branch.id, detail: { name: branch.name } }, at)),
    ])
  }
}

