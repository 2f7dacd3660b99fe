import { ulid } from 'ulid'
import type { AppDeps } from '../../functions/api/implementations'
import { releaseExpiredHolds } from '../../functions/booking/expire-holds'
import { sendShootReminders } from '../../functions/scheduling/reminders'
import { SimulatedSubscribeMessages } from '../../functions/integrations/wechat-subscribe'
import { at, bookableStudio, shanghaiDay } from '../support/booking'
import { isolatedTable } from '../support/studio'
import { samplePackage } from '../../scripts/lib/sample-package'

let deps: AppDeps
beforeAll(async () => {
  ;({ deps } = await isolatedTable())
})

const customerOf = async (setup: Awaited<ReturnType<typeof bookableStudio>>, name: string) =>
  (await setup.ops.call('auth.wechatSignIn', { studioCode: setup.studio.code, code: `dev:${name}`, nickname: name })) as { token: string; principal: { id: string } }

describe('availability', () => {
  it('offers the free times of a day in Shanghai time and takes a booked slot away', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const day = shanghaiDay(10)
    const amy = await customerOf(s, 'amy')
    const before = await s.ops.call('bookings.availability', { packageId: s.pkg.id, branchId: s.branchId, from: day, to: day }, amy.token)
    expect(before.timeZone).toBe('Asia/Shanghai')
    expect(before.slots.map((x: { time: string }) => x.time)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00'])
    expect(before.slots[0].startsAt).toBe(at(day, '09:00'))
    await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '12:00') }, amy.token)
    const after = await s.ops.call('bookings.availability', { packageId: s.pkg.id, branchId: s.branchId, from: day, to: day }, amy.token)
    // 12:00–14:00 plus the 30-minute buffer on either side.
    expect(after.slots.map((x: { time: string }) => x.time)).toEqual(['09:00', '09:30', '14:30', '15:00', '15:30', '16:00'])
  })

  it('refuses a range over 31 days', async () => {
    const s = await bookableStudio(deps)
    const amy = await customerOf(s, 'amy')
    expect(await s.ops.outcome('bookings.availability', { packageId: s.pkg.id, branchId: s.branchId, from: shanghaiDay(1), to: shanghaiDay(40) }, amy.token)).toBe('VALIDATION_FAILED')
  })
})

describe('booking', () => {
  it('lets exactly one of ten customers take the same slot at the same instant; the others are told the next free times', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const day = shanghaiDay(12)
    const customers = await Promise.all(Array.from({ length: 10 }, (_, i) => customerOf(s, `racer-${i}`)))
    const results = await Promise.allSettled(customers.map((c) => s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00') }, c.token)))
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost.map((r) => r.reason.code)).toEqual(Array(9).fill('SLOT_TAKEN'))
    expect(lost[0]!.reason.details.nextFreeTimes[0]).toBe(at(day, '12:30'))
  })

  it('gives a chosen photographer to exactly one of two customers booking her at once, at the same or an overlapping time (20 races)', async () => {
    // An outdoor session (外景) needs a photographer and nothing else: only she stands between the two bookings.
    const s = await bookableStudio(deps, { photographers: 2 })
    const outdoor = await s.ops.call('catalog.createPackage', samplePackage([s.branchId], { name: '外景跟拍', resources: ['photographer'] }), s.manager)
    const chosen = s.photographers[0]!.id
    const [amy, bob] = await Promise.all([customerOf(s, 'amy'), customerOf(s, 'bob')])
    for (let round = 0; round < 20; round++) {
      const day = shanghaiDay(10 + round)
      // Even rounds both at 10:00; odd ones 10:00 and 11:00, which share an hour of her.
      const times = round % 2 === 0 ? ['10:00', '10:00'] : ['10:00', '11:00']
      const results = await Promise.allSettled(
        [amy, bob].map((c, i) => s.ops.call('bookings.book', { packageId: outdoor.id, branchId: s.branchId, startsAt: at(day, times[i]!), photographerId: chosen }, c.token)),
      )
      const won = results.filter((r) => r.status === 'fulfilled')
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      expect(won).toHaveLength(1)
      expect(lost.map((r) => r.reason.code)).toEqual(['SLOT_TAKEN'])
      expect(won[0]!.value.photographerId).toBe(chosen)
      // Her day holds the one shoot; the other photographer was free all along.
      const branchDay = await s.ops.call('schedules.branchDay', { branchId: s.branchId, date: day }, s.manager)
      expect(branchDay.items.filter((a: { photographerId?: string; status: string }) => a.photographerId === chosen && a.status === 'held')).toHaveLength(1)
    }
    // A package with no photographer cannot have one chosen: she would be neither held nor booked.
    const studioOnly = await s.ops.call('catalog.createPackage', samplePackage([s.branchId], { name: '证件照', resources: ['room'] }), s.manager)
    await expect(
      s.ops.call('bookings.book', { packageId: studioOnly.id, branchId: s.branchId, startsAt: at(shanghaiDay(31), '10:00'), photographerId: chosen }, amy.token),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'photographerId', message: 'is not needed by this package' }] } })
  }, 120_000)

  it('refuses a chosen photographer on leave or on her day off, and books the other one when the studio chooses', async () => {
    const s = await bookableStudio(deps, { photographers: 2, rooms: 2 })
    const [away, other] = s.photographers.map((p) => p.id)
    const [leaveDay, dayOff] = [shanghaiDay(9), shanghaiDay(11)]
    await s.ops.call('staffSchedules.save', { staffId: away, daysOff: [dayOff], leave: [{ startsAt: at(leaveDay, '08:00'), endsAt: at(leaveDay, '20:00'), reason: '病假' }] }, s.manager)
    const amy = await customerOf(s, 'amy')
    for (const day of [leaveDay, dayOff]) {
      const request = { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00') }
      expect(await s.ops.outcome('bookings.book', { ...request, photographerId: away }, amy.token)).toBe('SLOT_TAKEN')
      expect((await s.ops.call('bookings.book', request, amy.token)).photographerId).toBe(other)
    }
  })

  it('assigns the least-booked free photographer when the customer lets the studio choose', async () => {
    const s = await bookableStudio(deps, { photographers: 2, rooms: 2 })
    const day = shanghaiDay(14)
    const amy = await customerOf(s, 'amy')
    const first = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '09:00'), photographerId: s.photographers[0]!.id }, amy.token)
    const second = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '14:00') }, amy.token)
    expect(first.photographerId).toBe(s.photographers[0]!.id)
    expect(second.photographerId).toBe(s.photographers[1]!.id)
  })

  it('holds the slot for 15 minutes; after that the slot is free again and the sweep expires the hold', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const day = shanghaiDay(16)
    const [amy, bob] = await Promise.all([customerOf(s, 'amy'), customerOf(s, 'bob')])
    const held = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00') }, amy.token)
    expect(held).toMatchObject({ status: 'held' })
    expect(Date.parse(held.holdExpiresAt) - Date.parse(held.createdAt)).toBe(15 * 60_000)
    expect(await s.ops.outcome('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00') }, bob.token)).toBe('SLOT_TAKEN')

    const later = new Date(Date.now() + 16 * 60_000)
    const taken = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00') }, bob.token, { now: later })
    expect(taken.status).toBe('held')
    expect((await releaseExpiredHolds(deps, later)).released).toBeGreaterThanOrEqual(1)
    const [amyAfter] = (await s.ops.call('bookings.mine', {}, amy.token)).items
    expect(amyAfter.status).toBe('expired')
    expect(await s.ops.outcome('bookings.confirm', { appointmentId: held.id }, s.manager)).toBe('PRECONDITION_FAILED')
    // Bob's hold is untouched by the sweep of Amy's.
    expect((await s.ops.call('bookings.mine', {}, bob.token)).items[0].status).toBe('held')
  })

  it('keeps a confirmed booking after the hold time, and re-takes a lapsed hold nobody else took', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const day = shanghaiDay(18)
    const amy = await customerOf(s, 'amy')
    const held = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00') }, amy.token)
    const later = new Date(Date.now() + 20 * 60_000)
    const confirmed = await s.ops.call('bookings.confirm', { appointmentId: held.id }, s.manager, { now: later })
    expect(confirmed.status).toBe('confirmed')
    await releaseExpiredHolds(deps, new Date(Date.now() + 60 * 60_000))
    const bob = await customerOf(s, 'bob')
    expect(await s.ops.outcome('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00') }, bob.token, { now: new Date(Date.now() + 60 * 60_000) })).toBe('SLOT_TAKEN')
  })

  it('lets reception book a walk-in for today, inside the minimum notice, but never over another booking', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const day = shanghaiDay(1)
    const morning = { now: new Date(`${day}T07:00:00+08:00`) }
    const reception = (await s.ops.call('auth.staffSignIn', { studioCode: s.studio.code, username: 'reception', password: 'correct-horse-battery' }, undefined, morning)).token
    const walkIn = await s.ops.call('customers.create', { name: 'Walk In', phone: '13912340000' }, reception, morning)
    const amy = await customerOf(s, 'amy')
    expect(await s.ops.outcome('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '09:00') }, amy.token, morning)).toBe('VALIDATION_FAILED')
    const booked = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '09:00'), customerId: walkIn.id }, reception, morning)
    expect(booked.customerId).toBe(walkIn.id)
    expect(await s.ops.outcome('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00'), customerId: walkIn.id }, reception, morning)).toBe('SLOT_TAKEN')
  })

  it('refuses bad times and unknown things clearly', async () => {
    const s = await bookableStudio(deps)
    const amy = await customerOf(s, 'amy')
    const day = shanghaiDay(20)
    const bookAt = (startsAt: string, extra: object = {}) => s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt, ...extra }, amy.token)
    await expect(bookAt(at(day, '10:15'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'startsAt', message: 'must be on the 30-minute grid' }] } })
    await expect(bookAt(at(shanghaiDay(-1), '10:00'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'startsAt', message: 'must be in the future' }] } })
    await expect(bookAt(at(shanghaiDay(200), '10:00'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'startsAt', message: 'must be within 180 days' }] } })
    await expect(bookAt(at(day, '20:00'))).rejects.toMatchObject({ code: 'SLOT_TAKEN' })
    await expect(bookAt(at(day, '10:00'), { packageId: '01J00000000000000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(bookAt(at(day, '10:00'), { branchId: '01J00000000000000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const other = await customerOf(s, 'other')
    await expect(bookAt(at(day, '10:00'), { customerId: other.principal.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('changing a booking', () => {
  it('moves a booking by half an hour onto cells it already holds, and refuses a taken time', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const day = shanghaiDay(21)
    const [amy, bob] = await Promise.all([customerOf(s, 'amy'), customerOf(s, 'bob')])
    const mine = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '09:00') }, amy.token)
    await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '15:00') }, bob.token)
    const moved = await s.ops.call('bookings.reschedule', { appointmentId: mine.id, startsAt: at(day, '09:30') }, amy.token)
    expect(moved).toMatchObject({ startsAt: at(day, '09:30'), version: 2 })
    expect(await s.ops.outcome('bookings.reschedule', { appointmentId: mine.id, startsAt: at(day, '13:00') }, amy.token)).toBe('SLOT_TAKEN')
    const slots = await s.ops.call('bookings.availability', { packageId: s.pkg.id, branchId: s.branchId, from: day, to: day }, bob.token)
    expect(slots.slots.map((x: { time: string }) => x.time)).not.toContain('09:00')
    expect(slots.slots.map((x: { time: string }) => x.time)).toContain('12:00')
    expect(await s.ops.outcome('bookings.reschedule', { appointmentId: mine.id, startsAt: at(day, '12:00') }, bob.token)).toBe('NOT_FOUND')
  })

  it('cancels with the refund the policy allows on the deposit as booked, and frees the slot; after the cutoff only a manager may', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const day = shanghaiDay(10)
    const amy = await customerOf(s, 'amy')
    const reception = await s.sign('reception')
    const a = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00') }, amy.token)
    // The deposit is paid at the desk.
    await s.ops.call('payments.recordOffline', { orderId: a.orderId, requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: 99950 }, reception)
    // A later price change does not alter what this booking was sold at.
    const { id: _id, depositFen: _d, active: _a, sortOrder: _s, version, createdAt: _c, updatedAt: _u, ...fields } = s.pkg
    await s.ops.call('catalog.updatePackage', { ...fields, packageId: s.pkg.id, version, priceFen: 299900 }, s.manager)
    const cancelled = await s.ops.call('bookings.cancel', { appointmentId: a.id, reason: 'moving abroad' }, amy.token)
    expect(cancelled.cancellation).toMatchObject({ refundPercent: 100, refundDueFen: 99950 })
    expect(await s.ops.outcome('bookings.cancel', { appointmentId: a.id }, amy.token)).toBe('PRECONDITION_FAILED')

    const soon = shanghaiDay(1)
    const b = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(soon, '15:00'), customerId: amy.principal.id }, reception)
    await s.ops.call('bookings.confirm', { appointmentId: b.id }, s.manager)
    expect(await s.ops.outcome('bookings.cancel', { appointmentId: b.id }, amy.token)).toBe('PRECONDITION_FAILED')
    expect(await s.ops.outcome('bookings.cancel', { appointmentId: b.id }, reception)).toBe('PRECONDITION_FAILED')
    const byManager = await s.ops.call('bookings.cancel', { appointmentId: b.id }, s.manager)
    expect(byManager.cancellation.refundPercent).toBe(0)
    const again = await s.ops.call('bookings.availability', { packageId: s.pkg.id, branchId: s.branchId, from: day, to: day }, amy.token)
    expect(again.slots.map((x: { time: string }) => x.time)).toContain('10:00')
  })
})

describe('schedules and reminders', () => {
  it('shows a photographer their day and reception the branch day; sends each reminder once', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const day = shanghaiDay(2)
    const amy = await customerOf(s, 'amy')
    const reception = await s.sign('reception')
    const booked = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '11:00'), remindCustomer: true, notes: '想拍复古风' }, amy.token)
    await s.ops.call('bookings.confirm', { appointmentId: booked.id }, s.manager)

    const photographer = await s.sign('photographer')
    const myDay = await s.ops.call('schedules.mine', { date: day }, photographer)
    expect(myDay.items).toEqual([expect.objectContaining({ id: booked.id, customerName: 'amy', packageName: 'Two-hour portrait', notes: '想拍复古风' })])
    const branch = await s.ops.call('schedules.branchDay', { branchId: s.branchId, date: day }, reception)
    expect(branch.items.map((a: { id: string }) => a.id)).toEqual([booked.id])
    expect(branch.items[0]).toMatchObject({ photographerName: 'photographer', makeupArtistName: 'makeup', roomName: 'Studio 1' })

    const eve = new Date(`${shanghaiDay(1)}T10:05:00+08:00`)
    const sender = new SimulatedSubscribeMessages()
    const runs = await Promise.all([sendShootReminders(deps, sender, eve), sendShootReminders(deps, sender, eve)])
    expect(runs[0]!.sent + runs[1]!.sent).toBe(1)
    expect((await sendShootReminders(deps, sender, eve)).sent).toBe(0)
    const outbox = await s.ops.call('reminders.outbox', {}, s.manager)
    expect(outbox.items.filter((m: { appointmentId: string }) => m.appointmentId === booked.id)).toHaveLength(1)
    expect(outbox.simulated).toBe(true)
  })

  it('moves a confirmed booking’s reminder with it when it is rescheduled', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const amy = await customerOf(s, 'amy')
    const booked = await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(shanghaiDay(3), '11:00'), remindCustomer: true }, amy.token)
    await s.ops.call('bookings.confirm', { appointmentId: booked.id }, s.manager)
    await s.ops.call('bookings.reschedule', { appointmentId: booked.id, startsAt: at(shanghaiDay(6), '11:00') }, amy.token)
    const sender = new SimulatedSubscribeMessages()
    const sentFor = async () => (await s.ops.call('reminders.outbox', {}, s.manager)).items.filter((m: { appointmentId: string }) => m.appointmentId === booked.id).length
    // The eve of the old date passes without a reminder; the eve of the new one brings it.
    await sendShootReminders(deps, sender, new Date(`${shanghaiDay(2)}T10:05:00+08:00`))
    expect(await sentFor()).toBe(0)
    await sendShootReminders(deps, sender, new Date(`${shanghaiDay(5)}T10:05:00+08:00`))
    expect(await sentFor()).toBe(1)
  })
})
