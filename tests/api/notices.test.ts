import { http, ok, signIn, signInCustomer } from '../support/http'
import { TEST_PASSWORD } from '../support/constants'
import { moveOrder, uploadPhotos } from '../support/orders'
import { studioWithCustomers } from '../support/customer-orders'

let studio: Awaited<ReturnType<typeof studioWithCustomers>>
let setup: typeof studio.setup
let staff: typeof studio.staff
const shotOrder = (nickname: string) => studio.shotOrder(nickname)

beforeAll(async () => {
  studio = await studioWithCustomers('通知测试影楼', '轻婚纱')
  setup = studio.setup
  staff = studio.staff
})

const consent = (token: string, orderId: string, kinds: string[]) => http('PUT', `/orders/${orderId}/notices`, { token, body: { kinds } })

/** The outbox messages about one order, by template. */
async function sentAbout(orderId: string): Promise<string[]> {
  const { items } = ok(await http('GET', '/reminders/outbox?limit=100', { token: setup.manager }), 'outbox')
  return (items as { orderId?: string; template: string }[]).filter((m) => m.orderId === orderId).map((m) => m.template).sort()
}

describe('telling the customer about their order', () => {
  it('tells a customer who tapped consent once each: photos to select, the design to review, the order to pick up — and not again after a redo', async () => {
    const { customer, orderId, proofId } = await shotOrder('小陈')
    const answer = await consent(customer.token, orderId, ['photos-ready', 'design-ready', 'pickup-ready'])
    expect(answer.status).toBe(200)
    expect(answer.body.simulated).toBe(true)
    expect(answer.body.items.map((i: { consented: boolean }) => i.consented)).toEqual([true, true, true])

    await moveOrder(staff.photographer, orderId, 'shot', 'selecting')
    expect(await sentAbout(orderId)).toEqual(['photos-ready'])
    ok(await http('POST', `/orders/${orderId}/selection/confirm`, { token: customer.token, body: { photoIds: [proofId] } }), 'selection')
    await moveOrder(staff.retoucher, orderId, 'retouching', 'designing')
    await uploadPhotos(staff.retoucher, orderId, 'design', 1)
    await moveOrder(staff.retoucher, orderId, 'designing', 'proofing')
    expect(await sentAbout(orderId)).toEqual(['design-ready', 'photos-ready'])

    // A revision brings the design back for review: the customer agreed to one message, and had it.
    ok(await http('POST', `/orders/${orderId}/proof`, { token: customer.token, body: { decision: 'revise', comment: '第二页换一张' } }), 'revise')
    await moveOrder(staff.retoucher, orderId, 'designing', 'proofing')
    expect(await sentAbout(orderId)).toEqual(['design-ready', 'photos-ready'])

    ok(await http('POST', `/orders/${orderId}/proof`, { token: customer.token, body: { decision: 'approve' } }), 'approve')
    ok(await http('POST', `/orders/${orderId}/lab`, { token: staff.reception }), 'lab')
    await moveOrder(staff.reception, orderId, 'producing', 'ready')
    expect(await sentAbout(orderId)).toEqual(['design-ready', 'photos-ready', 'pickup-ready'])

    // A redo and the order ready again: no second pick-up message.
    ok(await http('POST', `/orders/${orderId}/redo`, { token: staff.reception, body: { from: 'ready', materials: [], note: '封面压痕重做' } }), 'redo')
    ok(await http('POST', `/orders/${orderId}/lab`, { token: staff.reception }), 'lab again')
    await moveOrder(staff.reception, orderId, 'producing', 'ready')
    expect(await sentAbout(orderId)).toEqual(['design-ready', 'photos-ready', 'pickup-ready'])

    const shown = ok(await http('GET', `/orders/${orderId}/notices`, { token: customer.token }), 'notices')
    expect(shown.items.every((i: { sentAt?: string }) => typeof i.sentAt === 'string')).toBe(true)
  }, 60_000)

  it('shows a branch’s messages to its own manager and every branch’s to the admin, none to another branch’s manager', async () => {
    const { customer, orderId } = await shotOrder('小分')
    ok(await consent(customer.token, orderId, ['photos-ready']), 'consent')
    await moveOrder(staff.photographer, orderId, 'shot', 'selecting')
    const outboxOf = async (token: string) => (ok(await http('GET', '/reminders/outbox?limit=100', { token }), 'outbox').items as { orderId?: string }[]).map((m) => m.orderId)
    const admin = await signIn(setup.studio.code, 'admin')
    expect(await outboxOf(setup.manager)).toContain(orderId)
    expect(await outboxOf(admin)).toContain(orderId)
    // A manager of the branch the orders are not in (the test studio's branches come in either order).
    const other = (ok(await http('GET', '/branches', { token: admin }), 'branches').items as { id: string }[]).find((b) => b.id !== setup.branchId)!
    ok(await http('POST', '/staff', { token: admin, body: { username: 'other-manager', displayName: '分店店长', password: TEST_PASSWORD, roles: ['manager'], branchId: other.id } }), 'other manager')
    expect(await outboxOf(await signIn(setup.studio.code, 'other-manager'))).toEqual([])
  }, 60_000)

  it('sends nothing to a customer who did not consent, nor for a kind they left out', async () => {
    const { customer, orderId, proofId } = await shotOrder('小郑')
    expect((await consent(customer.token, orderId, ['pickup-ready'])).status).toBe(200)
    await moveOrder(staff.photographer, orderId, 'shot', 'selecting')
    ok(await http('POST', `/orders/${orderId}/selection/confirm`, { token: customer.token, body: { photoIds: [proofId] } }), 'selection')
    await moveOrder(staff.retoucher, orderId, 'retouching', 'designing')
    await uploadPhotos(staff.retoucher, orderId, 'design', 1)
    await moveOrder(staff.retoucher, orderId, 'designing', 'proofing')
    expect(await sentAbout(orderId)).toEqual([])
    const shown = ok(await http('GET', `/orders/${orderId}/notices`, { token: customer.token }), 'notices')
    expect(shown.items).toEqual([
      { kind: 'photos-ready', consented: false },
      { kind: 'design-ready', consented: false },
      { kind: 'pickup-ready', consented: true },
    ])
  }, 60_000)

  it('tells once when the same stage move is sent twice at once, or retried after it went through', async () => {
    const { customer, orderId } = await shotOrder('小冯')
    ok(await consent(customer.token, orderId, ['photos-ready']), 'consent')
    const moves = await Promise.all([1, 2, 3].map(() => http('POST', `/orders/${orderId}/advance`, { token: staff.photographer, body: { from: 'shot', to: 'selecting' } })))
    expect(moves.filter((m) => m.status === 200)).toHaveLength(1)
    const retried = await http('POST', `/orders/${orderId}/advance`, { token: staff.photographer, body: { from: 'shot', to: 'selecting' } })
    expect(retried.status).not.toBe(200)
    expect(await sentAbout(orderId)).toEqual(['photos-ready'])
    // Consenting again after the message went out sends nothing more.
    ok(await consent(customer.token, orderId, ['photos-ready']), 'consent again')
    expect(await sentAbout(orderId)).toEqual(['photos-ready'])
  }, 60_000)

  it('lets only the order’s own customer see or give consent, and refuses kinds it does not know', async () => {
    const { orderId } = await shotOrder('小褚')
    const stranger = await signInCustomer(setup.studio.code, '路人')
    expect((await http('GET', `/orders/${orderId}/notices`, { token: stranger.token })).status).toBe(404)
    expect((await consent(stranger.token, orderId, ['photos-ready'])).status).toBe(404)
    expect((await consent(setup.manager, orderId, ['photos-ready'])).status).toBe(403)
    expect((await http('GET', `/orders/${orderId}/notices`)).status).toBe(401)
    const owner = await signInCustomer(setup.studio.code, '小褚')
    expect((await consent(owner.token, orderId, ['birthday'])).status).toBe(400)
    expect((await consent(owner.token, orderId, [])).status).toBe(400)
    const shown = ok(await http('GET', `/orders/${orderId}/notices`, { token: owner.token }), 'notices')
    expect(shown.items.some((i: { consented: boolean }) => i.consented)).toBe(false)
  }, 60_000)
})
