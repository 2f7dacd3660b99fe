import { listBranches } from '../../types/operations'
import { call } from '../api'
import { useQuery } from './useQuery'

/** The studio's branches with how to reach them; `branch(id)` picks one out. */
export function useBranches(enabled: boolean) {
  const query = useQuery(() => call(listBranches, {}), [], enabled)
  const items = query.data?.items ?? []
  return { query, items, branch: (branchId: string | undefined) => items.find((candidate) => candidate.id === branchId) }
}
