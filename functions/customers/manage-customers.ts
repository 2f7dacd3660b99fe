import type { z } from 'zod'
import { ulid } from 'ulid'
import type * as op from '../../types/crm-operations'
import { notFound, unknownReference } from '../domain/errors'
import { studioDate } from '../domain/time'
import { callerOf, type RequestContext } from '../domain/context'
import type { IdentityRepository } from '../identity/ports'
import { studioTimeZone } from '../identity/studio-time-zone'
import type { CustomerRecord, CustomerRepository, CustomerSearch } from './ports'
import { phoneRule } from './phone-rule'

interface CustomerPorts {
  customers: CustomerRepository
}
import { normaliseName } from '../domain/names'
import { followUpMoved } from '../domain/report-events'
import { toCustomer } from './profile'

export async function createCustomer(deps: CustomerPorts, input: z.output<typeof op.createCustomer.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const now = ctx.now.toISOString()
  const record: CustomerRecord = { ...input, id: ulid(ctx.now.getTime()), studioId: caller.studioId, phoneVerified: true, version: 1, createdAt: now, updatedAt: now }
  await deps.customers.createCustomer(record)
  return toCustomer(record)
}

export async function updateCustomer(deps: CustomerPorts, input: z.output<typeof op.updateCustomer.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { customerId, version, ...changes } = input
  return toCustomer(await deps.customers.updateCustomer(caller.studioId, customerId, changes, ctx.now.toISOString(), { expectedVersion: version, phoneVerified: true }))
}

export async function getCustomer(deps: CustomerPorts, input: z.output<typeof op.getCustomer.input>, ctx: RequestContext) {
  const customer = await deps.customers.getCustomer(callerOf(ctx).studioId, input.customerId)
  if (!customer) throw notFound('Customer')
  return toCustomer(customer)
}

/** Reads the free-text box the way reception types: a full phone, its last four digits, or a name. */
export function searchFromQuery(input: z.output<typeof op.searchCustomers.input>): CustomerSearch {
  const base = { limit: input.limit, cursor: input.cursor, tag: input.tag, source: input.source }
  const q = input.q?.trim()
  if (!q) return base
  if (/^\d{4}$/.test(q)) return { ...base, phoneLast4: q }
  const phone = phoneRule().safeParse(q)
  if (phone.success) return { ...base, fullPhone: phone.data }
  return { ...base, namePrefix: q }
}

export async function searchCustomers(deps: CustomerPorts, input: z.output<typeof op.searchCustomers.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const search = searchFromQuery(input)
  const page = await deps.customers.search(caller.studioId, search)
  // One index answers the query; every other criterion given narrows its page.
  const matches = (c: CustomerRecord) =>
    (!search.tag || c.tags.includes(search.tag)) &&
    (!search.source || c.source === search.source) &&
    (!search.namePrefix || normaliseName(c.name).startsWith(normaliseName(search.namePrefix))) &&
    (!search.phoneLast4 || (c.phone ?? '').endsWith(search.phoneLast4)) &&
    (!search.fullPhone || c.phone === search.fullPhone)
  return { items: page.items.filter(matches).map(toCustomer), nextCursor: page.nextCursor }
}

export async function customerFileOf(deps: CustomerPorts, input: z.output<typeof op.customerHistory.input>, ctx: RequestContext) {
  const { customer, followUps } = await deps.customers.customerFile(callerOf(ctx).studioId, input.customerId)
  if (!customer) throw notFound('Customer')
  return {
    customer: toCustomer(customer),
    followUps: followUps.sort((a, b) => (a.dueDate < b.dueDate ? 1 : -1)),
    orders: [],
    appointments: [],
    payments: [],
  }
}

export async function createFollowUp(deps: CustomerPorts & { repo: IdentityRepository }, input: z.output<typeof op.createFollowUp.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const customer = await deps.customers.getCustomer(caller.studioId, input.customerId)
  if (!customer) throw notFound('Customer')
  const assignee = input.assigneeId ? await deps.repo.getStaff(caller.studioId, input.assigneeId) : undefined
  // Another studio's staff, or one who has left, is no one to call the customer back.
  if (input.assigneeId && assignee?.status !== 'active') throw unknownReference('assigneeId', 'working staff member')
  const record = {
    id: ulid(ctx.now.getTime()),
    studioId: caller.studioId,
    customerId: customer.id,
    customerName: customer.name,
    dueDate: input.dueDate,
    assigneeId: input.assigneeId ?? caller.id,
    note: input.note,
    status: 'open' as const,
    createdAt: ctx.now.toISOString(),
    // Due in the branch of whoever it is assigned to, for the customers report.
    dueBranchId: assignee ? assignee.branchId : caller.branchId,
  }
  await deps.customers.createFollowUp(record, followUpMoved(caller.studioId, record.dueBranchId, input.dueDate, 'due'))
  const { studioId: _s, dueBranchId: _d, ...followUp } = record
  return followUp
}

export async function completeFollowUp(deps: CustomerPorts & { repo: IdentityRepository }, input: z.output<typeof op.completeFollowUp.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const today = studioDate(ctx.now, await studioTimeZone(deps, caller.studioId))
  const { studioId: _s, dueBranchId: _d, doneBranchId: _b, ...followUp } = await deps.customers.completeFollowUp(
    caller.studioId,
    input.customerId,
    input.followUpId,
    { outcome: input.outcome, outcomeNote: input.outcomeNote, doneBranchId: caller.branchId },
    ctx.now.toISOString(),
    // Done in the branch of whoever did it.
    followUpMoved(caller.studioId, caller.branchId, today, 'done'),
  )
  return followUp
}

/** Follow-ups due today or overdue, "today" being the studio's date. */
export async function dueFollowUps(deps: CustomerPorts & { repo: IdentityRepository }, input: z.output<typeof op.dueFollowUps.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const today = studioDate(ctx.now, await studioTimeZone(deps, caller.studioId))
  const items = await deps.customers.listDueFollowUps(caller.studioId, today, input.limit)
  return { today, items: items.map(({ studioId: _s, ...f }) => f) }
}
