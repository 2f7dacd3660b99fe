import { bookableStudioOverHttp, freeSlots } from '../support/bookable'
import { shanghaiDay } from '../support/booking'
import { http, ok, signIn, signInCustomer } from '../support/http'

/**
 * The photographer and makeup artist work a shoot without its money: their schedule and the shoot
 * page's answer carry when, who, what and its state, never an amount — not even the refund of a
 * cancelled shoot. The manager opening the same shoot still sees it.
 */
let setup: Awaited<ReturnType<typeof bookableStudioOverHttp>>
let crew: Record<'photographer' | 'makeup', string>

beforeAll(async () => {
  setup = await bookableStudioOverHttp('光影婚纱摄影', '旅拍套系')
  crew = { photographer: await signIn(setup.studio.code, 'photographer'), makeup: await signIn(setup.studio.code, 'makeup') }
}, 120_000)

/** Every key in an answer, however deep, that names money: amounts in fen and the refund's share. */
function moneyKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => moneyKeys(item, `${path}[${i}]`))
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]) => [...(/(Fen|Percent)$/.test(key) ? [`${path}.${key}`] : []), ...moneyKeys(inner, `${path}.${key}`)])
}

/** A customer's booking, its deposit paid by WeChat Pay (confirmed), a few days ahead. */
async function paidBooking(nickname: string) {
  const customer = await signInCustomer(setup.studio.code, nickname)
  const slot = (await freeSlots(customer.token, setup.pkg.id, setup.branchId)).find((s) => s.date >= shanghaiDay(3))!
  const booked = ok(await http('POST', '/bookings', { token: customer.token, body: { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: slot.startsAt, notes: '带两套礼服' } }), 'booking')
  const charge = ok(await http('POST', `/orders/${booked.orderId}/wechat-pay`, { token: customer.token, body: { kind: 'deposit' } }), 'prepay')
  ok(await http('POST', `/orders/${booked.orderId}/wechat-pay/${charge.outTradeNo}/simulate`, { token: customer.token, body: {} }), 'payment')
  return { customer, booked, date: slot.date as string }
}

describe('the money of a shoot, by role', () => {
  it('answers the photographer and the makeup artist their schedule with no amount in it', async () => {
    const { booked, date } = await paidBooking('周小姐')
    for (const [role, token] of Object.entries(crew)) {
      const schedule = ok(await http('GET', `/me/schedule?date=${date}`, { token }), `${role}'s schedule`)
      const shoot = schedule.items.find((a: { id: string }) => a.id === booked.id)
      expect(shoot).toMatchObject({ status: 'confirmed', customerName: '周小姐', packageName: '旅拍套系', notes: '带两套礼服' })
      expect(moneyKeys(schedule)).toEqual([])
    }
  })

  it('shows a cancelled shoot to the photographer and the makeup artist without its refund, and to the manager with it', async () => {
    const { customer, booked } = await paidBooking('吴先生')
    const cancelled = ok(await http('POST', `/bookings/${booked.id}/cancel`, { token: customer.token, body: { reason: '行程有变' } }), 'cancel')
    // The policy gives back part of the deposit: there is a refund to hide.
    expect(cancelled.cancellation.refundDueFen).toBeGreaterThan(0)

    for (const [role, token] of Object.entries(crew)) {
      const shoot = ok(await http('GET', `/shoots/${booked.id}`, { token }), `${role}'s shoot`)
      // Everything to work (or not work) the shoot: when, who, what, the notes and that it is off.
      expect(shoot.appointment).toMatchObject({ id: booked.id, status: 'cancelled', customerName: '吴先生', packageName: '旅拍套系', startsAt: booked.startsAt, notes: '带两套礼服' })
      expect(shoot.appointment.cancellation).toMatchObject({ reason: '行程有变', at: cancelled.cancellation.at })
      expect(shoot.order).toMatchObject({ id: booked.orderId, stage: 'cancelled' })
      expect(moneyKeys(shoot)).toEqual([])
    }

    const managers = ok(await http('GET', `/shoots/${booked.id}`, { token: setup.manager }), "the manager's shoot")
    expect(managers.appointment.cancellation).toMatchObject({ refundDueFen: cancelled.cancellation.refundDueFen, refundPercent: cancelled.cancellation.refundPercent, reason: '行程有变' })
  })

  it('keeps the refund from a photographer who also retouches, and shows it to one who also works at reception', async () => {
    const { customer, booked } = await paidBooking('郑女士')
    const cancelled = ok(await http('POST', `/bookings/${booked.id}/cancel`, { token: customer.token, body: { reason: '改期到明年' } }), 'cancel')
    expect(cancelled.cancellation.refundDueFen).toBeGreaterThan(0)
    const admin = await signIn(setup.studio.code, 'admin')
    const withRoles = async (roles: string[]) => {
      const member = ok(await http('GET', `/staff/${setup.studio.staff.photographer!.id}`, { token: admin }), 'photographer')
      ok(await http('PATCH', `/staff/${member.id}`, { token: admin, body: { version: member.version, roles } }), `roles ${roles.join('+')}`)
      const token = await signIn(setup.studio.code, 'photographer')
      return ok(await http('GET', `/shoots/${booked.id}`, { token }), `the shoot as ${roles.join('+')}`)
    }

    const retouching = await withRoles(['photographer', 'retoucher'])
    expect(retouching.appointment.cancellation).toMatchObject({ reason: '改期到明年' })
    expect(moneyKeys(retouching)).toEqual([])

    const atReception = await withRoles(['photographer', 'reception'])
    expect(atReception.appointment.cancellation).toMatchObject({ refundDueFen: cancelled.cancellation.refundDueFen, reason: '改期到明年' })
    await withRoles(['photographer'])
  })
})
