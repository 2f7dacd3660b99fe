import { gunzipSync, gzipSync } from 'node:zlib'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupManifestSchema, type BackupManifest } from '../../types/backup'
import { DomainError } from '../domain/errors'
import { itemFromLine, keyOf, sha256 } from './canonical'
import type { StoredItem, StudioItemsTable } from './ports'
import type { StudioCopy } from './back-up-studio'

/** The time as the studio's wall clock shows it, e.g. 2026-11-30 17:35:12 (Asia/Shanghai). */
function localTime(at: Date, timeZone: string) {
  const text = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(at)
  return `${text} (${timeZone})`
}

/** The data file (gzip NDJSON, one canonical item a line) and its manifest. */
export function packBackup(copy: StudioCopy, fileName: string, sourceTable: string): { data: Buffer; manifest: BackupManifest } {
  const data = gzipSync(copy.lines.length ? copy.lines.join('\n') + '\n' : '')
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    studio: { id: copy.studio.id, code: copy.studio.code, name: copy.studio.name, timeZone: copy.studio.timeZone },
    takenAt: copy.takenAt.toISOString(),
    takenAtLocal: localTime(copy.takenAt, copy.studio.timeZone),
    source: { table: sourceTable },
    items: copy.lines.length,
    countsByType: copy.countsByType,
    contentSha256: copy.sha256,
    consistency: { method: 'repeat-until-two-reads-agree', reads: copy.reads },
    files: [{ name: fileName, bytes: data.length, sha256: sha256(data), items: copy.lines.length }],
  }
  return { data, manifest }
}

const refused = (reason: string) => new DomainError('PRECONDITION_FAILED', `The backup cannot be restored: ${reason}. Nothing was written.`)

/**
 * Checks a backup before anything is written: the manifest's format, the data file's size and
 * SHA-256 (a truncated or altered file fails here), then the canonical content's digest and
 * counts, and that every item is the studio's own. Returns the items.
 */
export function unpackBackup(manifestText: string, data: Buffer, table: Pick<StudioItemsTable, 'isStudioItem'>): { manifest: BackupManifest; items: StoredItem[] } {
  let manifestJson: unknown
  try {
    manifestJson = JSON.parse(manifestText)
  } catch {
    throw refused('its manifest is not JSON')
  }
  const parsed = BackupManifestSchema.safeParse(manifestJson)
  if (!parsed.success) throw refused(`its manifest is not a studio backup manifest of format ${BACKUP_FORMAT} version ${BACKUP_FORMAT_VERSION}`)
  const manifest = parsed.data
  const file = manifest.files[0]!
  if (data.length !== file.bytes) throw refused(`the data file has ${data.length} bytes where the manifest says ${file.bytes} (truncated or replaced?)`)
  if (sha256(data) !== file.sha256) throw refused('the data file’s SHA-256 differs from the manifest’s (the file is damaged)')
  let text: string
  try {
    text = gunzipSync(data).toString('utf8')
  } catch {
    throw refused('the data file is not a complete gzip stream')
  }
  const lines = text.split('\n')
  if (lines.pop() !== '') throw refused('the data file does not end with a whole line')
  let items: StoredItem[]
  try {
    items = lines.map(itemFromLine)
  } catch {
    throw refused('a line of the data file is not JSON')
  }
  // The lines are the canonical content as written (one item a line, in key order, each ending in a
  // newline), so the text's own SHA-256 is the content digest: no need to canonicalise every item again.
  if (sha256(text) !== manifest.contentSha256 || items.length !== manifest.items) throw refused('its content differs from the digest in the manifest')
  const foreign = items.find((item) => !table.isStudioItem(keyOf(item), manifest.studio))
  if (foreign) throw refused(`it holds an item of another studio (${String(foreign.pk?.S)})`)
  return { manifest, items }
}
