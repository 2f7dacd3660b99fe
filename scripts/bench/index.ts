/**
 * `npm run bench`: measurements on this machine, printed as Markdown tables to paste into
 * BENCHMARKS.md. `npm run bench -- import` runs one benchmark; `IMPORT_ROWS`, `IMPORT_ORDERS`, `BACKUP_ITEMS`,
 * `REPORT_ORDERS` (two sizes, e.g. 1000,100000), `REPORT_HISTORY_DAYS`, `REPORT_RUNS` and
 * `REPORT_PAIRS` set the sizes.
 */
import { cpus, totalmem } from 'node:os'
import { startDynamoLocal } from '../lib/dynamodb-local'
import { freePort } from '../lib/processes'
import { benchBackup } from './backup'
import { benchBooking } from './booking'
import { benchBundles } from './bundles'
import { benchImport } from './import-customers'
import { benchImportOrders } from './import-orders'
import { benchPayments } from './payments'
import { benchSelectionBytes } from './selection-bytes'
import { benchReports } from './reports'

function table(rows: Record<string, string | number>[]): string {
  const headers = Object.keys(rows[0]!)
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${headers.map((h) => r[h]).join(' | ')} |`)].join('\n')
}

async function main() {
  const only = process.argv[2]
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`)
  if (!only || only === 'selection') {
    const count = Number(process.env.SELECTION_PHOTOS ?? 150)
    console.log(`\n## Bytes a customer downloads to open a ${count}-photo selection page`)
    console.log(table(await benchSelectionBytes(count)))
    if (only) return
  }
  if (!only || only === 'bundles') {
    console.log('\n## Lambda bundles (npm run package): size and module load time')
    console.log(table(benchBundles()))
    if (only) return
  }
  console.log('Starting DynamoDB Local (in memory)…')
  const dynamo = await startDynamoLocal({ port: await freePort() })
  try {
    if (!only || only === 'import') {
      const rows = Number(process.env.IMPORT_ROWS ?? 50_000)
      console.log(`\n## Customer import, ${rows} rows (CSV → DynamoDB Local)`)
      console.log(table(await benchImport(dynamo, rows)))
    }
    if (!only || only === 'import-orders') {
      const rows = Number(process.env.IMPORT_ORDERS ?? 10_000)
      console.log(`\n## Order-history import, ${rows} orders (CSV → DynamoDB Local)`)
      console.log(table(await benchImportOrders(dynamo, rows)))
    }
    if (!only || only === 'backup') {
      const size = Number(process.env.BACKUP_ITEMS ?? 100_000)
      console.log(`\n## Studio backup and restore, ${size} items (DynamoDB Local)`)
      console.log(table(await benchBackup(dynamo, size)))
    }
    if (!only || only === 'booking') {
      console.log('\n## Booking through the HTTP API (serverless-offline → DynamoDB Local)')
      const result = await benchBooking(dynamo)
      console.log('\n200 concurrent requests for the same slot:')
      console.log(table([result.race]))
      console.log('\n1,000 concurrent random bookings, reschedules and cancels across a week, then the overlap check:')
      console.log(table([result.mix]))
      console.log('\nLatency:')
      console.log(table(result.latency))
    }
    if (!only || only === 'reports') {
      const sizes = (process.env.REPORT_ORDERS ?? '1000,100000').split(',').map(Number)
      console.log(`\n## Reports at ${sizes.join(' and ')} orders (dispatch → DynamoDB Local)`)
      const result = await benchReports(dynamo, sizes)
      console.log(`History: ${result.history}`)
      console.log(`Kept figures: ${result.nowItems}`)
      console.log(`Machine: ${result.loads}`)
      console.log(`\nStudio A at ${sizes[0]} orders, before the bulk write (sequential):`)
      console.log(table(result.sequential))
      console.log(`\nA at ${sizes[1]} and B at ${sizes[0]} orders, interleaved:`)
      console.log(table(result.rows))
    }
    if (!only || only === 'payments') {
      console.log('\n## WeChat Pay notifications through the HTTP API (serverless-offline → DynamoDB Local)')
      console.log(table([await benchPayments(dynamo)]))
    }
  } finally {
    await dynamo.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
