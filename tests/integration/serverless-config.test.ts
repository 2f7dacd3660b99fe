import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { globalSecondaryIndexes, tableDefinition } from '../../functions/store/table'
import { quietServerlessEnv } from '../../scripts/lib/processes'

/** serverless.yml as the framework resolves it for production, read without AWS credentials. */
function resolvedServerlessConfig() {
  const root = resolve(__dirname, '../..')
  const out = execFileSync(resolve(root, 'node_modules/.bin/osls'), ['print', '--stage', 'prod', '--format', 'json'], {
    cwd: root,
    env: { ...process.env, ...quietServerlessEnv, SESSION_SECRET: 'print-only-secret-print-only-secret' },
    encoding: 'utf8',
  })
  return JSON.parse(out.slice(out.indexOf('{')))
}

describe('serverless.yml', () => {
  const config = resolvedServerlessConfig()
  const table = config.resources.Resources.StudioTable.Properties

  it('declares the same table the local runtime creates', () => {
    const local = tableDefinition(table.TableName)
    expect(table.KeySchema).toEqual(local.KeySchema)
    expect([...table.AttributeDefinitions].sort((x: any, y: any) => x.AttributeName.localeCompare(y.AttributeName))).toEqual(
      [...local.AttributeDefinitions!].sort((x, y) => x.AttributeName!.localeCompare(y.AttributeName!)),
    )
    expect(table.GlobalSecondaryIndexes.map((i: { IndexName: string }) => i.IndexName)).toEqual([...globalSecondaryIndexes])
    expect(table.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes)
  })

  it('keeps the data safe: on-demand, point-in-time recovery, TTL, retained on stack deletion', () => {
    expect(table.BillingMode).toBe('PAY_PER_REQUEST')
    expect(table.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled).toBe(true)
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true })
    expect(config.resources.Resources.StudioTable.DeletionPolicy).toBe('Retain')
  })

  it('grants the functions only item-level access to this table and its indexes, never Scan', () => {
    const statements = Object.values(config.functions).flatMap((fn: any) => fn.iamRoleStatements as { Action: string[]; Resource: unknown[] }[])
    expect(statements.length).toBeGreaterThan(0)
    const actions = statements.flatMap((s: { Action: string[] }) => s.Action)
    expect(actions).not.toContain('dynamodb:*')
    expect(actions).not.toContain('dynamodb:Scan')
    expect(statements.filter((s) => s.Action.some((a) => a.startsWith('dynamodb:'))).flatMap((s) => s.Resource)).not.toContain('*')
  })

  it('runs on a supported Lambda runtime with a bundle that also runs on Node 20', () => {
    expect(config.provider.runtime).toBe('nodejs22.x')
    expect(config.custom.esbuild.target).toBe('node20')
  })

  it('uses the real WeChat sign-in in production and reads secrets from SSM, never from its own environment', () => {
    expect(config.provider.environment.WECHAT_SIGN_IN).toBe('wechat')
    expect(config.provider.environment.SECRETS_PATH).toBe('/studio-erp/prod/')
    expect(config.provider.environment).not.toHaveProperty('SESSION_SECRET')
    expect(JSON.stringify(config)).not.toContain('print-only-secret-print-only-secret')
  })
})
