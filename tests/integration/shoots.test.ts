import type { AppDeps } from '../../functions/api/implementations'
import { at, bookableStudio, shanghaiDay } from '../support/booking'
import { bookedShoot, signInAt } from '../support/shoots'
import { isolatedTable } from '../support/studio'

let deps: AppDeps
beforeAll(async () => {
  ;({ deps } = await isolatedTable())
})

const onDay = (day: string, time = '08:30') => ({ now: new Date(at(day, time)) })
/** Signed in on the shoot's day, for calls made with that clock. */
const staffOn = (s: Parameters<typeof signInAt>[0], username: string, day: string) => signInAt(s, username, onDay(day, '06:00').now)

describe('a shoot as the photographer works it', () => {
  it('shows the customer and their phone, package, room, makeup artist, and the order’s and the booking’s notes', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const day = shanghaiDay(5)
    const shoot = await bookedShoot(s, { day, name: '林小姐', phone: '13900001111', orderNotes: '新娘对花粉过敏', appointmentNotes: '带两套自己的衣服' })
    const photographer = await staffOn(s, 'photographer', day)
    const seen = await s.ops.call('shoots.get', { appointmentId: shoot.appointmentId }, photographer, onDay(day))
    expect(seen).toMatchObject({
      customerPhone: '13900001111',
      order: { id: shoot.orderId, stage: 'confirmed', notes: '新娘对花粉过敏' },
      appointment: { customerName: '林小姐', notes: '带两套自己的衣服', roomName: 'Studio 1', makeupArtistName: 'makeup', packageName: s.pkg.name },
      date: day,
      dayReached: true,
      timeZone: 'Asia/Shanghai',
    })
    // The day's list carries the phone too, to call from the row.
    const myDay = await s.ops.call('schedules.mine', { date: day }, photographer, onDay(day))
    expect(myDay.items.map((item: { customerPhone?: string }) => item.customerPhone)).toEqual(['13900001111'])
  })

  it('refuses to mark a shoot shot before its day and changes nothing; on the day the order moves confirmed → shot once', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const day = shanghaiDay(6)
    const shoot = await bookedShoot(s, { day, name: '周先生', phone: '13900002222' })
    const dayBefore = { now: new Date(Date.parse(at(day, '23:30')) - 86_400_000) }
    const photographerEarly = await signInAt(s, 'photographer', dayBefore.now)
    const early = await s.ops.call('shoots.get', { appointmentId: shoot.appointmentId }, photographerEarly, dayBefore)
    expect(early.dayReached).toBe(false)
    expect(await s.ops.outcome('shoots.markShot', { appointmentId: shoot.appointmentId }, photographerEarly, dayBefore)).toBe('PRECONDITION_FAILED')
    const photographer = await staffOn(s, 'photographer', day)
    expect((await s.ops.call('orders.get', { orderId: shoot.orderId }, s.manager)).order.stage).toBe('confirmed')

    const marked = await s.ops.call('shoots.markShot', { appointmentId: shoot.appointmentId }, photographer, onDay(day, '07:00'))
    expect(marked.order.stage).toBe('shot')
    expect(await s.ops.outcome('shoots.markShot', { appointmentId: shoot.appointmentId }, photographer, onDay(day, '07:01'))).toBe('ILLEGAL_TRANSITION')
    const { order } = await s.ops.call('orders.get', { orderId: shoot.orderId }, s.manager)
    expect(order.timeline.filter((event: { stage: string }) => event.stage === 'shot')).toHaveLength(1)
    expect(order.timeline.at(-1).by).toMatchObject({ role: 'photographer' })
  })

  it('moves the order once when the photographer taps twice at the same instant', async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const day = shanghaiDay(7)
    const shoot = await bookedShoot(s, { day, name: '吴小姐', phone: '13900003333' })
    const photographer = await staffOn(s, 'photographer', day)
    const taps = await Promise.allSettled([0, 1].map(() => s.ops.call('shoots.markShot', { appointmentId: shoot.appointmentId }, photographer, onDay(day))))
    expect(taps.filter((tap) => tap.status === 'fulfilled')).toHaveLength(1)
    const { order } = await s.ops.call('orders.get', { orderId: shoot.orderId }, s.manager)
    expect(order.stage).toBe('shot')
    expect(order.timeline.filter((event: { stage: string }) => event.stage === 'shot')).toHaveLength(1)
  })

  it('lets the makeup artist read but not mark it, and shows it to no one else: another photographer, reception, a customer, the other branch', async () => {
    const s = await bookableStudio(deps, { photographers: 2, rooms: 1 })
    const day = shanghaiDay(8)
    const shoot = await bookedShoot(s, { day, name: '郑小姐', phone: '13900004444' })
    const ref = { appointmentId: shoot.appointmentId }
    const makeup = await staffOn(s, 'makeup', day)
    const customer = (await s.ops.call('auth.wechatSignIn', { studioCode: s.studio.code, code: 'dev:someone', nickname: 'someone' }, undefined, onDay(day, '06:00'))).token
    expect(await s.ops.outcome('shoots.get', ref, makeup, onDay(day))).toBe('OK')
    expect(await s.ops.outcome('shoots.markShot', ref, makeup, onDay(day))).toBe('FORBIDDEN')
    expect(await s.ops.outcome('shoots.get', ref, await staffOn(s, 'photographer1', day), onDay(day))).toBe('NOT_FOUND')
    expect(await s.ops.outcome('shoots.markShot', ref, await staffOn(s, 'photographer1', day), onDay(day))).toBe('NOT_FOUND')
    expect(await s.ops.outcome('shoots.get', ref, await staffOn(s, 'reception', day), onDay(day))).toBe('FORBIDDEN')
    expect(await s.ops.outcome('shoots.get', ref, customer, onDay(day))).toBe('FORBIDDEN')
    expect(await s.ops.outcome('shoots.markShot', ref, await staffOn(s, 'manager2', day), onDay(day))).toBe('NOT_FOUND')
    expect((await s.ops.call('orders.get', { orderId: shoot.orderId }, s.manager)).order.stage).toBe('confirmed')
    // The branch's manager may mark it for the photographer.
    expect((await s.ops.call('shoots.markShot', ref, await staffOn(s, 'manager', day), onDay(day))).order.stage).toBe('shot')
  })
})
