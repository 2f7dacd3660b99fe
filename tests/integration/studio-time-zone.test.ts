import type { AppDeps } from '../../functions/api/implementations'
import { bookableStudio } from '../support/booking'
import { isolatedTable } from '../support/studio'

let deps: AppDeps
beforeAll(async () => {
  ;({ deps } = await isolatedTable())
})

const dateIn = (timeZone: string, instant: Date) => instant.toLocaleDateString('en-CA', { timeZone })
/** The next whole hour (within a staff session's life) when Shanghai is a day ahead of New York. */
const now = (() => {
  const start = Math.ceil(Date.now() / 3_600_000) * 3_600_000
  const hours = Array.from({ length: 11 }, (_, h) => new Date(start + h * 3_600_000))
  return hours.find((t) => dateIn('Asia/Shanghai', t) !== dateIn('America/New_York', t))!
})()
const shanghai = dateIn('Asia/Shanghai', now)
const newYork = dateIn('America/New_York', now)

describe('the studio’s time zone', () => {
  it('is the studio’s own: the policy shows it, and saving the policy in another zone moves every date the studio reads', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const studioId = s.studio.studio.id
    const today = async () => ({
      policy: (await s.ops.call('booking.getPolicy', {}, s.manager)).timeZone,
      overdue: (await s.ops.call('orders.overdue', {}, s.manager, { now })).asOf,
      followUps: (await s.ops.call('followUps.due', { limit: 10 }, s.manager, { now })).today,
      export: (await s.ops.call('customers.export', {}, s.manager, { now })).filename,
      schedule: (await s.ops.call('schedules.branchDay', { branchId: s.branchId, date: shanghai }, s.manager)).timeZone,
    })
    expect(newYork).not.toBe(shanghai)
    expect(await today()).toEqual({ policy: 'Asia/Shanghai', overdue: shanghai, followUps: shanghai, export: `customers-${shanghai}.csv`, schedule: 'Asia/Shanghai' })

    const policy = await s.ops.call('booking.getPolicy', {}, s.manager)
    await s.ops.call('booking.savePolicy', { ...policy, timeZone: 'America/New_York' }, await s.sign('admin'))

    expect(await today()).toEqual({ policy: 'America/New_York', overdue: newYork, followUps: newYork, export: `customers-${newYork}.csv`, schedule: 'America/New_York' })
    expect((await deps.repo.getStudio(studioId))?.timeZone).toBe('America/New_York')
    // Stored once: the policy item keeps everything but the zone.
    expect(await deps.scheduling.getPolicy(studioId)).toEqual({ ...policy, timeZone: undefined })
    expect(Object.keys((await deps.scheduling.getPolicy(studioId))!)).not.toContain('timeZone')
  })

  it('refuses a zone that does not exist and changes nothing', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const policy = await s.ops.call('booking.getPolicy', {}, s.manager)
    expect(await s.ops.outcome('booking.savePolicy', { ...policy, timeZone: 'Mars/Olympus_Mons' }, await s.sign('admin'))).toBe('VALIDATION_FAILED')
    expect((await deps.repo.getStudio(s.studio.studio.id))?.timeZone).toBe('Asia/Shanghai')
  })
})
