import type { z } from 'zod'
import type { Customer } from '../../types/customers'
import type { CustomerProfile } from '../../types/entities'
import type * as op from '../../types/crm-operations'
import { notFound } from '../domain/errors'
import { callerOf, type RequestContext } from '../domain/context'
import type { CustomerRecord, CustomerRepository } from './ports'

/** What a customer sees of themselves: never tags, notes, source or the WeChat link. */
export function toCustomerProfile(record: CustomerRecord): CustomerProfile {
  const { id, name, phone, partnerName, weddingDate, birthday, createdAt, updatedAt } = record
  return { id, name, phone, partnerName, weddingDate, birthday, createdAt, updatedAt }
}

/** The studio's view of a customer. */
export function toCustomer(record: CustomerRecord): Customer {
  const { studioId: _studio, openId, ...rest } = record
  return { ...rest, tags: rest.tags ?? [], hasWeChat: Boolean(openId), phoneVerified: Boolean(rest.phoneVerified) }
}

export async function getMyProfile(deps: { customers: CustomerRepository }, _input: z.output<typeof op.getMyProfile.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const customer = await deps.customers.getCustomer(caller.studioId, caller.id)
  if (!customer) throw notFound('Customer')
  return toCustomerProfile(customer)
}

/**
 * A customer edits their own profile. A phone they type in is kept as unconfirmed: it claims
 * no uniqueness and no import merges into it, so nobody can take over another person's record.
 */
export async function updateMyProfile(deps: { customers: CustomerRepository }, input: z.output<typeof op.updateMyProfile.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  return toCustomerProfile(await deps.customers.updateCustomer(caller.studioId, caller.id, input, ctx.now.toISOString(), { phoneVerified: false }))
}
