import { Picker, View, Text } from '@tarojs/components'
import type { Branch } from '../../types/entities'
import { useI18n } from '../i18n'

/** The branch being looked at, switchable when the studio has more than one. */
export function BranchPicker({ branches, branchId, onChange }: { branches: Branch[]; branchId?: string; onChange: (id: string) => void }) {
  const { t } = useI18n()
  const name = branches.find((branch) => branch.id === branchId)?.name ?? ''
  if (branches.length < 2) return <Text className="schedule-branch__name">{name}</Text>
  return (
    <Picker
      mode="selector"
      range={branches.map((branch) => branch.name)}
      value={Math.max(0, branches.findIndex((branch) => branch.id === branchId))}
      onChange={(event) => {
        const chosen = branches[Number(event.detail.value)]
        if (chosen) onChange(chosen.id)
      }}
    >
      <View className="schedule-branch">
        <Text className="schedule-branch__name">{name}</Text>
        <Text>{t('home.changeBranch')}</Text>
      </View>
    </Picker>
  )
}
