import type { notices as chinese } from '../zh-CN/notices'
import type { SameWords } from '../same-words'

/** Telling the customer about their order: one-time WeChat subscription messages. */
export const notices = {
  'notices.title': 'Order updates',
  'notices.lead': 'Subscribe and WeChat tells you once each when your photos are ready to select, the album design is ready to review and the order is ready for pick-up.',
  'notices.kind.photos-ready': 'Photos ready to select',
  'notices.kind.design-ready': 'Album design ready to review',
  'notices.kind.pickup-ready': 'Ready for pick-up',
  'notices.on': 'Subscribed',
  'notices.off': 'Not subscribed',
  'notices.sentAt': 'Sent · {at}',
  'notices.subscribe': 'Subscribe to updates',
  'notices.subscribeSimulated': 'Simulated subscribe (local)',
  'notices.simulatedNote': 'Not inside WeChat: this button simulates WeChat’s consent sheet; the messages are recorded in the studio’s outbox and not actually sent. For development and testing only.',
  'outbox.notice': '{customer} · {package} · {notice} · sent {sent}',
} satisfies SameWords<typeof chinese>
