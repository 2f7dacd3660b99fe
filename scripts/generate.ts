/**
 * `npm run generate -- --seed 7 --days 90 [--leads 2] [--code history]`: a studio shaped like the
 * demo studio with `days` of seeded history, written through the real operations into DynamoDB
 * Local (in memory, so the run shows what it makes and how long it takes; `DYNAMODB_ENDPOINT`
 * points it at a running one instead, e.g. the one `npm start` runs).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { composeApp } from '../functions/composition'
import { loadConfig } from '../functions/platform/config'
import { ensureTable } from '../functions/store/admin'
import { demoCrews, seedDemoStudio } from './lib/demo-studio'
import { startDynamoLocal } from './lib/dynamodb-local'
import { generateHistory } from './lib/history-generator'
import { freePort } from './lib/processes'

async function main() {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      days: { type: 'string', default: '90' },
      leads: { type: 'string', default: '2' },
      code: { type: 'string', default: `history-${Date.now().toString(36)}` },
      table: { type: 'string', default: 'studio-erp-local' },
      files: { type: 'string', default: process.env.FILES_DIR },
    },
  })
  const endpoint = process.env.DYNAMODB_ENDPOINT
  const dynamo = endpoint ? undefined : await startDynamoLocal({ port: await freePort() })
  try {
    const client = dynamo?.client
    const filesDir = values.files ?? mkdtempSync(join(tmpdir(), 'history-files-'))
    const sessionSecret = process.env.SESSION_SECRET ?? 'generate-history-secret-generate-history'
    const deps = composeApp(loadConfig({ STAGE: 'local', TABLE_NAME: values.table, DYNAMODB_ENDPOINT: endpoint ?? dynamo!.endpoint, SESSION_SECRET: sessionSecret, FILES_DIR: filesDir }))
    if (client) await ensureTable(client, values.table)
    console.log(`Studio ${values.code}: demo shape, seed ${values.seed}, ${values.days} days`)
    const { branches } = await seedDemoStudio(deps, console.log, values.code)
    const started = Date.now()
    const record = await generateHistory(deps, {
      seed: Number(values.seed),
      days: Number(values.days),
      leadsPerDay: Number(values.leads),
      studioCode: values.code,
      branches: branches.map((b, i) => ({ id: b.id, crew: demoCrews[i]! })),
      filesDir,
      log: console.log,
    })
    const seconds = (Date.now() - started) / 1000
    for (const [op, { count, ms }] of Object.entries(record.operations).sort((a, b) => b[1].ms - a[1].ms)) console.log(`  ${op.padEnd(26)} ${String(count).padStart(6)} calls  ${Math.round(ms / count)} ms each`)
    console.log(`Done: ${record.orders} orders, ${record.calls} operations in ${seconds.toFixed(1)}s (${(record.calls / seconds).toFixed(0)} operations/s), ${record.firstDay} … ${record.lastDay}`)
  } finally {
    await dynamo?.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
