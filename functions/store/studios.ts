import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { Branch, Studio } from '../../types/entities'
import { DomainError } from '../domain/errors'
import type { StudioDirectory } from '../studio/ports'
import { guarded, transact } from './errors'
import { auditPut, putIfAbsent } from './items'
import { keys } from './keys'
import { studioItems } from './entities/staff'

/**
 * The stage's studios, for the operator's command line: the studio items are listed by code on
 * gsi1 (no Scan of the table), and each studio's branches are counted in its own partition.
 */
export class DynamoStudioDirectory implements StudioDirectory {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async listStudios() {
    const items = await studioItems(this.db, this.table)
    return Promise.all(
      items.map(async (item) => {
        const { Count } = await this.db.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :branch)',
            ExpressionAttributeValues: { ':pk': keys.studio(item.id as string).pk, ':branch': keys.branchPrefix },
            Select: 'COUNT',
          }),
        )
        return { studio: { id: item.id, code: item.code, name: item.name, timeZone: item.timeZone } as Studio, branches: Count ?? 0 }
      }),
    )
  }

  async addBranch(studioId: string, branch: Branch, at: Date) {
    await transact(this.db, [
      guarded({ ConditionCheck: { TableName: this.table, Key: keys.studio(studioId), ConditionExpression: 'attribute_exists(pk)' } }, new DomainError('NOT_FOUND', 'Studio not found')),
      guarded(putIfAbsent(this.table, { ...keys.branch(studioId, branch.id), type: 'Branch', ...branch }), new DomainError('CONFLICT', 'The branch exists already')),
      guarded(auditPut(this.table, studioId, { action: 'studio.branch_added', actorName: 'operator', targetId: branch.id, detail: { name: branch.name } }, at)),
    ])
  }
}

