/**
 * Import from the old system:
 *   npm run import -- customers <file.csv> [--dry-run] [--studio <code>]
 *   npm run import -- orders <file.csv> [--dry-run] [--studio <code>] [--branch <name>]
 * The dry run lists every bad line and writes nothing. Customers are upserted by phone;
 * orders are imported once per old order number (into the branch named, else the first):
 * running either twice creates no duplicates.
 */
import { readFileSync } from 'node:fs'
import { importCustomerCsv } from '../functions/customers/import-customers'
import { DomainError } from '../functions/domain/errors'
import { importOrderCsv } from '../functions/history-import/import-orders'
import { connectStudio, option } from './lib/cli-studio'

const USAGE = `Usage:
  npm run import -- customers <file.csv> [--dry-run] [--studio <code>]
  npm run import -- orders <file.csv> [--dry-run] [--studio <code>] [--branch <name>]`

const progress = (what: string) => (done: number, total: number) => process.stdout.write(`\r  ${done} / ${total} ${what} saved`)

function printErrors(report: { columns: Record<string, string>; errors: { line: number; column: string; reason: string }[] }) {
  console.log(`Columns: ${Object.entries(report.columns).map(([h, f]) => `${h} → ${f}`).join(', ')}`)
  for (const e of report.errors) console.log(`  line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.reason}`)
}

async function importCustomers(file: string, dryRun: boolean, studioCode?: string) {
  const { deps, studio } = await connectStudio(studioCode)
  console.log(`${dryRun ? 'Checking' : 'Importing'} customers from ${file} into ${studio.name} (${studio.code})…`)
  const started = Date.now()
  const report = await importCustomerCsv(deps.customers, readFileSync(file), { studioId: studio.id, dryRun, now: new Date(), onProgress: progress('rows') })
  if (!dryRun) process.stdout.write('\n')
  printErrors(report)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(
    dryRun
      ? `Dry run: ${report.rows} rows, ${report.rows - report.failed} good, ${report.failed} with problems. Nothing was written. (${seconds}s)`
      : `Done: ${report.created} created, ${report.updated} updated, ${report.skipped} unchanged, ${report.failed} failed of ${report.rows} rows (${seconds}s)`,
  )
  return report.failed
}

async function importOrders(file: string, dryRun: boolean, studioCode?: string, branchName?: string) {
  const { deps, studio } = await connectStudio(studioCode)
  const branches = await deps.repo.listBranches(studio.id)
  const branch = branchName ? branches.find((b) => b.name === branchName) : branches[0]
  if (!branch) throw new Error(`${studio.code} has no branch called "${branchName}" (its branches: ${branches.map((b) => b.name).join(', ')})`)
  console.log(`${dryRun ? 'Checking' : 'Importing'} past orders from ${file} into ${studio.name} (${studio.code}), branch ${branch.name}…`)
  const started = Date.now()
  const report = await importOrderCsv(deps, readFileSync(file), {
    studioId: studio.id,
    branchId: branch.id,
    by: { id: 'operator', name: 'import script', role: 'system' },
    dryRun,
    now: new Date(),
    onProgress: progress('orders'),
  })
  if (!dryRun) process.stdout.write('\n')
  printErrors(report)
  if (report.unknownPackages.length) console.log(`Packages not in the catalogue (add them, then import again): ${report.unknownPackages.join(', ')}`)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const counts = `${report.created} orders with ${report.payments} payments, ${report.customersCreated} new customers, ${report.skipped} imported before, ${report.failed} lines with problems, of ${report.rows}`
  console.log(dryRun ? `Dry run: would import ${counts}. Nothing was written. (${seconds}s)` : `Done: imported ${counts} (${seconds}s)`)
  return report.failed
}

async function main() {
  const args = process.argv.slice(2)
  const [what, file] = args
  if ((what !== 'customers' && what !== 'orders') || !file) {
    console.error(USAGE)
    process.exit(2)
  }
  const dryRun = args.includes('--dry-run')
  const failed = what === 'customers' ? await importCustomers(file, dryRun, option(args, 'studio')) : await importOrders(file, dryRun, option(args, 'studio'), option(args, 'branch'))
  process.exit(failed > 0 ? 1 : 0)
}

main().catch((error) => {
  console.error(error instanceof DomainError ? `✖ ${error.message}${error.details?.fields ? `: ${error.details.fields.map((f) => `${f.path} ${f.message}`).join('; ')}` : ''}` : `✖ ${(error as Error).message}`)
  process.exit(1)
})
