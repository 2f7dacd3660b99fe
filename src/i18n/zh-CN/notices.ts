/** Telling the customer about their order: one-time WeChat subscription messages. */
export const notices = {
  'notices.title': '进度通知',
  'notices.lead': '订阅后，照片可选、设计可看版、成品可取件时，会各发一次微信通知给你。',
  'notices.kind.photos-ready': '照片可以选片了',
  'notices.kind.design-ready': '相册设计可以看版了',
  'notices.kind.pickup-ready': '成品可以取件了',
  'notices.on': '已订阅',
  'notices.off': '未订阅',
  'notices.sentAt': '已通知 · {at}',
  'notices.subscribe': '订阅进度通知',
  'notices.subscribeSimulated': '模拟订阅（本地）',
  'notices.simulatedNote': '不在微信内：此按钮模拟微信的订阅授权，通知记入门店的发送记录，不会真正发出，仅供开发测试。',
  'outbox.notice': '{customer} · {package} · {notice} · 发送于 {sent}',
} as const
