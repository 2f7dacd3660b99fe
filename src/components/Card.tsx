import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './Card.scss'

export function Card({ title, extra, children }: { title?: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <View className="card">
      {(title || extra) && (
        <View className="card__header">
          {title && <Text className="card__title">{title}</Text>}
          {extra}
        </View>
      )}
      {children}
    </View>
  )
}
