import type { z } from 'zod'
import { ulid } from 'ulid'
import type * as op from '../../types/booking-operations'
import type { CatalogRepository } from '../catalog/ports'
import type { CustomerRepository } from '../customers/ports'
import { callerOf, type RequestContext } from '../domain/context'
import { DomainError, forbidden, notFound } from '../domain/errors'
import { studioDate } from '../domain/time'
import { actorOf, hasOrdered, newOrder, orderSettingsOf, visibleTo } from '../orders/model'
import type { Bookkeeping, OrderRepository } from '../orders/ports'
import { appointmentFigures, withFigures } from './booking-figures'
import { branchPicture } from '../scheduling/branch-picture'
import { assertBranch, checkPhotographer, checkStart, invalid, packageFor, place, placedAt, reminderTime } from '../scheduling/placement'
import { policyOf, type PolicyPorts } from '../scheduling/policy'
import type { AppointmentRecord } from '../scheduling/ports'
import type { BookingRepository } from './ports'
import { slotTaken } from './slot-taken'
import { repricedWith, surchargeLine } from './surcharge'

interface BookPorts extends PolicyPorts {
  booking: BookingRepository
  orders: OrderRepository
  catalog: CatalogRepository
  customers: CustomerRepository
  books: Bookkeeping
}

/**
 * Books a shoot:
 * 1. the package must be on sale in the branch; a customer books for themselves, the desk for a customer;
 * 2. the start must be in the future, within the horizon, after the notice (the desk may waive it) and on the grid;
 * 3. resources are placed (the chosen or least-booked photographer, a makeup artist, a room);
 * 4. one transaction writes the appointment (held), its order (awaiting deposit) and every lock — or, for
 *    an order sold at the desk, attaches the shoot to it, with the surcharge of a photographer picked by
 *    name, priced from the order as read (a payment landing meanwhile refuses it, to be tried again).
 */
export async function book(deps: BookPorts, input: z.output<typeof op.book.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const desk = caller.kind === 'staff'
  if (desk && !input.customerId) throw invalid('customerId', 'is needed when the studio books for a customer')
  if (!desk && input.customerId && input.customerId !== caller.id) throw forbidden('A customer books for themselves')
  const customerId = desk ? input.customerId! : caller.id
  const customer = await deps.customers.getCustomer(caller.studioId, customerId)
  if (!customer) throw notFound('Customer')
  // The shoot of an order already sold and paid for (opened at the desk).
  const existing = input.orderId ? await deps.orders.get(caller.studioId, input.orderId) : undefined
  if (input.orderId) {
    if (!visibleTo(existing, caller) || existing.customerId !== customerId) throw notFound('Order')
    if (existing.branchId && existing.branchId !== input.branchId) throw invalid('branchId', 'is not the branch of this order')
    if (existing.appointmentId) throw new DomainError('ILLEGAL_TRANSITION', 'This order already has its shoot booked')
    if (existing.stage !== 'confirmed') throw new DomainError('PRECONDITION_FAILED', 'Take the deposit before booking the shoot of this order')
    if (existing.package.id !== input.packageId) throw invalid('packageId', 'is not the package of this order')
  }
  await assertBranch(deps, caller.studioId, input.branchId)
  const pkg = await packageFor(deps, caller.studioId, input.packageId, input.branchId)
  const startsAt = Date.parse(input.startsAt)
  const policy = await policyOf(deps, caller.studioId)
  const date = studioDate(new Date(startsAt), policy.timeZone)
  const picture = await branchPicture(deps, caller.studioId, input.branchId, date, date, ctx.now, { policy })
  checkStart(picture, startsAt, ctx.now, desk)
  checkPhotographer(picture, pkg, input.photographerId)

  const refuse = () => slotTaken(deps, { studioId: caller.studioId, branchId: input.branchId, date, now: ctx.now, policy, pkg, photographerId: input.photographerId, desk })
  const placement = place(picture, pkg, startsAt, ctx.now, { photographerId: input.photographerId, ignoreNotice: desk })
  if (!placement) throw await refuse()

  const now = ctx.now.toISOString()
  const appointmentId = ulid(ctx.now.getTime())
  const orderId = existing?.id ?? ulid(ctx.now.getTime())
  // A photographer picked by name costs what their schedule says, on a new order as on one sold at the desk.
  const surcharge = surchargeLine(picture, input.photographerId)
  const repriced = existing ? repricedWith(existing, surcharge) : undefined
  const appointment: AppointmentRecord = {
    id: appointmentId,
    studioId: caller.studioId,
    orderId,
    customerId,
    customerName: customer.name,
    branchId: input.branchId,
    packageId: pkg.id,
    packageName: pkg.name,
    ...placedAt(picture, placement),
    status: existing ? 'confirmed' : 'held',
    holdExpiresAt: existing ? undefined : new Date(ctx.now.getTime() + picture.policy.holdMinutes * 60_000).toISOString(),
    notes: input.notes,
    remindCustomer: input.remindCustomer,
    reminderAt: input.remindCustomer ? reminderTime(placement.slot.startsAt, picture.policy.timeZone) : undefined,
    lockedBufferMinutes: picture.policy.bufferMinutes,
    depositFen: existing?.depositFen ?? pkg.depositFen,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  const order = existing ? undefined : newOrder({
    id: orderId,
    studioId: caller.studioId,
    customer: { id: customerId, name: customer.name, source: customer.source },
    returning: await hasOrdered(deps, caller.studioId, customerId),
    pkg,
    branchId: input.branchId,
    appointmentId,
    shootAt: appointment.startsAt,
    addOns: surcharge ? [surcharge] : [],
    discountFen: 0,
    totalFen: pkg.priceFen + (surcharge?.amountFen ?? 0),
    notes: input.notes,
    by: actorOf(caller),
    now: ctx.now,
    settings: await orderSettingsOf(deps, caller.studioId),
    timeZone: policy.timeZone,
  })
  // A new order is opened in the figures; a desk order's value moves with the surcharge it now carries.
  const orderBooks = async () => (order ? deps.books.opened(order) : repriced ? deps.books.revalued(existing!, repriced.next) : {})
  try {
    await deps.booking.createBooking(
      appointment,
      existing
        ? { attach: { orderId, shootAt: appointment.startsAt, expectedBy: studioDate(new Date(appointment.startsAt), policy.timeZone), repricing: repriced?.repricing } }
        : { create: order! },
      placement.locks,
      ctx.now,
      withFigures(await orderBooks(), appointmentFigures(appointment, policy.timeZone, ctx.now, { made: true, sign: 1 })),
    )
  } catch (error) {
    if (error instanceof DomainError && error.code === 'SLOT_TAKEN') throw await refuse()
    throw error
  }
  return appointment
}
