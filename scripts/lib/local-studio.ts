import { ScanCommand } from '@aws-sdk/client-dynamodb'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { composeApp } from '../../functions/composition'
import { loadConfig } from '../../functions/platform/config'
import { ensureTable } from '../../functions/store/admin'
import type { LocalDynamo } from './dynamodb-local'
import { seedDemoStudio } from './demo-studio'
import { seedDemoOrders } from './demo-orders'

/** A session secret for this machine's local studio, made once and kept under .data/. */
export function localSessionSecret(dataDir: string): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET
  const file = join(dataDir, 'session-secret')
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
  }
  return readFileSync(file, 'utf8').trim()
}

/** Creates the table when missing and seeds the demo studio when the table is empty. */
export async function prepareTable(dynamo: LocalDynamo, tableName: string, sessionSecret: string, filesDir: string, log = console.log) {
  const created = await ensureTable(dynamo.client, tableName)
  log(created ? `Created table ${tableName}` : `Table ${tableName} is there`)
  const { Count } = await dynamo.client.send(new ScanCommand({ TableName: tableName, Limit: 1, Select: 'COUNT' }))
  if (Count && Count > 0) {
    log('The table holds data: keeping it (delete .data/ to start over)')
    return false
  }
  log('Seeding the demo studio…')
  const deps = composeApp(
    loadConfig({ STAGE: 'local', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: dynamo.endpoint, SESSION_SECRET: sessionSecret, FILES_DIR: filesDir }),
  )
  await seedDemoStudio(deps, log)
  await seedDemoOrders(deps, filesDir, log)
  return true
}
