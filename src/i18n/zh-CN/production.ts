/** The words of post-production: the selected photos a retoucher works from, and the queue's own filter. */
export const production = {
  'selected.title': '选片清单',
  'selected.cardTitle': '客户选片',
  'selected.cardText': '客户已确认 {count} 张照片',
  'selected.open': '查看选片清单',
  'selected.summary': '共 {count} 张：套系内 {included} 张，加选 {extra} 张',
  'selected.extra': '加选',
  'selected.download': '下载文件名清单',
  'selected.copy': '复制文件名清单',
  'selected.copied': '文件名已复制',
  'selected.hint': '按序号和文件名在原片中找到这些照片',
  'queue.filterAll': '全部',
  'queue.filterMine': '我的订单',
  'queue.mineEmpty': '你还没有接单的订单',
} as const
