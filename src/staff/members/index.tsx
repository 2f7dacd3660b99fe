import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { listBranches, listStaff } from '../../../types/operations'
import { call } from '../../api'
import { EmptyState, ErrorState, LoadingState } from '../../components/StatusView'
import { Button, Switch } from '../../components/ui'
import { usePullDownRefresh } from '../../hooks/usePullDownRefresh'
import { usePageTitle } from '../../hooks/usePageTitle'
import { useQuery } from '../../hooks/useQuery'
import { useShownAgain } from '../../hooks/useShownAgain'
import { useI18n } from '../../i18n'
import { routes } from '../../lib/routes'
import { Forbidden } from '../../components/Forbidden'
import { RoleTags } from '../../components/RoleTags'
import { Initial } from '../../components/Initial'
import { useStaffPage } from '../../hooks/useStaffPage'
import './index.scss'

export default function StaffMembersPage() {
  const { t } = useI18n()
  usePageTitle('members.title')
  const { session, allowed } = useStaffPage(listStaff.access)
  const [includeDisabled, setIncludeDisabled] = useState(false)
  const members = useQuery(
    () => call(listStaff, { includeDisabled: includeDisabled ? 'true' : 'false' }),
    [includeDisabled],
    allowed,
  )
  const branches = useQuery(() => call(listBranches, {}), [], allowed)

  usePullDownRefresh(members, branches)
  // Coming back from a member's page shows their changes; the first show is the initial load.
  useShownAgain(() => {
    if (allowed) members.reload()
  })

  if (!session) return null
  if (!allowed) return <Forbidden />

  const branchName = (id: string) => branches.data?.items.find((branch) => branch.id === id)?.name ?? ''

  return (
    <View className="screen members">
      <View className="members__toolbar">
        <View className="members__toggle">
          <Text>{t('members.showDisabled')}</Text>
          <Switch checked={includeDisabled} onChange={setIncludeDisabled} />
        </View>
        <Button type="primary" size="small" onClick={() => Taro.navigateTo({ url: routes.staffMember })}>
          {t('members.add')}
        </Button>
      </View>

      {members.loading && !members.data && <LoadingState />}
      {members.error !== undefined && <ErrorState error={members.error} onRetry={members.reload} />}
      {members.data && members.data.items.length === 0 && <EmptyState title={t('members.empty')} />}
      {members.data?.items.map((member) => (
        <View
          key={member.id}
          className={`members__item${member.status === 'disabled' ? ' members__item--disabled' : ''}`}
          onClick={() => Taro.navigateTo({ url: `${routes.staffMember}?id=${member.id}` })}
        >
          <Initial className="members__avatar" name={member.displayName} />
          <View className="members__body">
            <View className="members__line">
              <Text className="members__name">{member.displayName}</Text>
              {member.status === 'disabled' && <Text className="members__status">{t('members.disabled')}</Text>}
            </View>
            <Text className="members__meta">
              @{member.username}
              {branchName(member.branchId) && ` · ${branchName(member.branchId)}`}
            </Text>
            <RoleTags roles={member.roles} />
          </View>
        </View>
      ))}
    </View>
  )
}
