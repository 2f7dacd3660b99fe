import { Picker, View, Text } from '@tarojs/components'
import './DateField.scss'

interface Props {
  value: string
  placeholder: string
  onChange: (value: string) => void
  start?: string
  end?: string
}

/** A date chosen with the platform's own date picker, shown as YYYY-MM-DD. */
export function DateField({ value, placeholder, onChange, start = '1930-01-01', end = '2099-12-31' }: Props) {
  return (
    <Picker mode="date" value={value} start={start} end={end} onChange={(event) => onChange(String(event.detail.value))}>
      <View className={`date-field${value ? '' : ' date-field--empty'}`}>
        <Text>{value || placeholder}</Text>
      </View>
    </Picker>
  )
}
