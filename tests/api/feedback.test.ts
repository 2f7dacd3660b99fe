import { studioWithCustomers } from '../support/customer-orders'
import { http, ok, signIn, signInCustomer } from '../support/http'

let studio: Awaited<ReturnType<typeof studioWithCustomers>>
let today: string

beforeAll(async () => {
  studio = await studioWithCustomers('评价测试影楼', '森系写真')
  today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
})

const GOOD = { reception: 5, shoot: 5, makeup: 4, retouching: 5, product: 4 }
const rate = (token: string, orderId: string, body: unknown) => http('POST', `/orders/${orderId}/survey`, { token, body })
const report = (token: string, branchId: string) => http('GET', `/surveys?branchId=${branchId}&from=${today}&to=${today}`, { token })
const dueFollowUps = async () => (ok(await http('GET', '/follow-ups/due', { token: studio.staff.reception }), 'follow-ups').items as { customerId: string; note: string }[])

describe('asking how it went', () => {
  it('lets a customer rate their picked-up order once, crediting each step to who did it', async () => {
    const { customer, orderId } = await studio.completedOrder('小秦')
    const answer = await rate(customer.token, orderId, { scores: GOOD, comment: '化妆师很细心，成片很美' })
    expect(answer.status).toBe(200)
    const people = studio.setup.studio.staff
    expect(answer.body.staff).toEqual({
      reception: { id: people.reception!.id, name: people.reception!.displayName },
      shoot: { id: people.photographer!.id, name: expect.any(String) },
      makeup: { id: people.makeup!.id, name: expect.any(String) },
      retouching: { id: people.retoucher!.id, name: people.retoucher!.displayName },
    })
    expect(answer.body.followUpId).toBeUndefined()

    const again = await rate(customer.token, orderId, { scores: { ...GOOD, product: 1 }, comment: '改主意了' })
    expect(again.status).toBe(409)
    const mine = ok(await http('GET', `/orders/${orderId}/survey`, { token: customer.token }), 'survey')
    expect(mine.survey).toMatchObject({ scores: GOOD, comment: '化妆师很细心，成片很美' })
    expect((await dueFollowUps()).some((f) => f.customerId === customer.id)).toBe(false)
  }, 90_000)

  it('refuses a rating before pick-up, of someone else’s order, from staff, or with scores outside 1–5, and keeps nothing', async () => {
    const { customer, orderId } = await studio.readyOrder('小许')
    expect((await rate(customer.token, orderId, { scores: GOOD })).status).toBe(412)
    const stranger = await signInCustomer(studio.setup.studio.code, '路人甲')
    expect((await rate(stranger.token, orderId, { scores: GOOD })).status).toBe(404)
    expect((await rate(studio.staff.reception, orderId, { scores: GOOD })).status).toBe(403)
    for (const scores of [{ ...GOOD, shoot: 0 }, { ...GOOD, shoot: 6 }, { ...GOOD, shoot: 4.5 }, { reception: 5 }]) {
      expect((await rate(customer.token, orderId, { scores })).status).toBe(400)
    }
    expect((await rate(customer.token, orderId, { scores: GOOD, comment: 'x'.repeat(501) })).status).toBe(400)
    expect(ok(await http('GET', `/orders/${orderId}/survey`, { token: customer.token }), 'survey').survey).toBeUndefined()
  }, 90_000)

  it('asks reception to call back after a low score, once even when the rating is sent twice at once', async () => {
    const { customer, orderId } = await studio.completedOrder('小何')
    const body = { scores: { ...GOOD, retouching: 2, product: 1 }, comment: '相册有划痕' }
    const answers = await Promise.all([rate(customer.token, orderId, body), rate(customer.token, orderId, body)])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    const callBacks = (await dueFollowUps()).filter((f) => f.customerId === customer.id)
    expect(callBacks).toHaveLength(1)
    expect(callBacks[0]!.note).toContain('修图 2/5')
    expect(callBacks[0]!.note).toContain('成品 1/5')
    expect(callBacks[0]!.note).toContain('相册有划痕')
  }, 90_000)

  it('shows the branch’s manager the scores per step and per staff member with the comments; other branches and other roles see none of it', async () => {
    const { setup } = studio
    const shown = ok(await report(setup.manager, setup.branchId), 'report')
    expect(shown.count).toBeGreaterThanOrEqual(2)
    expect(shown.lowScores).toBeGreaterThanOrEqual(1)
    expect(shown.steps.map((s: { step: string }) => s.step)).toEqual(['reception', 'shoot', 'makeup', 'retouching', 'product'])
    const retoucher = shown.staff.find((s: { step: string; staffId: string }) => s.step === 'retouching' && s.staffId === setup.studio.staff.retoucher!.id)
    expect(retoucher).toMatchObject({ count: shown.count })
    expect(retoucher.average).toBeLessThan(5)
    expect(shown.comments.map((c: { comment: string }) => c.comment)).toEqual(expect.arrayContaining(['化妆师很细心，成片很美', '相册有划痕']))
    expect(shown.comments.find((c: { comment: string }) => c.comment === '相册有划痕').lowest).toBe(1)

    const otherBranch = setup.studio.branches.find((b) => b.id !== setup.branchId)!
    expect((await report(setup.manager, otherBranch.id)).status).toBe(403)
    const admin = await signIn(setup.studio.code, 'admin')
    expect(ok(await report(admin, otherBranch.id), 'other branch').count).toBe(0)
    expect((await report(studio.staff.reception, setup.branchId)).status).toBe(403)
    const customer = await signInCustomer(setup.studio.code, '小秦')
    expect((await report(customer.token, setup.branchId)).status).toBe(403)
    expect((await http('GET', `/surveys?branchId=${setup.branchId}&from=${today}&to=2020-01-01`, { token: setup.manager })).status).toBe(400)
  }, 90_000)
})

describe('staff feedback on the app', () => {
  it('takes a short note from any staff member and shows it to the admin only', async () => {
    const sent = await http('POST', '/app-feedback', { token: studio.staff.photographer, body: { text: '排班页希望能按周查看', page: '/schedule/mine/index' } })
    expect(sent.status).toBe(200)
    expect(sent.body.by).toMatchObject({ role: 'photographer' })
    expect((await http('POST', '/app-feedback', { token: studio.staff.photographer, body: { text: ' ' } })).status).toBe(400)
    const customer = await signInCustomer(studio.setup.studio.code, '小秦')
    expect((await http('POST', '/app-feedback', { token: customer.token, body: { text: '顾客也想说两句' } })).status).toBe(403)

    const admin = await signIn(studio.setup.studio.code, 'admin')
    const listed = ok(await http('GET', '/app-feedback', { token: admin }), 'feedback list')
    expect(listed.items[0]).toMatchObject({ text: '排班页希望能按周查看', page: '/schedule/mine/index' })
    expect((await http('GET', '/app-feedback', { token: studio.setup.manager })).status).toBe(403)
  })
})
