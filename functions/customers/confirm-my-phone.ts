import type { z } from 'zod'
import type * as op from '../../types/crm-operations'
import { DomainError } from '../domain/errors'
import { callerOf, type RequestContext } from '../domain/context'
import type { CustomerRepository, WeChatPhoneNumbers } from './ports'
import { phoneRule } from './phone-rule'
import { toCustomerProfile } from './profile'

/**
 * A customer gives their phone with WeChat's phone-number button.
 * 1. The button's code is exchanged with WeChat (through the port) for the number WeChat confirmed.
 * 2. The number is kept as confirmed, claiming it within the studio.
 * 3. When another customer's record already holds it, it is kept unconfirmed instead: reception finds
 *    the customer by it, but it never takes over the other person's record (reception merges them).
 */
export async function confirmMyPhone(
  deps: { customers: CustomerRepository; phoneNumbers: WeChatPhoneNumbers },
  input: z.output<typeof op.confirmMyPhone.input>,
  ctx: RequestContext,
) {
  const caller = callerOf(ctx)
  const parsed = phoneRule().safeParse(await deps.phoneNumbers.phoneOf(input.code))
  if (!parsed.success) throw new DomainError('PRECONDITION_FAILED', 'WeChat answered a phone number the studio cannot use')
  const now = ctx.now.toISOString()
  try {
    const record = await deps.customers.updateCustomer(caller.studioId, caller.id, { phone: parsed.data }, now, { phoneVerified: true })
    return { profile: toCustomerProfile(record), confirmed: true }
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'PHONE_TAKEN') throw error
    const record = await deps.customers.updateCustomer(caller.studioId, caller.id, { phone: parsed.data }, now, { phoneVerified: false })
    return { profile: toCustomerProfile(record), confirmed: false }
  }
}
