import type { Actor, Order, OrderSettings, OrderStage, Payment } from '../../types/orders'
import type { NewAuditEntry } from '../identity/ports'
import type { CommissionWrites } from '../domain/commission'
import type { DayBookEntry } from '../domain/day-close'
import type { Channel } from '../../types/reports'
import type { FigureWrite } from '../domain/report-events'

/**
 * What a money event or finished work adds to the studio's books, written in the event's own transaction: its
 * branch-day book (refused once that day is closed), the commission it earns or claws back, and
 * for an event that changes a day without adding money to it (an audit), that the day is still open.
 */
export interface BookEntries {
  dayBook?: DayBookEntry
  commission?: CommissionWrites
  openDay?: { studioId: string; branchId: string; date: string }
  /** Money its own day could not take (that day was closed) goes to this later open day; the payment names it. */
  bookedOn?: string
  /** What the event adds to its branch's report figures. */
  figures?: FigureWrite[]
}

/**
 * Works out what each money event and each finished piece of work adds to the books (the
 * bookkeeping module answers; orders and payments only write it, with the event).
 */
export interface Bookkeeping {
  /** `confirms`: the stage move (deposit paid → confirmed) the payment makes with it. */
  captured(order: OrderRecord, payment: PaymentRecord, confirms?: StageChange): Promise<BookEntries>
  refunded(order: OrderRecord, payment: PaymentRecord, refund: PaymentRecord): Promise<BookEntries>
  audited(order: OrderRecord, payment: PaymentRecord): Promise<BookEntries>
  /** The order itself, opened (at the desk or by a booking). */
  opened(order: OrderRecord): Promise<BookEntries>
  /** Commission the work that moves the order on earns: the shoot, retouching and design, the upsell at selection. */
  stageReached(order: OrderRecord, change: StageChange): Promise<BookEntries>
  /** The order's value changed after it was opened (add-ons, discount). */
  revalued(before: OrderRecord, after: OrderRecord): Promise<BookEntries>
}

export interface OrderRecord extends Order {
  studioId: string
  /** The channel the customer came from when the order was opened, for the reports. */
  channel?: Channel
  /** Whether the customer had an order before this one. */
  returning?: boolean
  /** Add-ons sold while the order was in selection (选片), for the upsell report; set only by edits made then. */
  upgradesFen?: number
}

export interface PaymentRecord extends Payment {
  studioId: string
  /** The order's branch, so a branch's day can list its unaudited receipts. */
  branchId?: string
}

/** One WeChat Pay charge asked for: its out_trade_no is stable, so a retried prepay never charges twice. */
export interface PaymentIntent {
  outTradeNo: string
  studioId: string
  orderId: string
  customerId: string
  kind: 'deposit' | 'balance' | 'extra_photos'
  amountFen: number
  prepayId: string
  status: 'open' | 'paid' | 'closed'
  createdAt: string
  expiresAt: string
}

export interface PhotoRecord {
  id: string
  studioId: string
  orderId: string
  kind: 'proof' | 'design'
  name: string
  key: string
  contentType: string
  uploadedAt: string
}

export interface OrderPartition {
  order: OrderRecord
  payments: PaymentRecord[]
  intents: PaymentIntent[]
  photos: PhotoRecord[]
  draft?: { photoIds: string[] }
}

export interface StageChange {
  from: OrderStage
  to: OrderStage
  event: { at: string; by: Actor; note?: string }
  expectedBy?: string
  /** Other attributes set with the move (selection, proof rounds, add-ons and totals…). */
  set?: Partial<Pick<OrderRecord, 'selection' | 'proofRounds' | 'addOns' | 'totalFen' | 'balanceFen' | 'assignee' | 'labSentAt' | 'refundDueFen'>>
  /** Extra fen added to the total and the balance together (extra photos). */
  addToTotalFen?: number
  /** `completed` needs nothing left to pay. */
  requireZeroBalance?: boolean
  /** Clear the assignee and the lab date (a new stage starts untaken). */
  clearWork?: boolean
  /** Move only if the order is still the version read (when `set` is built from what was read). */
  expectVersion?: number
  /** Move only if nothing was paid or refunded since (a cancellation's refund is computed from it). */
  expectPaidFen?: number
}

export interface OrderRepository {
  getSettings(studioId: string): Promise<OrderSettings | undefined>
  /** Saves the settings with their audit entry, both or neither. */
  saveSettings(studioId: string, settings: OrderSettings, audit: NewAuditEntry): Promise<void>
  get(studioId: string, orderId: string): Promise<OrderRecord | undefined>
  /** The order with its payments, WeChat Pay intents, photos and selection draft: one query. */
  partition(studioId: string, orderId: string): Promise<OrderPartition | undefined>
  /** Creates the order with what it adds to the books; the same order again answers with the first (CONFLICT if it is another's). */
  create(order: OrderRecord, books?: BookEntries): Promise<OrderRecord>
  byStage(studioId: string, stage: OrderStage, options: { limit: number; cursor?: string; before?: string }): Promise<{ items: OrderRecord[]; nextCursor?: string }>
  ofCustomer(studioId: string, customerId: string): Promise<OrderRecord[]>
  /** Moves the order if it is still in `from` and answers with it moved; ILLEGAL_TRANSITION otherwise, BALANCE_DUE when completing with money owed. */
  changeStage(order: OrderRecord, change: StageChange, books?: BookEntries): Promise<OrderRecord>
  /** Replaces the order if nobody changed it since `version` was read (VERSION_CONFLICT otherwise). */
  /** `books`: what the change moves in the report figures, written in the same transaction. */
  replace(next: OrderRecord, readVersion: number, audit: NewAuditEntry[], books?: BookEntries): Promise<void>
  take(order: OrderRecord, assignee: { id: string; name: string }, now: string): Promise<OrderRecord>
  markSentToLab(order: OrderRecord, now: string): Promise<OrderRecord>

  putPhotos(photos: PhotoRecord[]): Promise<void>
  removePhoto(studioId: string, orderId: string, photoId: string): Promise<void>
  /** Keeps a selection draft while the order is in `selecting`. */
  saveDraft(order: OrderRecord, photoIds: string[]): Promise<void>
}

/** A browser-style form upload: POST multipart/form-data to `url` with `fields` first and the file as `file` last. */
export interface UploadTarget {
  url: string
  fields: Record<string, string>
  /** The form field name the file goes in. */
  fileField: string
  expiresAt: string
}

/**
 * Where photos live: S3 (presigned POST and GET) on AWS, CloudBase storage in
 * WeChat's cloud, a local folder behind the local file server otherwise. Keys are always
 * `studios/<studioId>/…`, built by the caller.
 */
export interface FileStore {
  readonly kind: 's3' | 'cloudbase' | 'local'
  /** Lets one image of at most `maxBytes` be uploaded to `key` until the link expires. */
  uploadTarget(key: string, options: { contentType: string; maxBytes: number; expiresInSeconds: number }): Promise<UploadTarget>
  /** A link to read the file (or a thumbnail of it, where the store can make one) until it expires. */
  downloadUrl(key: string, options: { expiresInSeconds: number; thumbnailWidth?: number }): Promise<string>
  /** Whether the file has arrived, and its size. */
  stat(key: string): Promise<{ bytes: number } | undefined>
  remove(key: string): Promise<void>
}
