/** The inventory's words (库存): stock items, movements, count sheets, and the shortage that stops 制作. */
export const inventoryZhCN = {
  'error.STOCK_SHORT': '库存不足，未做任何更改',
} as const
