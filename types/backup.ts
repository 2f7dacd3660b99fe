import * as z from 'zod'

/** The format of a studio backup; a restore refuses any other. */
export const BACKUP_FORMAT = 'studio-erp-backup'
export const BACKUP_FORMAT_VERSION = 1

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)

/**
 * What `npm run backup` writes next to the data file (`<file>.manifest.json`): enough to tell
 * a whole, untouched backup from a damaged one before a single item is written back.
 */
export const BackupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_FORMAT_VERSION),
  studio: z.object({ id: z.string(), code: z.string(), name: z.string(), timeZone: z.string() }),
  /** When the copy was taken: UTC, and the same moment in the studio's time zone. */
  takenAt: z.string(),
  takenAtLocal: z.string(),
  source: z.object({ table: z.string() }),
  items: z.number().int().nonnegative(),
  countsByType: z.record(z.string(), z.number().int().nonnegative()),
  /** SHA-256 of the canonical content: one item a line, keys sorted, lines sorted by pk and sk, each ending in a newline. */
  contentSha256: Sha256,
  /** How the copy was kept consistent: read until two reads in a row agree. */
  consistency: z.object({ method: z.literal('repeat-until-two-reads-agree'), reads: z.number().int().min(2) }),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative(), sha256: Sha256, items: z.number().int().nonnegative() })).min(1),
})
export type BackupManifest = z.infer<typeof BackupManifestSchema>
