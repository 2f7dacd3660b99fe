import type { Studio } from '../../types/entities'

/**
 * One table item exactly as DynamoDB holds it (attribute values in DynamoDB JSON:
 * `{ "S": … }`, `{ "N": "…" }`, …), so a backup keeps every type and digit as stored.
 */
export type StoredItem = Record<string, Record<string, unknown>>

export interface ItemKey {
  pk: string
  sk: string
}

/** A restore under way, remembered so that running it again after an interruption resumes it. */
export interface RestoreMarker {
  studioId: string
  contentSha256: string
  /** The studios (ids) whose items the restore replaces. */
  replacing: string[]
  startedAt: string
}

/** What backing up and restoring a studio needs from its table. */
export interface StudioItemsTable {
  readonly tableName: string
  /** Whether a key is one of the studio's items (the same rule readStudioItems keeps to). */
  isStudioItem(key: ItemKey, studio: { id: string; code: string }): boolean
  findStudioByCode(code: string): Promise<Studio | undefined>
  getStudio(studioId: string): Promise<Studio | undefined>
  /**
   * Every item of the studio (all its partitions, its code, its entries in the scheduled
   * jobs' work lists), in no particular order, page by page as read.
   */
  readStudioItems(studio: { id: string; code: string }, onPage: (items: StoredItem[]) => void): Promise<void>
  /** Writes items as they are (puts, so writing one twice changes nothing). */
  writeItems(items: StoredItem[], onWritten: (count: number) => void): Promise<void>
  deleteItems(keys: ItemKey[], onDeleted: (count: number) => void): Promise<void>
  /** Writes the studio code's item, unless meanwhile the code went to a studio other than these. */
  claimStudioCode(item: StoredItem, owners: string[]): Promise<void>
  getRestoreMarker(studioId: string): Promise<RestoreMarker | undefined>
  putRestoreMarker(marker: RestoreMarker): Promise<void>
  deleteRestoreMarker(studioId: string): Promise<void>
}
