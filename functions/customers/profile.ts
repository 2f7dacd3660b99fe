import type { z } from 'zod'
import type { CustomerProfile } from '../../types/entities'
import type { getCustomer, updateMyProfile } from '../../types/operations'
import { notFound } from '../domain/errors'
import { callerOf, type RequestContext } from '../api/context'
import type { IdentityDeps } from '../identity/sign-in'
import type { CustomerRecord } from '../identity/ports'

/** What a customer's profile shows; internal fields (openid, tags, notes) stay out. */
export function toCustomerProfile(record: CustomerRecord): CustomerProfile {
  const { id, name, phone, partnerName, weddingDate, birthday, createdAt, updatedAt } = record
  return { id, name, phone, partnerName, weddingDate, birthday, createdAt, updatedAt }
}

export async function getOwnProfile(deps: IdentityDeps, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const customer = await deps.repo.getCustomer(caller.studioId, caller.id)
  if (!customer) throw notFound('Customer')
  return toCustomerProfile(customer)
}

export async function updateOwnProfile(deps: IdentityDeps, input: z.output<typeof updateMyProfile.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  return toCustomerProfile(await deps.repo.updateCustomer(caller.studioId, caller.id, input, ctx.now.toISOString()))
}

export async function getCustomerProfile(deps: IdentityDeps, input: z.output<typeof getCustomer.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const customer = await deps.repo.getCustomer(caller.studioId, input.customerId)
  if (!customer) throw notFound('Customer')
  return toCustomerProfile(customer)
}
