import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb'

/**
 * The single table's shape. serverless.yml declares the same table for AWS; a test
 * checks that the two agree.
 */
export const globalSecondaryIndexes = ['gsi1', 'gsi2', 'gsi3'] as const

export function tableDefinition(tableName: string): CreateTableCommandInput {
  const attr = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const })
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [attr('pk'), attr('sk'), ...globalSecondaryIndexes.flatMap((g) => [attr(`${g}pk`), attr(`${g}sk`)])],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: globalSecondaryIndexes.map((name) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: `${name}pk`, KeyType: 'HASH' },
        { AttributeName: `${name}sk`, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  }
}

export const TTL_ATTRIBUTE = 'ttl'

/** An ISO time as the epoch seconds the TTL attribute holds. */
export const epochSeconds = (isoTime: string) => Math.floor(Date.parse(isoTime) / 1000)
