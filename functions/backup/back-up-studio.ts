import type { Studio } from '../../types/entities'
import { notFound, DomainError } from '../domain/errors'
import { canonicalContent, type CanonicalContent } from './canonical'
import type { StoredItem, StudioItemsTable } from './ports'

export interface BackupProgress {
  read: number
  /** Which read of the studio this is: the first, then the ones that check it. */
  pass: number
}

export interface StudioCopy extends CanonicalContent {
  studio: Studio
  takenAt: Date
  reads: number
}

/**
 * Copies every item of one studio, consistently while the studio is in use:
 * 1. finds the studio by its code;
 * 2. reads all its items (a parallel scan keeps only this studio's) into canonical lines and their digest;
 * 3. reads them again: when two reads in a row agree, no item changed between the end of the
 *    first and the start of the second, so the copy is the studio as it was at that moment;
 *    when they differ, something changed meanwhile and it reads again, up to `maxReads`.
 */
export async function backUpStudio(
  table: StudioItemsTable,
  options: { studioCode: string; maxReads?: number; onProgress?: (progress: BackupProgress) => void; onChanged?: (pass: number) => void; clock?: () => Date },
): Promise<StudioCopy> {
  const studio = await table.findStudioByCode(options.studioCode)
  if (!studio) throw notFound(`Studio "${options.studioCode}"`)
  const clock = options.clock ?? (() => new Date())
  const maxReads = options.maxReads ?? 5

  const readOnce = async (pass: number) => {
    const items: StoredItem[] = []
    await table.readStudioItems(studio, (page) => {
      items.push(...page)
      options.onProgress?.({ read: items.length, pass })
    })
    return canonicalContent(items)
  }

  let previous = await readOnce(1)
  for (let pass = 2; pass <= maxReads; pass++) {
    const between = clock()
    const current = await readOnce(pass)
    if (current.sha256 === previous.sha256) return { studio, ...current, takenAt: between, reads: pass }
    options.onChanged?.(pass)
    previous = current
  }
  throw new DomainError('CONFLICT', `The studio kept changing during ${maxReads} reads; run the backup again at a quieter time`)
}
