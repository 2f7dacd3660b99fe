/**
 * Export to a CSV that Excel opens correctly:
 *   npm run export -- customers <file.csv> [--studio <code>]
 */
import { writeFileSync } from 'node:fs'
import { exportCustomerCsv } from '../functions/customers/export-customers'
import { connectStudio, option } from './lib/cli-studio'

async function main() {
  const args = process.argv.slice(2)
  const [what, file] = args
  if (what !== 'customers' || !file) {
    console.error('Usage: npm run export -- customers <file.csv> [--studio <code>]')
    process.exit(2)
  }
  const { deps, studio } = await connectStudio(option(args, 'studio'))
  const { csv, rows } = await exportCustomerCsv(deps.customers, studio.id)
  writeFileSync(file, csv)
  console.log(`Wrote ${rows} customers of ${studio.name} to ${file}`)
}

main().catch((error) => {
  console.error(`✖ ${(error as Error).message}`)
  process.exit(1)
})
