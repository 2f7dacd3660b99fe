import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n'
import { Button } from './ui'
import './FormField.scss'

interface Props {
  label: string
  error?: string
  hint?: string
  children: ReactNode
}

/** A labelled input with its error (or hint) right beneath it. */
export function FormField({ label, error, hint, children }: Props) {
  return (
    <View className={`form-field${error ? ' form-field--invalid' : ''}`}>
      <Text className="form-field__label">{label}</Text>
      <View className="form-field__control">{children}</View>
      {error ? <Text className="form-field__error">{error}</Text> : hint && <Text className="form-field__hint">{hint}</Text>}
    </View>
  )
}

export function FormMessage({ message }: { message?: string }) {
  if (!message) return null
  return <Text className="form-message">{message}</Text>
}

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
