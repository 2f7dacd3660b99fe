/**
 * A studio back from its backup:
 *   npm run restore -- --in FILE --studio CODE [--replace]
 * Checks FILE against FILE.manifest.json first (a damaged or truncated file is refused and
 * nothing is written), loads the studio into the table when it is not there (or over it with
 * --replace), and resumes when run again after an interruption.
 * The local studio by default; STAGE, TABLE_NAME and AWS_REGION point it at a deployed table.
 */
import { existsSync, readFileSync } from 'node:fs'
import { unpackBackup } from '../functions/backup/backup-file'
import { restoreStudio } from '../functions/backup/restore-studio'
import { connectTable, failureMessage, option, unreachable } from './lib/cli-studio'
import { count, progressLine } from './lib/progress'

async function main() {
  const args = process.argv.slice(2)
  const file = option(args, 'in')
  const code = option(args, 'studio')
  if (!file || !code) {
    console.error('Usage: npm run restore -- --in FILE --studio CODE [--replace]')
    process.exit(2)
  }
  const manifestFile = `${file}.manifest.json`
  if (!existsSync(file)) throw new Error(`No backup file ${file}`)
  if (!existsSync(manifestFile)) throw new Error(`No manifest ${manifestFile} next to the backup: it is needed to check the file`)
  const { studioItems, table } = connectTable()
  console.log(`Checking ${file} against its manifest…`)
  const backup = unpackBackup(readFileSync(manifestFile, 'utf8'), readFileSync(file), studioItems)
  const { manifest } = backup
  console.log(`✔ Intact: ${count(manifest.items)} items of ${manifest.studio.name} (${manifest.studio.code}) as of ${manifest.takenAtLocal}`)
  console.log(`Restoring into ${table.tableName}${args.includes('--replace') ? ', replacing the studio there' : ''}…`)
  let progress = progressLine('writing')
  const result = await restoreStudio(studioItems, backup, {
    studioCode: code,
    replace: args.includes('--replace'),
    onProgress: ({ step, done, total }) => {
      if (step !== progress.label) {
        progress.done()
        progress = progressLine(step)
      }
      progress.update(`${count(done)} / ${count(total)} items`)
    },
  }).catch((error) => Promise.reject(error?.name === 'DomainError' ? error : unreachable(table, error)))
  progress.done()
  console.log(
    `✔ Studio ${manifest.studio.code} restored: ${count(result.written)} items written${result.deleted ? `, ${count(result.deleted)} items of the replaced studio removed` : ''}${result.resumed ? ' (an interrupted restore, resumed)' : ''}`,
  )
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(failureMessage(error))
    process.exit(1)
  },
)
