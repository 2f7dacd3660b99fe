import type { z } from 'zod'
import type * as op from '../../types/crm-operations'
import type { CustomerRepository } from '../customers/ports'
import { customerFileOf } from '../customers/manage-customers'
import { callerOf, type RequestContext } from '../domain/context'
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
  const studioId = callerOf(ctx).studioId
  const [file, orders, appointments, payments] = await Promise.all([
    customerFileOf(deps, input, ctx),
    deps.orders.ofCustomer(studioId, input.customerId),
    deps.scheduling.customerAppointments(studioId, input.customerId),
    deps.ledger.customerPayments(studioId, input.customerId),
  ])
  return {
    ...file,
    orders: orders.map((o) => ({ id: o.id, summary: o.package.name, stage: o.stage, totalFen: o.totalFen, balanceFen: o.balanceFen, createdAt: o.createdAt })),
    appointments: appointments.map((a) => ({ id: a.id, kind: 'shoot' as const, startsAt: a.startsAt, status: a.status })),
    payments: payments.map((p) => ({ id: p.id, orderId: p.orderId, kind: p.kind, amountFen: p.amountFen, method: p.method, audited: p.audited, at: p.at })),
  }
}
