import { ulid } from 'ulid'
import type { AppDeps } from '../../functions/api/implementations'
import { at, bookableStudio, shanghaiDay } from '../support/booking'
import { isolatedTable } from '../support/studio'

/**
 * Figures that need time to pass, with the clock of the test's choosing: what customers owe by
 * days since their shoot (0–30, 31–60, 61–90, over 90), and a photographer's utilisation — the
 * booked hours of their working hours.
 */
describe('receivables by age and staff utilisation, to the fen and the basis point', () => {
  let s: Awaited<ReturnType<typeof bookableStudio>>
  let reception: string
  let photographer: string
  let admin: string
  const today = shanghaiDay(0)

  /** An order opened, its 50 % deposit taken and its shoot done `daysAgo` days ago, 10:00 studio time. */
  async function shotDaysAgo(daysAgo: number) {
    const now = new Date(at(shanghaiDay(-daysAgo), '10:00'))
    const customer = await s.ops.call('customers.create', { name: `客户${daysAgo}`, phone: `1390000${String(daysAgo).padStart(4, '0')}`, source: 'referral', tags: [] }, reception, { now })
    const order = await s.ops.call('orders.create', { requestId: ulid(), customerId: customer.id, packageId: s.pkg.id, branchId: s.branchId }, reception, { now })
    await s.ops.call('payments.recordOffline', { orderId: order.id, requestId: ulid(), kind: 'deposit', method: 'card', amountFen: order.depositFen }, reception, { now })
    await s.ops.call('orders.advance', { orderId: order.id, from: 'confirmed', to: 'shot' }, photographer, { now: new Date(now.getTime() + 3_600_000) })
    return { ...order, customerId: customer.id }
  }

  beforeAll(async () => {
    let deps: AppDeps
    ;({ deps } = await isolatedTable())
    s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    ;[reception, photographer, admin] = await Promise.all([s.sign('reception'), s.sign('photographer'), s.sign('admin')])
  }, 120_000)

  it('ages what is owed by days since the shoot: 10, 45, 75 and 100 days ago fall in one bucket each', async () => {
    for (const daysAgo of [10, 45, 75, 100]) await shotDaysAgo(daysAgo)
    // ¥1,999.00 packages, half paid: ¥999.50 owed on each.
    const { now } = await s.ops.call('reports.receivables', { from: today, to: today, branchId: s.branchId }, admin)
    expect(now).toEqual({
      asOf: today,
      byAge: [
        { age: '0-30', orders: 1, balanceFen: 99_950 },
        { age: '31-60', orders: 1, balanceFen: 99_950 },
        { age: '61-90', orders: 1, balanceFen: 99_950 },
        { age: '90+', orders: 1, balanceFen: 99_950 },
      ],
      balanceFen: 399_800,
      orders: 4,
      readyWithBalance: { orders: 0, balanceFen: 0 },
    })
    const all = await s.ops.call('reports.receivables', { from: today, to: today }, admin)
    expect(all.now.balanceFen).toBe(399_800)
  })

  it('a photographer booked two hours of a nine-hour day is 22.22 % utilised; a day off is not working time', async () => {
    const day = shanghaiDay(3)
    const customer = await s.ops.call('customers.create', { name: '宋小姐', phone: '13900009999', source: 'wechat', tags: [] }, reception)
    const order = await s.ops.call('orders.create', { requestId: ulid(), customerId: customer.id, packageId: s.pkg.id, branchId: s.branchId }, reception)
    await s.ops.call('payments.recordOffline', { orderId: order.id, requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen }, reception)
    await s.ops.call('bookings.book', { packageId: s.pkg.id, branchId: s.branchId, startsAt: at(day, '10:00'), orderId: order.id, customerId: customer.id }, reception)
    const staff = async (from: string, to: string) => (await s.ops.call('reports.staff', { from, to, branchId: s.branchId }, admin)).current.staff
    const person = (list: { staffId: string }[]) => list.find((p) => p.staffId === s.photographers[0]!.id)
    expect(person(await staff(day, day))).toMatchObject({ role: 'photographer', bookedMinutes: 120, workingMinutes: 540, utilisationBp: 2_222 })
    // Over two days, the second free: 120 of 1,080 minutes.
    expect(person(await staff(day, shanghaiDay(4)))).toMatchObject({ bookedMinutes: 120, workingMinutes: 1_080, utilisationBp: 1_111 })
  })
})
