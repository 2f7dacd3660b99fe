import type { z } from 'zod'
import type * as op from '../../types/crm-operations'
import type { CustomerRepository } from '../customers/ports'
import { customerFileOf } from '../customers/manage-customers'
import { callerOf, type RequestContext } from '../domain/context'
import { withinBranch } from '../domain/permissions'
import type { OrderRepository } from '../orders/ports'
import type { PaymentLedger } from '../payments/ports'
import type { SchedulingRepository } from '../scheduling/ports'

interface HistoryPorts {
  customers: CustomerRepository
  orders: OrderRepository
  scheduling: SchedulingRepository
  ledger: PaymentLedger
}

/** The customer's file with everything they bought, booked and paid, read in parallel. */
export async function customerHistory(deps: HistoryPorts, input: z.output<typeof op.customerHistory.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const studioId = caller.studioId
  const [file, allOrders, allAppointments, allPayments] = await Promise.all([
    customerFileOf(deps, input, ctx),
    deps.orders.ofCustomer(studioId, input.customerId),
    deps.scheduling.customerAppointments(studioId, input.customerId),
    deps.ledger.customerPayments(studioId, input.customerId),
  ])
  // The customer file is the studio's; their orders, bookings and payments are shown of the caller's branch.
  const orders = allOrders.filter((o) => withinBranch(caller, o.branchId))
  const hidden = new Set(allOrders.filter((o) => !withinBranch(caller, o.branchId)).map((o) => o.id))
  const appointments = allAppointments.filter((a) => withinBranch(caller, a.branchId))
  const payments = allPayments.filter((p) => !hidden.has(p.orderId))
  return {
    ...file,
    orders: orders.map((o) => ({ id: o.id, summary: o.package.name, stage: o.stage, totalFen: o.totalFen, balanceFen: o.balanceFen, createdAt: o.createdAt })),
    appointments: appointments.map((a) => ({ id: a.id, kind: 'shoot' as const, startsAt: a.startsAt, status: a.status })),
    payments: payments.map((p) => ({ id: p.id, orderId: p.orderId, kind: p.kind, amountFen: p.amountFen, method: p.method, audited: p.audited, at: p.at })),
  }
}
