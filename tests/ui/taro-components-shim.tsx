/** Taro's View and Text as plain DOM elements, mapped in place of '@tarojs/components' for tests/ui. */
import type { HTMLAttributes } from 'react'

export const View = (props: HTMLAttributes<HTMLDivElement>) => <div {...props} />
export const Text = (props: HTMLAttributes<HTMLSpanElement>) => <span {...props} />
