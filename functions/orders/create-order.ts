import type { z } from 'zod'
import type * as op from '../../types/order-operations'
import type { AddOn } from '../../types/orders'
import type { CatalogRepository } from '../catalog/ports'
import type { CustomerRepository } from '../customers/ports'
import { callerOf, type RequestContext } from '../domain/context'
import { checkDiscount, orderTotal } from '../domain/order'
import { DomainError, notFound, unknownReference } from '../domain/errors'
import { actorOf, hasOrdered, newOrder, orderContextOf, type OrderContextPorts } from './model'
import type { Bookkeeping } from './ports'

interface CreateOrderPorts extends OrderContextPorts {
  customers: CustomerRepository
  catalog: CatalogRepository
  books: Bookkeeping
}

const productLine = (id: string, name: string, productId: string, unitFen: number, quantity: number): AddOn => ({ id, kind: 'product', name, productId, quantity, unitFen, amountFen: unitFen * quantity })

/**
 * Prices add-ons. A product line already on the order (`sold`; each input takes the first line of
 * its product not yet taken) keeps the price it was sold at, whatever the catalogue says now, so
 * re-sending the same list changes nothing. Units beyond those sold — a product added, or more of
 * one — are priced from the catalogue as it is now (a line of their own when the price moved) and
 * need the product on sale.
 */
export async function priceAddOns(
  deps: { catalog: CatalogRepository },
  studioId: string,
  inputs: z.output<typeof op.createOrder.input>['addOns'],
  keep: AddOn[] = [],
  sold: readonly AddOn[] = [],
): Promise<AddOn[]> {
  const priced: AddOn[] = [...keep]
  const soldLines = sold.filter((a) => a.kind === 'product')
  for (const [i, addOn] of inputs.entries()) {
    if (addOn.kind === 'service') {
      priced.push({ id: `service-${i}`, kind: 'service', name: addOn.name, quantity: 1, unitFen: addOn.amountFen, amountFen: addOn.amountFen })
      continue
    }
    const at = soldLines.findIndex((line) => line.productId === addOn.productId)
    const line = at >= 0 ? soldLines.splice(at, 1)[0] : undefined
    const kept = Math.min(line?.quantity ?? 0, addOn.quantity)
    const more = addOn.quantity - kept
    const product = more > 0 ? await deps.catalog.getProduct(studioId, addOn.productId) : undefined
    if (more > 0 && !product?.active) throw new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path: `addOns.${i}.productId`, message: 'is not a product on sale' }] })
    if (line && (!product || product.priceFen === line.unitFen)) {
      priced.push(productLine(`product-${i}`, line.name, addOn.productId, line.unitFen, addOn.quantity))
      continue
    }
    if (line) priced.push(productLine(`product-${i}`, line.name, addOn.productId, line.unitFen, kept))
    priced.push(productLine(line ? `product-${i}-more` : `product-${i}`, product!.name, addOn.productId, product!.priceFen, more))
  }
  return priced
}

/** The desk opens an order for a customer; its request id makes a retried request harmless. */
export async function createOrder(deps: CreateOrderPorts, input: z.output<typeof op.createOrder.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const customer = await deps.customers.getCustomer(caller.studioId, input.customerId)
  if (!customer) throw notFound('Customer')
  const pkg = await deps.catalog.getPackage(caller.studioId, input.packageId)
  if (!pkg?.active) throw notFound('Package')
  if (input.branchId && !(await deps.repo.getBranch(caller.studioId, input.branchId))) throw unknownReference('branchId', 'branch')
  const context = await orderContextOf(deps, caller.studioId)
  checkDiscount(input.discountFen, pkg.priceFen, context.settings, caller.roles)
  const addOns = await priceAddOns(deps, caller.studioId, input.addOns)
  const totalFen = orderTotal(pkg.priceFen, addOns, input.discountFen)
  const order = newOrder({
      id: input.requestId,
      studioId: caller.studioId,
      customer,
      returning: await hasOrdered(deps, caller.studioId, customer.id),
      pkg,
      branchId: input.branchId ?? caller.branchId,
      addOns,
      discountFen: input.discountFen,
      discountReason: input.discountReason,
      notes: input.notes,
      totalFen,
      by: actorOf(caller),
      now: ctx.now,
      ...context,
    })
  return deps.orders.create(order, await deps.books.opened(order))
}
