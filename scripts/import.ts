/**
 * Import from the old system:
 *   npm run import -- customers <file.csv> [--dry-run] [--studio <code>]
 * The dry run lists every bad row and writes nothing; the real run upserts by phone, so
 * running it twice creates no duplicates.
 */
import { readFileSync } from 'node:fs'
import { importCustomerCsv } from '../functions/customers/import-customers'
import { DomainError } from '../functions/domain/errors'
import { connectStudio, option } from './lib/cli-studio'

async function main() {
  const args = process.argv.slice(2)
  const [what, file] = args
  if (what !== 'customers' || !file) {
    console.error('Usage: npm run import -- customers <file.csv> [--dry-run] [--studio <code>]')
    process.exit(2)
  }
  const dryRun = args.includes('--dry-run')
  const { deps, studio } = await connectStudio(option(args, 'studio'))
  console.log(`${dryRun ? 'Checking' : 'Importing'} ${file} into ${studio.name} (${studio.code})…`)
  const started = Date.now()
  const report = await importCustomerCsv(deps.customers, readFileSync(file), {
    studioId: studio.id,
    dryRun,
    now: new Date(),
    onProgress: (done, total) => process.stdout.write(`\r  ${done} / ${total} rows saved`),
  })
  if (!dryRun) process.stdout.write('\n')
  console.log(`Columns: ${Object.entries(report.columns).map(([h, f]) => `${h} → ${f}`).join(', ')}`)
  for (const e of report.errors) console.log(`  line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.reason}`)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(
    dryRun
      ? `Dry run: ${report.rows} rows, ${report.rows - report.failed} good, ${report.failed} with problems. Nothing was written. (${seconds}s)`
      : `Done: ${report.created} created, ${report.updated} updated, ${report.skipped} unchanged, ${report.failed} failed of ${report.rows} rows (${seconds}s)`,
  )
  process.exit(report.failed > 0 ? 1 : 0)
}

main().catch((error) => {
  console.error(error instanceof DomainError ? `✖ ${error.message}${error.details?.fields ? `: ${error.details.fields.map((f) => `${f.path} ${f.message}`).join('; ')}` : ''}` : `✖ ${(error as Error).message}`)
  process.exit(1)
})
