import type { z } from 'zod'
import { ulid } from 'ulid'
import type { availability, book, branchDay, cancelBooking, confirmBooking, mySchedule, rescheduleBooking } from '../../types/booking-operations'
import type { Package } from '../../types/catalog'
import { leastBooked, localInstant, type Slot } from '../domain/availability'
import { beforeCutoff, lockCells, MAX_LOCKS_PER_BOOKING, refundPercent } from '../domain/booking'
import { DomainError, forbidden, notFound } from '../domain/errors'
import { studioDate } from '../domain/time'
import { callerOf, type Caller, type RequestContext } from '../domain/context'
import type { CatalogDeps } from '../catalog/manage-catalog'
import type { AppointmentRecord, LockRef } from './ports'
import { actorOf, newOrder, orderContextOf, orderSettingsOf, stageChange, type OrderDeps } from '../orders/model'
import { branchPicture, dateSpan, localMinutes, policyOf, slotsFor, type BookingDeps, type BranchPicture } from './schedule'

export type BookingAppDeps = BookingDeps & CatalogDeps & OrderDeps

const isDesk = (caller: Caller) => caller.roles.some((r) => r === 'reception' || r === 'manager' || r === 'admin')
const mayOverrideCutoff = (caller: Caller) => caller.roles.some((r) => r === 'manager' || r === 'admin')
const invalid = (path: string, message: string) => new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path, message }] })

async function packageFor(deps: BookingAppDeps, studioId: string, packageId: string, branchId: string): Promise<Package> {
  const pkg = await deps.catalog.getPackage(studioId, packageId)
  if (!pkg?.active) throw notFound('Package')
  if (!pkg.branchIds.includes(branchId)) throw invalid('branchId', 'does not sell this package')
  return pkg
}

async function assertBranch(deps: BookingAppDeps, studioId: string, branchId: string) {
  if (!(await deps.repo.getBranch(studioId, branchId))) throw notFound('Branch')
}

const nameOf = (picture: BranchPicture, id: string) => picture.staff.find((s) => s.id === id)?.displayName ?? ''

function slotView(picture: BranchPicture, slot: Slot) {
  return {
    startsAt: new Date(slot.startsAt).toISOString(),
    endsAt: new Date(slot.endsAt).toISOString(),
    date: slot.date,
    time: slot.time,
    photographers: (slot.free.photographer ?? []).map((id) => ({
      id,
      name: nameOf(picture, id),
      surchargeFen: picture.staff.find((s) => s.id === id)?.schedule?.surchargeFen ?? 0,
    })),
  }
}

export async function findAvailability(deps: BookingAppDeps, input: z.output<typeof availability.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  await assertBranch(deps, caller.studioId, input.branchId)
  const pkg = await packageFor(deps, caller.studioId, input.packageId, input.branchId)
  const picture = await branchPicture(deps, caller.studioId, input.branchId, input.from, input.to, ctx.now)
  const slots = slotsFor(picture, {
    from: input.from,
    to: input.to,
    durationMinutes: pkg.shootMinutes,
    needs: pkg.resources,
    photographerId: input.photographerId,
    now: ctx.now,
    ignoreNotice: isDesk(caller),
  })
  return { timeZone: picture.policy.timeZone, slots: slots.map((s) => slotView(picture, s)) }
}

/** The first few free times from a day on, for a refusal that helps the customer choose again. */
function nextFreeTimes(picture: BranchPicture, pkg: Package, from: string, now: Date, photographerId?: string, ignoreNotice?: boolean): string[] {
  const to = new Date(Date.parse(`${from}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10)
  return slotsFor(picture, { from, to, durationMinutes: pkg.shootMinutes, needs: pkg.resources, photographerId, now, ignoreNotice })
    .slice(0, 5)
    .map((s) => new Date(s.startsAt).toISOString())
}

/** Checks a requested start against the policy; the reasons a person can act on come back as field errors. */
function checkStart(picture: BranchPicture, startsAt: number, now: Date, ignoreNotice: boolean) {
  const { policy } = picture
  if (startsAt <= now.getTime()) throw invalid('startsAt', 'must be in the future')
  if (startsAt > now.getTime() + policy.horizonDays * 86_400_000) throw invalid('startsAt', `must be within ${policy.horizonDays} days`)
  if (!ignoreNotice && startsAt < now.getTime() + policy.minNoticeMinutes * 60_000) {
    throw invalid('startsAt', `must be at least ${Math.round(policy.minNoticeMinutes / 60)} hours ahead`)
  }
  if (localMinutes(startsAt, policy.timeZone) % policy.gridMinutes !== 0) throw invalid('startsAt', `must be on the ${policy.gridMinutes}-minute grid`)
}

interface Placement {
  slot: Slot
  photographerId?: string
  makeupArtistId?: string
  roomId?: string
  locks: LockRef[]
}

/** When, who and where an appointment is placed, with the names the schedules show. */
const placedAt = (picture: BranchPicture, placement: Placement) => ({
  startsAt: new Date(placement.slot.startsAt).toISOString(),
  endsAt: new Date(placement.slot.endsAt).toISOString(),
  photographerId: placement.photographerId,
  makeupArtistId: placement.makeupArtistId,
  roomId: placement.roomId,
  photographerName: placement.photographerId ? nameOf(picture, placement.photographerId) : undefined,
  makeupArtistName: placement.makeupArtistId ? nameOf(picture, placement.makeupArtistId) : undefined,
  roomName: picture.rooms.find((r) => r.id === placement.roomId)?.name,
})

/** Picks the resources for a start time: the chosen photographer or the least booked one that day, and so on. */
function place(picture: BranchPicture, pkg: Package, startsAt: number, now: Date, options: { photographerId?: string; keep?: AppointmentRecord; ignoreNotice: boolean }): Placement | undefined {
  const date = studioDate(new Date(startsAt), picture.policy.timeZone)
  const slot = slotsFor(picture, { from: date, to: date, durationMinutes: pkg.shootMinutes, needs: pkg.resources, photographerId: options.photographerId, now, ignoreNotice: options.ignoreNotice }).find(
    (s) => s.startsAt === startsAt,
  )
  if (!slot) return undefined
  const sameDay = picture.appointments.filter((a) => studioDate(new Date(a.startsAt), picture.policy.timeZone) === date)
  const load = (field: 'photographerId' | 'makeupArtistId') => Object.fromEntries(sameDay.map((a) => [a[field], sameDay.filter((b) => b[field] === a[field]).length]))
  const choose = (free: string[] | undefined, keep: string | undefined, field: 'photographerId' | 'makeupArtistId') =>
    free && (keep && free.includes(keep) ? keep : leastBooked(free, load(field)))
  const photographerId = choose(slot.free.photographer, options.keep?.photographerId, 'photographerId')
  const makeupArtistId = choose(slot.free.makeup, options.keep?.makeupArtistId, 'makeupArtistId')
  const roomId = slot.free.room && (options.keep?.roomId && slot.free.room.includes(options.keep.roomId) ? options.keep.roomId : slot.free.room[0])
  const cells = lockCells(slot.startsAt, slot.endsAt, picture.policy.bufferMinutes)
  const locks = [photographerId, makeupArtistId, roomId].filter((id): id is string => Boolean(id)).flatMap((resourceId) => cells.map((cell) => ({ resourceId, cell })))
  if (locks.length > MAX_LOCKS_PER_BOOKING) throw new DomainError('PRECONDITION_FAILED', 'This session is too long to book in one piece; ask the studio')
  return { slot, photographerId, makeupArtistId, roomId, locks }
}

export function locksOf(appointment: AppointmentRecord): LockRef[] {
  const cells = lockCells(Date.parse(appointment.startsAt), Date.parse(appointment.endsAt), appointment.lockedBufferMinutes)
  return [appointment.photographerId, appointment.makeupArtistId, appointment.roomId]
    .filter((id): id is string => Boolean(id))
    .flatMap((resourceId) => cells.map((cell) => ({ resourceId, cell })))
}

/** The day before the shoot at 10:00 studio time, when the customer's reminder goes out. */
function reminderTime(startsAt: number, timeZone: string): string {
  const dayBefore = studioDate(new Date(startsAt - 86_400_000), timeZone)
  return new Date(localInstant(dayBefore, 10 * 60, timeZone) ?? startsAt - 86_400_000).toISOString()
}

/**
 * Books a shoot:
 * 1. the package must be on sale in the branch; a customer books for themselves, the desk for a customer;
 * 2. the start must be in the future, within the horizon, after the notice (the desk may waive it) and on the grid;
 * 3. resources are placed (the chosen or least-booked photographer, a makeup artist, a room);
 * 4. one transaction writes the appointment (held), its order (awaiting deposit) and every lock.
 */
export async function bookShoot(deps: BookingAppDeps, input: z.output<typeof book.input>, ctx: RequestContext) {
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
    if (!existing || existing.customerId !== customerId) throw notFound('Order')
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

  // The times offered instead are read afresh: whoever just took this slot changed the day.
  const refuse = async () => {
    const fresh = await branchPicture(deps, caller.studioId, input.branchId, date, date, ctx.now, { policy })
    return new DomainError('SLOT_TAKEN', 'That time is not free; please choose another', {
      nextFreeTimes: nextFreeTimes(fresh, pkg, date, ctx.now, input.photographerId, desk),
    })
  }
  const placement = place(picture, pkg, startsAt, ctx.now, { photographerId: input.photographerId, ignoreNotice: desk })
  if (!placement) throw await refuse()

  const now = ctx.now.toISOString()
  const appointmentId = ulid(ctx.now.getTime())
  const orderId = existing?.id ?? ulid(ctx.now.getTime())
  const surcharge = input.photographerId ? (picture.staff.find((s) => s.id === input.photographerId)?.schedule?.surchargeFen ?? 0) : 0
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
  const photographerName = appointment.photographerName ?? ''
  const order = existing ? undefined : newOrder({
    id: orderId,
    studioId: caller.studioId,
    customer: { id: customerId, name: customer.name },
    pkg,
    branchId: input.branchId,
    appointmentId,
    shootAt: appointment.startsAt,
    addOns: surcharge > 0 ? [{ id: 'surcharge', kind: 'service', name: `摄影师加价 ${photographerName}`.trim(), quantity: 1, unitFen: surcharge, amountFen: surcharge }] : [],
    discountFen: 0,
    totalFen: pkg.priceFen + surcharge,
    notes: input.notes,
    by: actorOf(caller),
    now: ctx.now,
    settings: await orderSettingsOf(deps, caller.studioId),
    timeZone: policy.timeZone,
  })
  try {
    await deps.booking.createBooking(
      appointment,
      existing ? { attach: { orderId, shootAt: appointment.startsAt, expectedBy: studioDate(new Date(appointment.startsAt), policy.timeZone) } } : { create: order! },
      placement.locks,
      ctx.now,
    )
  } catch (error) {
    if (error instanceof DomainError && error.code === 'SLOT_TAKEN') throw await refuse()
    throw error
  }
  return appointment
}

async function loadOwn(deps: BookingAppDeps, caller: Caller, appointmentId: string) {
  const appointment = await deps.booking.getAppointment(caller.studioId, appointmentId)
  if (!appointment || (caller.kind === 'customer' && appointment.customerId !== caller.id)) throw notFound('Appointment')
  return appointment
}

/** A manager's waiver: the hold becomes a booking without a deposit, noted on the order's timeline. */
export async function confirmShoot(deps: BookingAppDeps, input: z.output<typeof confirmBooking.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const appointment = await loadOwn(deps, caller, input.appointmentId)
  if (appointment.status !== 'held') throw new DomainError('PRECONDITION_FAILED', `This booking is ${appointment.status}, not waiting for its deposit`)
  const context = await orderContextOf(deps, caller.studioId)
  const change = stageChange({ stage: 'pending_deposit', shootAt: appointment.startsAt }, 'confirmed', actorOf(caller), ctx.now, context, { note: 'confirmed without a deposit' })
  return deps.booking.confirmBooking(appointment, locksOf(appointment), ctx.now, change)
}

function assertChangeable(appointment: AppointmentRecord, caller: Caller, cutoffHours: number, now: Date) {
  if (appointment.status !== 'held' && appointment.status !== 'confirmed') throw new DomainError('PRECONDITION_FAILED', `This booking is ${appointment.status}`)
  if (!mayOverrideCutoff(caller) && !beforeCutoff({ changeCutoffHours: cutoffHours }, Date.parse(appointment.startsAt), now.getTime())) {
    throw new DomainError('PRECONDITION_FAILED', `Bookings can be changed up to ${cutoffHours} hours before the shoot; please call the studio`)
  }
}

export async function rescheduleShoot(deps: BookingAppDeps, input: z.output<typeof rescheduleBooking.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const current = await loadOwn(deps, caller, input.appointmentId)
  const policy = await policyOf(deps, caller.studioId)
  assertChangeable(current, caller, policy.changeCutoffHours, ctx.now)
  const pkg = await packageFor(deps, caller.studioId, current.packageId, current.branchId)
  const startsAt = Date.parse(input.startsAt)
  const date = studioDate(new Date(startsAt), policy.timeZone)
  // The booking's own time does not stand in its way.
  const picture = await branchPicture(deps, caller.studioId, current.branchId, date, date, ctx.now, { ignoreAppointmentId: current.id, policy })
  const desk = caller.kind === 'staff'
  checkStart(picture, startsAt, ctx.now, desk)
  const refuse = async () => {
    const fresh = await branchPicture(deps, caller.studioId, current.branchId, date, date, ctx.now, { ignoreAppointmentId: current.id, policy })
    return new DomainError('SLOT_TAKEN', 'That time is not free; please choose another', {
      nextFreeTimes: nextFreeTimes(fresh, pkg, date, ctx.now, input.photographerId, desk),
    })
  }
  const placement = place(picture, pkg, startsAt, ctx.now, { photographerId: input.photographerId, keep: current, ignoreNotice: desk })
  if (!placement) throw await refuse()
  const next: AppointmentRecord = {
    ...current,
    ...placedAt(picture, placement),
    lockedBufferMinutes: picture.policy.bufferMinutes,
    reminderAt: current.remindCustomer ? reminderTime(placement.slot.startsAt, picture.policy.timeZone) : undefined,
    version: current.version + 1,
    updatedAt: ctx.now.toISOString(),
  }
  try {
    const expectedBy = current.status === 'confirmed' ? studioDate(new Date(next.startsAt), policy.timeZone) : undefined
    return await deps.booking.rescheduleBooking(current, next, locksOf(current), placement.locks, ctx.now, { shootAt: next.startsAt, expectedBy })
  } catch (error) {
    if (error instanceof DomainError && error.code === 'SLOT_TAKEN') throw await refuse()
    throw error
  }
}

/** Cancels up to the cutoff and records the deposit refund the policy allows (paid deposits only). */
export async function cancelShoot(deps: BookingAppDeps, input: z.output<typeof cancelBooking.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const appointment = await loadOwn(deps, caller, input.appointmentId)
  const policy = await policyOf(deps, caller.studioId)
  assertChangeable(appointment, caller, policy.changeCutoffHours, ctx.now)
  const percent = refundPercent(policy, Date.parse(appointment.startsAt), ctx.now.getTime())
  const order = await deps.orders.get(caller.studioId, appointment.orderId)
  const paid = order?.paidFen ?? 0
  // The policy keeps its share of the deposit once the booking was confirmed; anything else paid goes back.
  const kept = appointment.status === 'confirmed' ? Math.round((Math.min(order?.depositFen ?? appointment.depositFen, paid) * (100 - percent)) / 100) : 0
  const refundDueFen = paid - kept
  const context = { settings: await orderSettingsOf(deps, caller.studioId), timeZone: policy.timeZone }
  const from = appointment.status === 'confirmed' ? 'confirmed' : 'pending_deposit'
  const change = stageChange({ stage: from, shootAt: appointment.startsAt }, 'cancelled', actorOf(caller), ctx.now, context, {
    note: input.reason,
    set: { refundDueFen },
    // A payment landing meanwhile would change what is owed back: then the cancel is refused and retried.
    expectPaidFen: paid,
  })
  return deps.booking.endBooking(
    appointment,
    locksOf(appointment),
    {
      status: 'cancelled',
      cancellation: { at: ctx.now.toISOString(), by: caller.id, refundPercent: appointment.status === 'confirmed' ? percent : 0, refundDueFen, reason: input.reason },
    },
    ctx.now,
    change,
  )
}

export async function customerAppointments(deps: BookingAppDeps, ctx: RequestContext) {
  const caller = callerOf(ctx)
  return { items: await deps.booking.customerAppointments(caller.studioId, caller.id) }
}

const live = (a: AppointmentRecord) => a.status === 'held' || a.status === 'confirmed' || a.status === 'done'

export async function staffSchedule(deps: BookingAppDeps, input: z.output<typeof mySchedule.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  const { timeZone } = await policyOf(deps, caller.studioId)
  const { from, to } = input.date ? dateSpan(new Date(`${input.date}T12:00:00Z`), 'UTC', input.days) : dateSpan(ctx.now, timeZone, input.days)
  const items = await deps.booking.agenda(caller.studioId, caller.id, new Date(Date.parse(from) - 86_400_000).toISOString(), new Date(Date.parse(to) + 86_400_000).toISOString())
  return { from, to, timeZone, items: items.filter((a) => live(a) && inDates(a, from, to, timeZone)) }
}

const inDates = (a: AppointmentRecord, from: string, to: string, timeZone: string) => {
  const date = studioDate(new Date(a.startsAt), timeZone)
  return date >= from && date <= to
}

export async function branchDayView(deps: BookingAppDeps, input: z.output<typeof branchDay.input>, ctx: RequestContext) {
  const caller = callerOf(ctx)
  await assertBranch(deps, caller.studioId, input.branchId)
  const { timeZone } = await policyOf(deps, caller.studioId)
  const items = await deps.booking.branchAppointments(
    caller.studioId,
    input.branchId,
    new Date(Date.parse(input.date) - 86_400_000).toISOString(),
    new Date(Date.parse(input.date) + 2 * 86_400_000).toISOString(),
  )
  return { date: input.date, timeZone, items: items.filter((a) => live(a) && inDates(a, input.date, input.date, timeZone)) }
}
