import { useEffect, useState } from 'react'
import { listBranches } from '../../types/operations'
import { call } from '../api'
import { useQuery } from '../hooks/useQuery'
import type { Session } from '../session/store'

/**
 * The branch a schedule page works on: the one asked for, else the person's own, else the studio's
 * first (an admin belongs to none). Every branch is offered so someone over several can switch.
 */
export function useBranch(session: Session | null, asked: string | undefined, enabled: boolean) {
  const branches = useQuery(() => call(listBranches, {}), [], enabled)
  const [branchId, setBranchId] = useState(asked ?? session?.principal.branchId)
  useEffect(() => {
    if (!branchId && branches.data) setBranchId(branches.data.items[0]?.id)
  }, [branches.data])
  const list = branches.data?.items ?? []
  return { branchId, setBranchId, reload: branches.reload, branches: list, branch: list.find((candidate) => candidate.id === branchId) }
}
