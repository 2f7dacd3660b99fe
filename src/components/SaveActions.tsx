import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n'
import { FormMessage } from './FormField'
import { Button } from './ui'

interface Props {
  message?: string
  saving: boolean
  onSave: () => void
  /** What the button says when it is not simply "Save" (Create, Record payment…). */
  label?: string
  disabled?: boolean
  className?: string
  children?: ReactNode
}

/** The foot of a form: what went wrong, then its main button, then anything else the form offers. */
export function SaveActions({ message, saving, onSave, label, disabled, className = 'actions', children }: Props) {
  const { t } = useI18n()
  return (
    <View className={className}>
      <FormMessage message={message} />
      <Button block type="primary" loading={saving} disabled={disabled} onClick={onSave}>
        {label ?? t('common.save')}
      </Button>
      {children}
    </View>
  )
}
