import { Text, View } from '@tarojs/components'

/** A person's initial in a round badge, where a photo of them would be. */
export function Initial({ name, className }: { name: string; className: string }) {
  return (
    <View className={className}>
      <Text>{name.slice(0, 1)}</Text>
    </View>
  )
}
