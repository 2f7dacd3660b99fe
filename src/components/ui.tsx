/** The NutUI components the app uses; their styles are loaded by styles/nutui.ts — add a new one in both places. */
import { Input as NutInput } from '@nutui/nutui-react-taro'
import type { ComponentProps } from 'react'

export { Button, Cell, Checkbox, Loading, Radio, Swiper, Switch, TextArea } from '@nutui/nutui-react-taro'

/** NutUI's Input shows its own "请输入内容" (or "Placeholder") when given none; ours come from the dictionaries or stay empty. */
export function Input(props: ComponentProps<typeof NutInput>) {
  return <NutInput placeholder="" {...props} />
}
