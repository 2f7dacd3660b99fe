import { ulid } from 'ulid'
import type { Package } from '../../types/catalog'
import type { Actor } from '../../types/orders'
import { studioDayBounds } from '../domain/time'
import type { OrderRecord, PaymentRecord } from '../orders/ports'
import type { ImportedOrder } from './ports'
import type { PastOrder } from './read-order-csv'

/** The order as the studio keeps it: priced as the old system sold it, its payments dated on their own days. */
export function importedOrder(past: PastOrder, context: { studioId: string; branchId: string; customer: { id: string; name: string }; pkg: Package; by: Actor; timeZone: string; now: Date }): ImportedOrder {
  const dayStart = (date: string) => studioDayBounds(date, context.timeZone).from
  const createdAt = dayStart(past.orderDate)
  const orderId = ulid(Date.parse(createdAt))
  const { pkg } = context
  // The old price stands: what it sold above the package is one add-on, below it a discount.
  const above = past.totalFen - pkg.priceFen
  const order: OrderRecord = {
    id: orderId,
    studioId: context.studioId,
    customerId: context.customer.id,
    customerName: context.customer.name,
    branchId: context.branchId,
    stage: past.stage,
    package: { id: pkg.id, name: pkg.name, priceFen: pkg.priceFen, depositFen: pkg.depositFen, shootMinutes: pkg.shootMinutes, retouchedPhotos: pkg.retouchedPhotos, extraPhotoPriceFen: pkg.extraPhotoPriceFen },
    addOns: above > 0 ? [{ id: 'imported', kind: 'service', name: '原系统加项', quantity: 1, unitFen: above, amountFen: above }] : [],
    discountFen: above < 0 ? -above : 0,
    ...(above < 0 ? { discountReason: '原系统成交价' } : {}),
    totalFen: past.totalFen,
    paidFen: past.paidFen,
    balanceFen: past.totalFen - past.paidFen,
    unauditedFen: 0,
    depositFen: Math.min(pkg.depositFen, past.totalFen),
    ...(past.shootDate ? { shootAt: dayStart(past.shootDate) } : {}),
    timeline: [{ stage: past.stage, at: createdAt, by: context.by, note: `从原系统导入，原订单号 ${past.orderNumber}` }],
    stageEnteredAt: createdAt,
    proofRounds: [],
    refundedFen: 0,
    ...(past.notes ? { notes: past.notes } : {}),
    importedFrom: past.orderNumber,
    version: 1,
    createdAt,
    updatedAt: context.now.toISOString(),
  }
  const auditedAt = context.now.toISOString()
  const payments: PaymentRecord[] = past.payments.map((p, index) => {
    const at = dayStart(p.date)
    return {
      id: ulid(Date.parse(at)),
      studioId: context.studioId,
      branchId: context.branchId,
      orderId,
      customerId: context.customer.id,
      kind: index === 0 ? 'deposit' : 'balance',
      method: p.method,
      amountFen: p.amountFen,
      refundableFen: 0,
      status: 'captured',
      // Money the old system's books already hold: audited on import, never listed for finance to audit again.
      audited: true,
      auditedBy: context.by,
      auditedAt,
      recordedBy: context.by,
      reference: past.orderNumber,
      imported: true,
      at,
    }
  })
  return {
    orderNumber: past.orderNumber,
    order,
    payments,
    timeZone: context.timeZone,
    audit: { action: 'order.imported', actorId: context.by.id, actorName: context.by.name, targetId: orderId, detail: { orderNumber: past.orderNumber, payments: payments.length, paidFen: past.paidFen } },
  }
}
