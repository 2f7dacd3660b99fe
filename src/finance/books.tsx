import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { listBranches } from '../../types/operations'
import { call } from '../api'
import { useQuery } from '../hooks/useQuery'
import { formatFen } from '../lib/money'
import type { Session } from '../session/store'

/**
 * The branch whose books a page keeps: the person's own (finance and managers belong to one);
 * an admin, who belongs to none, starts on the studio's first and may switch.
 */
export function useBooksBranch(session: Session | null, enabled: boolean) {
  const branches = useQuery(() => call(listBranches, {}), [], enabled)
  const [branchId, setBranchId] = useState(session?.principal.branchId)
  useEffect(() => {
    if (!branchId && branches.data) setBranchId(branches.data.items[0]?.id)
  }, [branches.data])
  const list = branches.data?.items ?? []
  return { branchId, setBranchId, branches: list, canSwitch: !session?.principal.branchId && list.length > 1 }
}

/** Fen with its sign: claw-backs, corrections and cash short show as "−¥18.00". */
export function formatSignedFen(fen: number): string {
  return fen < 0 ? `−${formatFen(-fen)}` : formatFen(fen)
}

/** A row of exclusive choices drawn as one segmented control. */
export function Segments<T extends string>({ options, value, label, onChange }: { options: readonly T[]; value: T; label: (option: T) => string; onChange: (option: T) => void }) {
  return (
    <View className="books-segments">
      {options.map((option) => (
        <Text key={option} className={`books-segment${option === value ? ' books-segment--active' : ''}`} onClick={() => onChange(option)}>
          {label(option)}
        </Text>
      ))}
    </View>
  )
}

/** The branches of an admin's studio, as segments; nothing for someone with one branch. */
export function BranchSwitch({ books }: { books: ReturnType<typeof useBooksBranch> }) {
  if (!books.canSwitch || !books.branchId) return null
  return <Segments options={books.branches.map((b) => b.id)} value={books.branchId} label={(id) => books.branches.find((b) => b.id === id)?.name ?? ''} onChange={books.setBranchId} />
}

/** One figure of a summary: a label and an amount. */
export function Figure({ label, fen, tone }: { label: string; fen: number; tone?: 'minus' | 'plus' }) {
  return (
    <View className="books-figure">
      <Text className="books-figure__label">{label}</Text>
      <Text className={`books-figure__amount${tone ? ` books-figure__amount--${tone}` : ''}`}>{formatSignedFen(fen)}</Text>
    </View>
  )
}
