import type { z } from 'zod'
import type { AuditEntry, AuditSubject } from '../../types/entities'
import type * as op from '../../types/identity-operations'
import type { CustomerRepository } from '../customers/ports'
import { callerOf, type RequestContext } from '../domain/context'
import { withinBranch } from '../domain/permissions'
import type { IdentityRepository } from '../identity/ports'
import type { OrderRepository } from '../orders/ports'

interface AuditLogPorts {
  repo: IdentityRepository
  orders: OrderRepository
  customers: CustomerRepository
}

/** Entries whose target is an order: payments on it and changes to it. */
const aboutOrder = (action: string) => action.startsWith('payment.') || action.startsWith('order.')

/** The amount an entry moved or set, from what it recorded (entries of every age). */
export function amountOf(entry: Pick<AuditEntry, 'action' | 'detail'>): number | undefined {
  const detail = entry.detail ?? {}
  const int = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : undefined)
  const to = (value: unknown) => (value && typeof value === 'object' ? int((value as { to?: unknown }).to) : undefined)
  switch (entry.action) {
    case 'order.updated':
      return to(detail.totalFen)
    case 'order.discounted':
      return to(detail.discountFen)
    case 'order.imported':
      return int(detail.paidFen)
    default:
      return int(detail.amountFen)
  }
}

/**
 * The audit log, newest first, each entry with the order, customer and amount it is about, read
 * now from the order and customer it names (so entries written before this was shown have it too).
 */
export async function listAudit(deps: AuditLogPorts, input: z.output<typeof op.listAudit.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const page = await deps.repo.listAudit(caller.studioId, input)
  const orderIds = [...new Set(page.items.filter((e) => e.targetId && aboutOrder(e.action)).map((e) => e.targetId!))]
  const customerIds = [...new Set(page.items.filter((e) => e.targetId && e.action === 'customer.signed_up').map((e) => e.targetId!))]
  const [orders, customers] = await Promise.all([
    Promise.all(orderIds.map((id) => deps.orders.get(caller.studioId, id))),
    Promise.all(customerIds.map((id) => deps.customers.getCustomer(caller.studioId, id))),
  ])
  const orderById = new Map(orders.filter((o) => o && withinBranch(caller, o.branchId)).map((o) => [o!.id, o!]))
  const customerById = new Map(customers.filter((c) => c).map((c) => [c!.id, c!]))
  const items = page.items.map((entry): AuditEntry => {
    const about: AuditSubject = {}
    const order = entry.targetId ? orderById.get(entry.targetId) : undefined
    if (order && aboutOrder(entry.action)) {
      Object.assign(about, { orderId: order.id, packageName: order.package.name, customerId: order.customerId, customerName: order.customerName })
      if (order.importedFrom) about.orderNumber = order.importedFrom
    }
    const customer = entry.targetId && entry.action === 'customer.signed_up' ? customerById.get(entry.targetId) : undefined
    if (customer) Object.assign(about, { customerId: customer.id, ...(customer.name ? { customerName: customer.name } : {}) })
    const amountFen = aboutOrder(entry.action) ? amountOf(entry) : undefined
    if (amountFen !== undefined) about.amountFen = amountFen
    return Object.keys(about).length > 0 ? { ...entry, about } : entry
  })
  return { ...page, items }
}
