import type { AddOn } from '../../types/orders'
import { checkTotalCoversPaid, orderTotal } from '../domain/order'
import type { OrderRecord } from '../orders/ports'
import type { BranchPicture } from '../scheduling/branch-picture'
import type { OrderRepricing } from './ports'

/** The add-on line of a photographer's surcharge (摄影师加价): one per order, named after the photographer. */
const SURCHARGE = 'surcharge'

/** What a photographer the customer picked by name adds to the order, if they cost more (a senior photographer). */
export function surchargeLine(picture: BranchPicture, photographerId: string | undefined): AddOn | undefined {
  const person = photographerId ? picture.staff.find((s) => s.id === photographerId) : undefined
  const fen = person?.schedule?.surchargeFen ?? 0
  if (!person || fen <= 0) return undefined
  return { id: SURCHARGE, kind: 'service', name: `摄影师加价 ${person.displayName}`.trim(), quantity: 1, unitFen: fen, amountFen: fen }
}

/**
 * The surcharge a booking carries once it is moved. A photographer named now costs what their
 * schedule says (the one already booked keeps the price it was sold at); the booked photographer
 * kept without naming anyone keeps the line as it is; anyone else the studio assigns costs nothing.
 */
export function surchargeAfterMove(picture: BranchPicture, order: OrderRecord, move: { named?: string; before?: string; after?: string }): AddOn | undefined {
  const sold = order.addOns.find((a) => a.id === SURCHARGE)
  if (move.after === move.before && (move.named === undefined || sold)) return sold
  return move.named ? surchargeLine(picture, move.named) : undefined
}

/**
 * The order re-priced with `line` as its surcharge: total, balance and deposit follow, written only if the
 * order is still at the version read. Undefined when the line is already the order's. The total never falls
 * below what is paid (OVERPAYMENT, as for any edit of the order: refund the difference first).
 */
export function repricedWith(order: OrderRecord, line: AddOn | undefined): { next: OrderRecord; repricing: OrderRepricing } | undefined {
  const sold = order.addOns.find((a) => a.id === SURCHARGE)
  if (sold?.amountFen === line?.amountFen && sold?.name === line?.name) return undefined
  const addOns = [...order.addOns.filter((a) => a.id !== SURCHARGE), ...(line ? [line] : [])]
  const totalFen = orderTotal(order.package.priceFen, addOns, order.discountFen)
  checkTotalCoversPaid(totalFen, order.paidFen)
  const repricing: OrderRepricing = { readVersion: order.version, addOns, totalFen, balanceFen: totalFen - order.paidFen, depositFen: Math.min(order.depositFen, totalFen) }
  const { readVersion: _version, ...priced } = repricing
  return { next: { ...order, ...priced, version: order.version + 1 }, repricing }
}
