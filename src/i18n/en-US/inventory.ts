import type { inventoryZhCN } from '../zh-CN/inventory'

/** Typed against the Chinese words: a key missing here, or one zh-CN does not have, fails the build. */
export const inventoryEnUS: Record<keyof typeof inventoryZhCN, string> = {
  'error.STOCK_SHORT': 'Not enough stock; nothing was changed',
}
