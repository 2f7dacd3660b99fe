import type { BackupManifest } from '../../types/backup'
import { DomainError } from '../domain/errors'
import { keyOf, keyText } from './canonical'
import type { ItemKey, StoredItem, StudioItemsTable } from './ports'

export interface RestoreProgress {
  step: 'clearing' | 'writing'
  done: number
  total: number
}

/**
 * Loads a verified backup (see unpackBackup) into the table:
 * 1. checks it is the studio the operator named;
 * 2. refuses when the studio (its code or its id) exists, unless `replace` is given, or unless
 *    this very restore was interrupted before (its marker holds the same content digest): then it resumes;
 * 3. leaves a marker, so an interrupted restore is recognised and resumed;
 * 4. with `replace`, deletes the existing studio's items the backup does not have;
 * 5. writes every item (puts: writing one twice changes nothing), the studio code last, so
 *    nobody signs in to a half-restored studio; then removes the marker.
 */
export async function restoreStudio(
  table: StudioItemsTable,
  backup: { manifest: BackupManifest; items: StoredItem[] },
  options: { studioCode: string; replace?: boolean; onProgress?: (progress: RestoreProgress) => void; now?: Date },
): Promise<{ written: number; deleted: number; resumed: boolean }> {
  const { manifest, items } = backup
  const studioId = manifest.studio.id
  if (options.studioCode.trim().toLowerCase() !== manifest.studio.code) {
    throw new DomainError('VALIDATION_FAILED', `This is a backup of studio "${manifest.studio.code}", not "${options.studioCode}"`, {
      fields: [{ path: 'studio', message: `must be ${manifest.studio.code}, the backup's studio` }],
    })
  }
  const marker = await table.getRestoreMarker(studioId)
  const resumed = marker?.contentSha256 === manifest.contentSha256
  if (marker && !resumed && !options.replace) {
    throw new DomainError('CONFLICT', `Another restore of studio "${manifest.studio.code}" was interrupted; run it again or give --replace`)
  }
  const byCode = await table.findStudioByCode(manifest.studio.code)
  const byId = await table.getStudio(studioId)
  const existing = [...new Set([byCode?.id, byId?.id, ...(marker?.replacing ?? [])].filter((id): id is string => Boolean(id)))]
  if (existing.length && !resumed && !options.replace) {
    throw new DomainError('CONFLICT', `Studio "${manifest.studio.code}" exists in ${table.tableName}; give --replace to overwrite it with the backup`)
  }

  await table.putRestoreMarker({
    studioId,
    contentSha256: manifest.contentSha256,
    replacing: existing,
    startedAt: (options.now ?? new Date()).toISOString(),
  })

  const wanted = new Set(items.map((item) => keyText(keyOf(item))))
  const stale: ItemKey[] = []
  for (const id of existing) {
    const studio = id === byCode?.id ? byCode : id === byId?.id ? byId : undefined
    await table.readStudioItems({ id, code: studio?.code ?? manifest.studio.code }, (page) => {
      for (const item of page) if (!wanted.has(keyText(keyOf(item)))) stale.push(keyOf(item))
    })
  }
  let deleted = 0
  if (stale.length) {
    await table.deleteItems(stale, (count) => {
      deleted += count
      options.onProgress?.({ step: 'clearing', done: deleted, total: stale.length })
    })
  }

  const codeItem = items.find((item) => String(item.pk?.S).startsWith('STUDIOCODE#'))
  const rest = items.filter((item) => item !== codeItem)
  let written = 0
  await table.writeItems(rest, (count) => {
    written += count
    options.onProgress?.({ step: 'writing', done: written, total: items.length })
  })
  if (codeItem) {
    await table.claimStudioCode(codeItem, [studioId, ...existing])
    written += 1
    options.onProgress?.({ step: 'writing', done: written, total: items.length })
  }
  await table.deleteRestoreMarker(studioId)
  return { written, deleted, resumed }
}
