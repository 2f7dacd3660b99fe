import { ulid } from 'ulid'
import type { Branch } from '../../types/entities'
import type { NewBranch } from '../../types/studio'
import { notFound } from '../domain/errors'
import type { IdentityRepository } from '../identity/ports'
import type { StudioDirectory } from './ports'

/**
 * Opens another branch of an existing studio (the operator's command line):
 * 1. finds the studio by its code;
 * 2. writes the branch, only if the studio still exists, with an audit entry.
 */
export async function addBranch(deps: { repo: IdentityRepository; studios: StudioDirectory }, studioCode: string, branch: NewBranch, now = new Date()): Promise<Branch> {
  const studio = await deps.repo.findStudioByCode(studioCode)
  if (!studio) throw notFound(`Studio "${studioCode}"`)
  const created: Branch = { id: ulid(now.getTime()), ...branch }
  await deps.studios.addBranch(studio.id, created, now)
  return created
}
