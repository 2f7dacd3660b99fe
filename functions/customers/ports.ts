import type { FigureWrite } from '../domain/report-events'
import type { Customer, FollowUp, SourceChannel } from '../../types/customers'

/** A customer as stored: the studio's view plus the WeChat link. */
export interface CustomerRecord extends Omit<Customer, 'hasWeChat' | 'phoneVerified'> {
  studioId: string
  openId?: string
  /**
   * Only a phone the studio entered or confirmed holds the studio-wide uniqueness key and
   * is matched by imports; one a customer typed in themselves does neither.
   */
  phoneVerified?: boolean
}

export type CustomerChanges = Partial<
  Pick<CustomerRecord, 'name' | 'partnerName' | 'weddingDate' | 'birthday' | 'notes' | 'tags'> & { phone: string; source: SourceChannel }
>

export interface CustomerSearch {
  namePrefix?: string
  phoneLast4?: string
  /** With phoneLast4: only this full phone, verified or not. */
  fullPhone?: string
  tag?: string
  source?: SourceChannel
  limit: number
  cursor?: string
}

export interface FollowUpRecord extends FollowUp {
  studioId: string
  /** The branch its "due" counts in (its assignee's), and the one its "done" counted in (whoever did it): what the recompute job reads. */
  dueBranchId?: string
  doneBranchId?: string
}

export interface CustomerRepository {
  /** Fails with PHONE_TAKEN when another customer of the studio has the (verified) phone. */
  createCustomer(record: CustomerRecord): Promise<void>
  /** Creates several customers in one transaction, all or none (PHONE_TAKEN if any phone is taken). */
  createCustomers(records: CustomerRecord[]): Promise<void>
  /** Looks up many phones at once; the answer maps each known phone to its customer. */
  findByPhones(studioId: string, phones: string[]): Promise<Map<string, CustomerRecord>>
  /**
   * Applies the changes in one transaction (phone key, tag index, name index move with
   * them). With `expectedVersion`, fails with VERSION_CONFLICT if someone changed it since.
   */
  updateCustomer(
    studioId: string,
    customerId: string,
    changes: CustomerChanges,
    now: string,
    options: { expectedVersion?: number; phoneVerified: boolean },
  ): Promise<CustomerRecord>
  getCustomer(studioId: string, customerId: string): Promise<CustomerRecord | undefined>
  /** The customer holding a verified phone. */
  findByPhone(studioId: string, phone: string): Promise<CustomerRecord | undefined>
  search(studioId: string, query: CustomerSearch): Promise<{ items: CustomerRecord[]; nextCursor?: string }>

  /** Writes the follow-up with what it adds to the report figures, if its customer exists (NOT_FOUND otherwise). */
  createFollowUp(record: FollowUpRecord, figures?: FigureWrite[]): Promise<void>
  /** Fails with PRECONDITION_FAILED when it is already done. */
  completeFollowUp(studioId: string, customerId: string, followUpId: string, outcome: Pick<FollowUpRecord, 'outcome' | 'outcomeNote' | 'doneBranchId'>, now: string, figures?: FigureWrite[]): Promise<FollowUpRecord>
  /** Open follow-ups due on or before the date, oldest first. */
  listDueFollowUps(studioId: string, onOrBefore: string, limit: number): Promise<FollowUpRecord[]>
  /** Everything filed under the customer, in one query. */
  customerFile(studioId: string, customerId: string): Promise<{ customer?: CustomerRecord; followUps: FollowUpRecord[] }>
}

/** WeChat's getPhoneNumber: the button's one-time code exchanged on the server for the number WeChat has confirmed. */
export interface WeChatPhoneNumbers {
  readonly simulated: boolean
  phoneOf(code: string): Promise<string>
}
