import { ulid } from 'ulid'
import { http, ok, signIn, signInCustomer } from '../support/http'
import { packageUsing, type StaffTokens } from '../support/production'
import { orderWithSelection } from '../support/selection'
import { newStudio } from '../support/studio'

/**
 * Post-production over HTTP: the retoucher works from the customer's selection (numbered as on the
 * proof sheet, extras marked, the file names as a CSV) and sees no money in any answer.
 */
let studio: Awaited<ReturnType<typeof newStudio>>
const tokens = {} as StaffTokens & Record<string, string>
let packageId: string

beforeAll(async () => {
  studio = await newStudio()
  for (const username of ['reception', 'photographer', 'retoucher', 'manager', 'finance', 'manager2', 'admin']) tokens[username] = await signIn(studio.code, username)
  // One retouched photo in the package; every further pick is extra (加选).
  packageId = (await packageUsing(tokens, studio.branches[0]!.id, [])).id
})

/** Every money field anywhere in an answer: none for a retoucher. */
const moneyIn = (body: unknown) => [...new Set(JSON.stringify(body).match(/"\w*Fen"/g) ?? [])]

describe('the selected photos for retouching', () => {
  it('lists the confirmed selection numbered as on the proof sheet, the extras marked, and exports the file names as a CSV', async () => {
    // Picked in the order IMG_0003, IMG_0001, IMG_0004: the first is the package's, the other two extra.
    const { orderId } = await orderWithSelection(tokens, packageId, 4, [2, 0, 3])
    const answer = ok(await http('GET', `/orders/${orderId}/selection/photos`, { token: tokens.retoucher }), 'selection')
    expect(answer).toMatchObject({ orderId, customerName: '陈小姐', stage: 'retouching', included: 1 })
    expect(answer.items.map((item: { number: number; name: string; extra: boolean }) => [item.number, item.name, item.extra])).toEqual([
      [1, 'IMG_0001.png', true],
      [3, 'IMG_0003.png', false],
      [4, 'IMG_0004.png', true],
    ])
    // The same list as a file, from the exports' function.
    const file = ok(await http('GET', `/orders/${orderId}/selection/export`, { token: tokens.retoucher }), 'export')
    expect(file).toEqual({ filename: `selection-${orderId}.csv`, rows: 3, csv: '\ufeff序号,文件名,类型\r\n1,IMG_0001.png,加选\r\n3,IMG_0003.png,套系内\r\n4,IMG_0004.png,加选\r\n' })
    // The thumbnail links open the photos themselves.
    const thumb = await fetch(answer.items[0].thumbUrl)
    expect(thumb.status).toBe(200)
    expect(thumb.headers.get('content-type')).toMatch(/^image\//)
    expect(moneyIn(answer)).toEqual([])
  })

  it('refuses a customer, reception, a photographer and the other branch’s manager, and an order still being selected', async () => {
    const { orderId } = await orderWithSelection(tokens, packageId, 2, [0])
    const customer = (await signInCustomer(studio.code, '路人')).token
    const unconfirmed = ok(await http('POST', '/orders', { token: tokens.reception, body: { requestId: ulid(), customerId: (await firstCustomer()).id, packageId } }), 'order')
    for (const what of ['photos', 'export']) {
      const codeFor = async (token: string, id = orderId) => (await http('GET', `/orders/${id}/selection/${what}`, { token })).body.error?.code ?? 'OK'
      expect(await codeFor(customer)).toBe('FORBIDDEN')
      expect(await codeFor(tokens.reception)).toBe('FORBIDDEN')
      expect(await codeFor(tokens.photographer)).toBe('FORBIDDEN')
      expect(await codeFor(tokens.manager2)).toBe('NOT_FOUND')
      expect(await codeFor(tokens.manager)).toBe('OK')
      expect(await codeFor(tokens.retoucher, unconfirmed.id)).toBe('PRECONDITION_FAILED')
    }
  })
})

describe('a retoucher sees no money', () => {
  it('gets the queue, the lists, the order’s work view, its photos and each step’s answer without any amount', async () => {
    const { orderId } = await orderWithSelection(tokens, packageId, 3, [0, 1, 2], '黄小姐')
    const queue = ok(await http('GET', '/production/queue', { token: tokens.retoucher }), 'queue')
    expect(queue.stages.find((s: { stage: string }) => s.stage === 'retouching').items.map((o: { id: string }) => o.id)).toContain(orderId)
    expect(moneyIn(queue)).toEqual([])
    expect(moneyIn(ok(await http('GET', '/orders?stage=retouching', { token: tokens.retoucher }), 'list'))).toEqual([])
    expect(moneyIn(ok(await http('GET', `/orders/${orderId}/photos`, { token: tokens.retoucher }), 'photos'))).toEqual([])

    const whole = await http('GET', `/orders/${orderId}`, { token: tokens.retoucher })
    expect(whole.status).toBe(403)
    const work = ok(await http('GET', `/orders/${orderId}/work`, { token: tokens.retoucher }), 'work')
    expect(work.order).toMatchObject({ id: orderId, stage: 'retouching', package: { retouchedPhotos: 1 }, selection: { includedCount: 1, extraCount: 2 } })
    expect(work.payments).toBeUndefined()
    expect(moneyIn(work)).toEqual([])

    const taken = ok(await http('POST', `/orders/${orderId}/take`, { token: tokens.retoucher }), 'take')
    expect(taken.assignee.name).toBe('retoucher')
    expect(moneyIn(taken)).toEqual([])
    const moved = ok(await http('POST', `/orders/${orderId}/advance`, { token: tokens.retoucher, body: { from: 'retouching', to: 'designing' } }), 'advance')
    expect(moved.stage).toBe('designing')
    expect(moneyIn(moved)).toEqual([])
  })

  it('while the desk still sees the order’s money in the same queue and order', async () => {
    const { orderId } = await orderWithSelection(tokens, packageId, 2, [0, 1], '何小姐')
    const queue = ok(await http('GET', '/production/queue', { token: tokens.reception }), 'queue')
    const row = queue.stages.find((s: { stage: string }) => s.stage === 'retouching').items.find((o: { id: string }) => o.id === orderId)
    expect(row).toMatchObject({ totalFen: expect.any(Number), paidFen: expect.any(Number), balanceFen: expect.any(Number) })
    const { order, payments } = ok(await http('GET', `/orders/${orderId}`, { token: tokens.reception }), 'order')
    // 999.00 package + one extra photo at 50.00.
    expect(order.totalFen).toBe(99900 + 5000)
    expect(payments).toHaveLength(1)
  })
})

async function firstCustomer() {
  return ok(await http('POST', '/customers', { token: tokens.reception, body: { name: '未选片', phone: `136${String(Date.now()).slice(-8)}` } }), 'customer')
}
