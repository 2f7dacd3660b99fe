import { View } from '@tarojs/components'
import { useI18n } from '../i18n'
import { signOut } from '../session/actions'
import { Button } from './ui'

/** The last thing on an account page. */
export function SignOutButton() {
  const { t } = useI18n()
  return (
    <View className="actions">
      <Button block fill="outline" onClick={signOut}>
        {t('common.signOut')}
      </Button>
    </View>
  )
}
