import type { NoticeKind } from '../../types/notices'
import type { OutboxMessage } from '../scheduling/ports'

export interface NoticeRecord {
  kind: NoticeKind
  customerId: string
  consentedAt?: string
  sentAt?: string
}

/** The customer's consent to each notice of an order, and which were sent (each at most once). */
export interface NoticeStore {
  notices(studioId: string, orderId: string): Promise<NoticeRecord[]>
  /** Keeps the customer's consent to the kinds given; a notice sent already stays sent. */
  consent(studioId: string, orderId: string, customerId: string, kinds: NoticeKind[], now: string): Promise<void>
  /**
   * Marks the notice sent and records its message in the outbox, in one transaction, only when the
   * customer consented and it was not sent before: true when this call claimed it.
   */
  claimNotice(message: OutboxMessage & { orderId: string; template: NoticeKind }): Promise<boolean>
}

/** Where a notice that could not be sent is reported (the logger). */
export interface ErrorLog {
  error(message: string, detail: Record<string, unknown>): void
}
