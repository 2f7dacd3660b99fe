import type { Package } from '../../types/catalog'
import { leastBooked, localInstant, type Slot } from '../domain/availability'
import { lockCells, MAX_LOCKS_PER_BOOKING } from '../domain/booking'
import { DomainError, notFound } from '../domain/errors'
import { studioDate } from '../domain/time'
import type { CatalogRepository } from '../catalog/ports'
import type { IdentityRepository } from '../identity/ports'
import { localMinutes, slotsFor, type BranchPicture } from './branch-picture'
import type { AppointmentRecord, LockRef } from './ports'

export const invalid = (path: string, message: string) => new DomainError('VALIDATION_FAILED', 'Some fields are not valid', { fields: [{ path, message }] })

/** A package on sale in the branch. */
export async function packageFor(deps: { catalog: CatalogRepository }, studioId: string, packageId: string, branchId: string): Promise<Package> {
  const pkg = await deps.catalog.getPackage(studioId, packageId)
  if (!pkg?.active) throw notFound('Package')
  if (!pkg.branchIds.includes(branchId)) throw invalid('branchId', 'does not sell this package')
  return pkg
}

export async function assertBranch(deps: { repo: IdentityRepository }, studioId: string, branchId: string) {
  if (!(await deps.repo.getBranch(studioId, branchId))) throw notFound('Branch')
}

/**
 * A photographer picked by name must be an active photographer of the branch (never another studio's,
 * nor one who has left), for a package that has one: otherwise she would be neither held nor booked.
 */
export function checkPhotographer(picture: BranchPicture, pkg: Package, photographerId: string | undefined) {
  if (photographerId && !pkg.resources.includes('photographer')) throw invalid('photographerId', 'is not needed by this package')
  if (photographerId && !picture.staff.some((s) => s.id === photographerId && s.roles.includes('photographer'))) {
    throw invalid('photographerId', 'is not an active photographer of this branch')
  }
}

export const nameOf = (picture: BranchPicture, id: string) => picture.staff.find((s) => s.id === id)?.displayName ?? ''

/** The first few free times from a day on, for a refusal that helps the customer choose again. */
export function nextFreeTimes(picture: BranchPicture, pkg: Package, from: string, now: Date, photographerId?: string, ignoreNotice?: boolean): string[] {
  const to = new Date(Date.parse(`${from}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10)
  return slotsFor(picture, { from, to, durationMinutes: pkg.shootMinutes, needs: pkg.resources, photographerId, now, ignoreNotice })
    .slice(0, 5)
    .map((s) => new Date(s.startsAt).toISOString())
}

/** Checks a requested start against the policy; the reasons a person can act on come back as field errors. */
export function checkStart(picture: BranchPicture, startsAt: number, now: Date, ignoreNotice: boolean) {
  const { policy } = picture
  if (startsAt <= now.getTime()) throw invalid('startsAt', 'must be in the future')
  if (startsAt > now.getTime() + policy.horizonDays * 86_400_000) throw invalid('startsAt', `must be within ${policy.horizonDays} days`)
  if (!ignoreNotice && startsAt < now.getTime() + policy.minNoticeMinutes * 60_000) {
    throw invalid('startsAt', `must be at least ${Math.round(policy.minNoticeMinutes / 60)} hours ahead`)
  }
  if (localMinutes(startsAt, policy.timeZone) % policy.gridMinutes !== 0) throw invalid('startsAt', `must be on the ${policy.gridMinutes}-minute grid`)
}

export interface Placement {
  slot: Slot
  photographerId?: string
  makeupArtistId?: string
  roomId?: string
  locks: LockRef[]
}

/** When, who and where an appointment is placed, with the names the schedules show. */
export const placedAt = (picture: BranchPicture, placement: Placement) => ({
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
export function place(
  picture: BranchPicture,
  pkg: Package,
  startsAt: number,
  now: Date,
  options: { photographerId?: string; keep?: AppointmentRecord; ignoreNotice: boolean },
): Placement | undefined {
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

/** The cells an appointment holds, as it was booked. */
export function locksOf(appointment: AppointmentRecord): LockRef[] {
  const cells = lockCells(Date.parse(appointment.startsAt), Date.parse(appointment.endsAt), appointment.lockedBufferMinutes)
  return [appointment.photographerId, appointment.makeupArtistId, appointment.roomId]
    .filter((id): id is string => Boolean(id))
    .flatMap((resourceId) => cells.map((cell) => ({ resourceId, cell })))
}

/** The day before the shoot at 10:00 studio time, when the customer's reminder goes out. */
export function reminderTime(startsAt: number, timeZone: string): string {
  const dayBefore = studioDate(new Date(startsAt - 86_400_000), timeZone)
  return new Date(localInstant(dayBefore, 10 * 60, timeZone) ?? startsAt - 86_400_000).toISOString()
}
