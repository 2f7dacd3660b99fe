/**
 * A studio's data as a file:
 *   npm run backup -- --studio CODE --out FILE
 * writes FILE (gzip NDJSON, one item a line in canonical form) and FILE.manifest.json
 * (format, studio, time, counts per entity type, SHA-256 of the file and of the content).
 * The local studio by default; STAGE, TABLE_NAME and AWS_REGION point it at a deployed table.
 */
import { writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { backUpStudio } from '../functions/backup/back-up-studio'
import { packBackup } from '../functions/backup/backup-file'
import { connectTable, failureMessage, option, unreachable } from './lib/cli-studio'
import { count, progressLine } from './lib/progress'

async function main() {
  const args = process.argv.slice(2)
  const code = option(args, 'studio')
  const out = option(args, 'out')
  if (!code || !out) {
    console.error('Usage: npm run backup -- --studio CODE --out FILE')
    process.exit(2)
  }
  const { studioItems, table } = connectTable()
  console.log(`Backing up studio ${code} from ${table.tableName}.`)
  console.log('The studio stays in use: its items are read until two reads in a row agree, so the copy is one moment’s state.')
  let progress = progressLine('read 1')
  const copy = await backUpStudio(studioItems, {
    studioCode: code.trim().toLowerCase(),
    onProgress: ({ read, pass }) => {
      if (`read ${pass}` !== progress.label) {
        progress.done()
        progress = progressLine(`read ${pass}${pass > 1 ? ' (checking)' : ''}`)
      }
      progress.update(`${count(read)} items`)
    },
    onChanged: (pass) => console.error(`  the studio changed between reads ${pass - 1} and ${pass}; reading again`),
  }).catch((error) => Promise.reject(error?.name === 'DomainError' ? error : unreachable(table, error)))
  progress.done()
  const { data, manifest } = packBackup(copy, basename(out), table.tableName)
  writeFileSync(out, data)
  writeFileSync(`${out}.manifest.json`, JSON.stringify(manifest, null, 2) + '\n')
  console.log(`✔ ${count(manifest.items)} items of ${manifest.studio.name} (${manifest.studio.code}) as of ${manifest.takenAtLocal}, after ${copy.reads} reads`)
  for (const [type, n] of Object.entries(manifest.countsByType)) console.log(`    ${type.padEnd(20)} ${count(n)}`)
  console.log(`  ${out} (${count(data.length)} bytes, SHA-256 ${manifest.files[0]!.sha256})`)
  console.log(`  ${out}.manifest.json (content SHA-256 ${manifest.contentSha256})`)
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(failureMessage(error))
    process.exit(1)
  },
)
