import { Text, View } from '@tarojs/components'
import type { Role } from '../../types/roles'
import { useI18n } from '../i18n'
import './RoleTags.scss'

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useI18n()
  return (
    <View className="role-tags">
      {roles.map((role) => (
        <Text key={role} className="role-tags__tag">
          {t(`role.${role}`)}
        </Text>
      ))}
    </View>
  )
}
