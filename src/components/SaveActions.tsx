import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n'
import { FormMessage } from './FormField'
import { Button } from './ui'

/** The foot of a form: what went wrong, then Save, then anything else the form offers. */
export function SaveActions({ message, saving, onSave, children }: { message?: string; saving: boolean; onSave: () => void; children?: ReactNode }) {
  const { t } = useI18n()
  return (
    <View className="actions">
      <FormMessage message={message} />
      <Button block type="primary" loading={saving} onClick={onSave}>
        {t('common.save')}
      </Button>
      {children}
    </View>
  )
}
