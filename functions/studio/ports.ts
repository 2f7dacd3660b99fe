import type { Branch, Studio } from '../../types/entities'

/** What opening and running studios needs from the world, beyond the identity store. */
export interface StudioDirectory {
  /** Every studio on the stage with its number of branches, by code. */
  listStudios(): Promise<{ studio: Studio; branches: number }[]>
  /** Adds a branch to an existing studio, with an audit entry; the id must be new. */
  addBranch(studioId: string, branch: Branch, at: Date): Promise<void>
}
