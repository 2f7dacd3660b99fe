import { ScanCommand } from '@aws-sdk/client-dynamodb'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { composeApp } from '../../functions/composition'
import { loadConfig } from '../../functions/platform/config'
import { ensureTable } from '../../functions/store/admin'
import type { LocalDynamo } from './dynamodb-local'
import { demoCrews, seedDemoStudio } from './demo-studio'
import { seedDemoOrders } from './demo-orders'
import { generateHistory } from './history-generator'

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

/** The demo studio's history is the same on every machine. */
export const DEMO_HISTORY_SEED = 2026

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
  const { studio, branches } = await seedDemoStudio(deps, log)
  // History for the manager's reports: DEMO_HISTORY_DAYS days (0 for none) of seeded studio life.
  const days = Number(process.env.DEMO_HISTORY_DAYS ?? 60)
  if (days > 0) {
    const started = Date.now()
    log(`  ${days} days of history (seed ${DEMO_HISTORY_SEED})…`)
    const history = await generateHistory(deps, {
      seed: DEMO_HISTORY_SEED,
      days,
      leadsPerDay: 1,
      studioCode: studio.code,
      branches: branches.map((b, i) => ({ id: b.id, crew: demoCrews[i]! })),
      filesDir,
      log,
    })
    log(`  history: ${history.orders} orders through ${history.calls} operations in ${((Date.now() - started) / 1000).toFixed(1)}s`)
  }
  await seedDemoOrders(deps, filesDir, log)
  return true
}
