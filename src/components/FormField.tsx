import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
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

