import { ulid } from 'ulid'
import { bookableStudioOverHttp, freeSlots } from '../support/bookable'
import { http, ok, signIn, signInCustomer } from '../support/http'
import { TEST_PASSWORD } from '../support/constants'
import { apiPayKeys, notify, paidFor, uploadPhotos } from '../support/orders'

type Setup = Awaited<ReturnType<typeof bookableStudioOverHttp>>
let setup: Setup
const tokens: Record<string, string> = {}
const ROLES = ['reception', 'photographer', 'retoucher', 'finance', 'manager', 'makeup'] as const

const PRICE = 199900
const DEPOSIT = 59970 // 30 %
const EXTRA = 5000
const INCLUDED = 12

beforeAll(async () => {
  setup = await bookableStudioOverHttp('Order Studio', '经典写真')
  for (const role of ROLES) tokens[role] = await signIn(setup.studio.code, role)
  tokens.admin = setup.admin
})

const orderOf = async (token: string, orderId: string) => {
  const answer = await http('GET', `/orders/${orderId}`, { token })
  expect(answer.status).toBe(200)
  return answer.body as { order: any; payments: any[] }
}

async function bookAs(customer: { token: string }, slotIndex: number) {
  const slots = await freeSlots(customer.token, setup.pkg.id, setup.branchId)
  const booked = await http('POST', '/bookings', { token: customer.token, body: { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: slots[slotIndex]!.startsAt } })
  expect(booked.status).toBe(200)
  return booked.body as { id: string; orderId: string }
}

/** Pays as the customer would: a prepay, then WeChat Pay's notification — sent by the test acting as WeChat Pay, or by the simulator. */
/** A booking more than a week ahead, where cancelling gives the whole deposit back. */
async function bookFarAhead(customer: { token: string }, index: number) {
  const slots = (await freeSlots(customer.token, setup.pkg.id, setup.branchId)).filter((slot) => Date.parse(slot.startsAt) - Date.now() > 8 * 86_400_000)
  const booked = await http('POST', '/bookings', { token: customer.token, body: { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: slots[index]!.startsAt } })
  expect(booked.status).toBe(200)
  return booked.body as { id: string; orderId: string }
}

async function payOnline(customer: { token: string }, orderId: string, kind: 'deposit' | 'balance' | 'extra_photos', via: 'notification' | 'simulator' = 'notification') {
  const prepay = await http('POST', `/orders/${orderId}/wechat-pay`, { token: customer.token, body: { kind } })
  expect(prepay.status).toBe(200)
  if (via === 'simulator') {
    expect((await http('POST', `/orders/${orderId}/wechat-pay/${prepay.body.outTradeNo}/simulate`, { token: customer.token, body: {} })).status).toBe(200)
  } else {
    expect((await notify(paidFor(setup.studio.studio.id, orderId, prepay.body))).status).toBe(204)
  }
  return prepay.body as { outTradeNo: string; amountFen: number }
}

/** Every role but the ones allowed is refused the move, and the order stays where it was. */
async function refusedToOthers(orderId: string, from: string, to: string, allowed: string[], customer?: string) {
  const others = ROLES.filter((r) => !allowed.includes(r) && r !== 'manager')
  for (const role of others) {
    const answer = await http('POST', `/orders/${orderId}/advance`, { token: tokens[role], body: { from, to } })
    expect({ role, status: answer.status, code: answer.body.error?.code }).toEqual({ role, status: 403, code: 'FORBIDDEN' })
  }
  if (customer) {
    expect((await http('POST', `/orders/${orderId}/advance`, { token: customer, body: { from, to } })).status).toBe(403)
  }
  expect((await orderOf(tokens.manager!, orderId)).order.stage).toBe(from)
}

const advance = (role: string, orderId: string, from: string, to: string, note?: string) =>
  http('POST', `/orders/${orderId}/advance`, { token: tokens[role], body: { from, to, ...(note ? { note } : {}) } })

describe('an order from booking to pickup', () => {
  it('moves through every stage with the money right at every step, each move only by its roles', async () => {
    const amy = await signInCustomer(setup.studio.code, 'amy-lifecycle')
    const booking = await bookAs(amy, 3)
    const orderId = booking.orderId

    // Booked: awaiting the deposit, the whole price due, visible to the customer as theirs.
    let { order } = await orderOf(amy.token, orderId)
    expect(order).toMatchObject({ stage: 'pending_deposit', totalFen: PRICE, paidFen: 0, balanceFen: PRICE, depositFen: DEPOSIT })
    expect((await http('GET', '/me/orders', { token: amy.token })).body.items.map((o: any) => o.id)).toContain(orderId)
    // Nobody can skip the deposit: the move is the payment system's.
    await refusedToOthers(orderId, 'pending_deposit', 'confirmed', [], amy.token)
    expect((await advance('manager', orderId, 'pending_deposit', 'confirmed')).status).toBe(403)
    expect((await http('POST', `/orders/${orderId}/wechat-pay`, { token: amy.token, body: { kind: 'balance' } })).body.error.code).toBe('NOTHING_TO_PAY')

    // Deposit by WeChat Pay: a retried prepay is the same charge; the notification confirms order and booking.
    const first = await http('POST', `/orders/${orderId}/wechat-pay`, { token: amy.token, body: { kind: 'deposit' } })
    const again = await http('POST', `/orders/${orderId}/wechat-pay`, { token: amy.token, body: { kind: 'deposit' } })
    expect(first.body).toMatchObject({ amountFen: DEPOSIT, simulated: true, params: { signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) } })
    expect(again.body.outTradeNo).toBe(first.body.outTradeNo)
    expect((await notify(paidFor(setup.studio.studio.id, orderId, first.body))).status).toBe(204)
    ;({ order } = await orderOf(amy.token, orderId))
    expect(order).toMatchObject({ stage: 'confirmed', paidFen: DEPOSIT, balanceFen: PRICE - DEPOSIT, unauditedFen: 0 })
    expect(order.timeline.map((e: any) => e.stage)).toEqual(['pending_deposit', 'confirmed'])
    expect(order.expectedBy).toBeDefined()
    const appointments = (await http('GET', '/me/appointments', { token: amy.token })).body.items
    expect(appointments.find((a: any) => a.id === booking.id).status).toBe('confirmed')

    // The shoot: only the photographer (or a manager) marks it, the photographer from its day on; a stage cannot be skipped.
    expect((await advance('reception', orderId, 'confirmed', 'completed')).body.error.code).toBe('ILLEGAL_TRANSITION')
    await refusedToOthers(orderId, 'confirmed', 'shot', ['photographer'], amy.token)
    expect((await advance('photographer', orderId, 'confirmed', 'shot')).body.error.code).toBe('PRECONDITION_FAILED')
    // The manager records it done ahead of its day.
    expect((await advance('manager', orderId, 'confirmed', 'shot')).status).toBe(200)
    // The same move again (a double tap, or someone else first) changes nothing.
    expect((await advance('manager', orderId, 'confirmed', 'shot')).body.error.code).toBe('ILLEGAL_TRANSITION')
    // Too late to cancel once shot.
    expect((await advance('reception', orderId, 'shot', 'cancelled')).body.error.code).toBe('ILLEGAL_TRANSITION')

    // Proofs: selection cannot open without them.
    expect((await advance('reception', orderId, 'shot', 'selecting')).body.error.code).toBe('PRECONDITION_FAILED')
    const proofs = await uploadPhotos(tokens.reception!, orderId, 'proof', INCLUDED + 5)
    await refusedToOthers(orderId, 'shot', 'selecting', ['photographer', 'retoucher', 'reception'])
    expect((await advance('reception', orderId, 'shot', 'selecting')).status).toBe(200)

    // Selection: the customer sees thumbnails, picks 3 beyond the package, and confirms.
    const photos = (await http('GET', `/orders/${orderId}/photos`, { token: amy.token })).body
    expect(photos).toMatchObject({ included: INCLUDED, extraPhotoPriceFen: EXTRA, locked: false })
    expect(photos.items).toHaveLength(INCLUDED + 5)
    // The grid gets the thumbnail made on upload (a JPEG), not the PNG as uploaded.
    expect(new URL(photos.items[0].thumbUrl).pathname).toMatch(/\.thumb\.jpg$/)
    expect(new URL(photos.items[0].previewUrl).pathname).toMatch(/\.preview\.jpg$/)
    const thumb = await fetch(photos.items[0].thumbUrl)
    expect(thumb.status).toBe(200)
    expect(thumb.headers.get('content-type')).toBe('image/jpeg')
    expect((await fetch(photos.items[0].url)).headers.get('content-type')).toBe('image/png')
    const picks = proofs.slice(0, INCLUDED + 3).map((p) => p.photoId)
    const draft = await http('PUT', `/orders/${orderId}/selection`, { token: amy.token, body: { photoIds: picks } })
    expect(draft.body).toMatchObject({ includedCount: INCLUDED, extraCount: 3, extraFen: 3 * EXTRA })
    // Selection is the customer's (or the desk's with them), not a plain stage move.
    expect((await advance('manager', orderId, 'selecting', 'retouching')).body.error.code).toBe('PRECONDITION_FAILED')
    const confirmed = await http('POST', `/orders/${orderId}/selection/confirm`, { token: amy.token, body: { photoIds: picks } })
    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toMatchObject({
      stage: 'retouching',
      totalFen: PRICE + 3 * EXTRA,
      paidFen: DEPOSIT,
      balanceFen: PRICE + 3 * EXTRA - DEPOSIT,
      selection: { extraCount: 3, extraFen: 3 * EXTRA },
    })
    expect(confirmed.body.addOns).toContainEqual(expect.objectContaining({ kind: 'extra_photos', quantity: 3, amountFen: 3 * EXTRA }))
    // Confirmed means locked.
    expect((await http('PUT', `/orders/${orderId}/selection`, { token: amy.token, body: { photoIds: picks.slice(0, 2) } })).body.error.code).toBe('SELECTION_LOCKED')
    expect((await http('POST', `/orders/${orderId}/selection/confirm`, { token: amy.token, body: { photoIds: picks } })).status).toBe(409)

    // The extra photos are paid online.
    const extra = await payOnline(amy, orderId, 'extra_photos')
    expect(extra.amountFen).toBe(3 * EXTRA)
    ;({ order } = await orderOf(amy.token, orderId))
    expect(order).toMatchObject({ paidFen: DEPOSIT + 3 * EXTRA, balanceFen: PRICE - DEPOSIT })
    expect((await http('POST', `/orders/${orderId}/wechat-pay`, { token: amy.token, body: { kind: 'extra_photos' } })).body.error.code).toBe('NOTHING_TO_PAY')

    // Retouching: a retoucher takes it (once) and marks it done.
    expect((await http('POST', `/orders/${orderId}/take`, { token: tokens.reception, body: {} })).status).toBe(403)
    expect((await http('POST', `/orders/${orderId}/take`, { token: tokens.retoucher, body: {} })).body.assignee.name).toBe('retoucher')
    expect((await http('POST', `/orders/${orderId}/take`, { token: tokens.manager, body: {} })).status).toBe(409)
    await refusedToOthers(orderId, 'retouching', 'designing', ['retoucher'], amy.token)
    expect((await advance('retoucher', orderId, 'retouching', 'designing')).status).toBe(200)

    // Design and proof review, with one revision.
    expect((await advance('retoucher', orderId, 'designing', 'proofing')).body.error.code).toBe('PRECONDITION_FAILED')
    await uploadPhotos(tokens.retoucher!, orderId, 'design', 2)
    await refusedToOthers(orderId, 'designing', 'proofing', ['retoucher'])
    expect((await advance('retoucher', orderId, 'designing', 'proofing')).status).toBe(200)
    expect((await http('POST', `/orders/${orderId}/proof`, { token: amy.token, body: { decision: 'revise' } })).status).toBe(400)
    const revised = await http('POST', `/orders/${orderId}/proof`, { token: amy.token, body: { decision: 'revise', comment: '第3页换成海边那张' } })
    expect(revised.body).toMatchObject({ stage: 'designing', proofRounds: [{ round: 1, decision: 'revision', comment: '第3页换成海边那张' }] })
    expect((await advance('retoucher', orderId, 'designing', 'proofing')).status).toBe(200)
    // Only the customer or the desk decides on the design.
    expect((await http('POST', `/orders/${orderId}/proof`, { token: tokens.retoucher, body: { decision: 'approve' } })).status).toBe(403)
    const approved = await http('POST', `/orders/${orderId}/proof`, { token: amy.token, body: { decision: 'approve' } })
    expect(approved.body).toMatchObject({ stage: 'producing', proofRounds: [{ decision: 'revision' }, { round: 2, decision: 'approved' }] })

    // The lab: out and back; ready only once it went.
    expect((await advance('reception', orderId, 'producing', 'ready')).body.error.code).toBe('PRECONDITION_FAILED')
    expect((await http('POST', `/orders/${orderId}/lab`, { token: tokens.finance, body: {} })).status).toBe(403)
    expect((await http('POST', `/orders/${orderId}/lab`, { token: tokens.reception, body: {} })).status).toBe(200)
    await refusedToOthers(orderId, 'producing', 'ready', ['reception', 'retoucher'], amy.token)
    expect((await advance('reception', orderId, 'producing', 'ready')).status).toBe(200)

    // Pickup needs nothing left to pay.
    await refusedToOthers(orderId, 'ready', 'completed', ['reception'], amy.token)
    const owed = await advance('reception', orderId, 'ready', 'completed')
    expect({ status: owed.status, code: owed.body.error.code }).toEqual({ status: 412, code: 'BALANCE_DUE' })
    const balance = await http('POST', `/orders/${orderId}/payments`, {
      token: tokens.reception,
      body: { requestId: ulid(), kind: 'balance', method: 'card', amountFen: PRICE - DEPOSIT, reference: 'POS 8812' },
    })
    expect(balance.body.order).toMatchObject({ paidFen: PRICE + 3 * EXTRA, balanceFen: 0, unauditedFen: PRICE - DEPOSIT })
    const done = await advance('reception', orderId, 'ready', 'completed')
    expect(done.body).toMatchObject({ stage: 'completed', balanceFen: 0 })
    expect(done.body.expectedBy).toBeUndefined()
    expect(done.body.timeline.map((e: any) => e.stage)).toEqual([
      'pending_deposit', 'confirmed', 'shot', 'selecting', 'retouching', 'designing', 'proofing', 'designing', 'proofing', 'producing', 'ready', 'completed',
    ])
    expect(done.body.timeline.find((e: any) => e.stage === 'shot').by).toMatchObject({ role: 'manager', name: 'manager' })
    // Finished is final.
    expect((await advance('manager', orderId, 'completed', 'cancelled')).body.error.code).toBe('ILLEGAL_TRANSITION')
  })

  it('keeps customers to their own orders', async () => {
    const [owner, other] = await Promise.all([signInCustomer(setup.studio.code, 'owner-iso'), signInCustomer(setup.studio.code, 'other-iso')])
    const { orderId } = await bookAs(owner, 6)
    expect((await http('GET', `/orders/${orderId}`, { token: other.token })).status).toBe(404)
    expect((await http('POST', `/orders/${orderId}/wechat-pay`, { token: other.token, body: { kind: 'deposit' } })).status).toBe(404)
    expect((await http('GET', `/orders/${orderId}/photos`, { token: other.token })).status).toBe(404)
    expect((await http('GET', '/me/orders', { token: other.token })).body.items).toEqual([])
    // Staff of another studio cannot see it either.
    const elsewhere = await bookableStudioOverHttp('Elsewhere', '别家套系')
    expect((await http('GET', `/orders/${orderId}`, { token: elsewhere.manager })).status).toBe(404)
  })
})

describe('WeChat Pay notifications', () => {
  let customer: { token: string; id: string }
  let orderId: string
  let prepay: { outTradeNo: string; amountFen: number }
  const paid = async () => (await orderOf(tokens.manager!, orderId)).order.paidFen

  beforeAll(async () => {
    customer = await signInCustomer(setup.studio.code, 'notified')
    orderId = (await bookAs(customer, 9)).orderId
    prepay = (await http('POST', `/orders/${orderId}/wechat-pay`, { token: customer.token, body: { kind: 'deposit' } })).body
  })

  it('refuses anything forged or tampered with, and changes nothing', async () => {
    const tx = paidFor(setup.studio.studio.id, orderId, prepay)
    const ago = Math.floor(Date.now() / 1000) - 6 * 60
    for (const [what, options] of [
      ['tampered ciphertext', { tamper: 'ciphertext' }],
      ['tampered GCM tag', { tamper: 'tag' }],
      ['signed by someone else', { tamper: 'signature' }],
      ['stale timestamp', { timestamp: ago }],
      ['unknown platform key', { serial: 'PUB_KEY_ID_SOMEONE_ELSE' }],
    ] as const) {
      const answer = await notify(tx, options)
      expect({ what, status: answer.status, code: answer.body?.code }).toEqual({ what, status: 401, code: 'FAIL' })
    }
    // Another merchant's or app's transaction, genuinely signed, is refused too.
    expect((await notify({ ...tx, mchid: '1999999999' })).status).toBe(401)
    expect((await notify({ ...tx, appid: 'wxsomeoneelse' })).status).toBe(401)
    expect(await paid()).toBe(0)
    expect((await orderOf(tokens.manager!, orderId)).order.stage).toBe('pending_deposit')
  })

  it('credits nothing when the amount is not the one asked for', async () => {
    const tx = paidFor(setup.studio.studio.id, orderId, { ...prepay, amountFen: prepay.amountFen - 1 })
    expect((await notify(tx)).status).toBe(204)
    expect(await paid()).toBe(0)
  })

  it('credits the same notification sent 10 times at once exactly once', async () => {
    const tx = paidFor(setup.studio.studio.id, orderId, prepay)
    const answers = await Promise.all(Array.from({ length: 10 }, () => notify(tx)))
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(204))
    const { order, payments } = await orderOf(tokens.manager!, orderId)
    expect(order).toMatchObject({ stage: 'confirmed', paidFen: DEPOSIT, balanceFen: PRICE - DEPOSIT })
    expect(payments.filter((p) => p.kind === 'deposit')).toHaveLength(1)
    // Late duplicates, days later or out of order, are harmless too.
    expect((await notify(tx)).status).toBe(204)
    expect(await paid()).toBe(DEPOSIT)
  })

  it('applies a payment whose notification is late when the customer comes back', async () => {
    const late = await signInCustomer(setup.studio.code, 'late-notice')
    const { orderId: lateOrder } = await bookAs(late, 12)
    const charge = (await http('POST', `/orders/${lateOrder}/wechat-pay`, { token: late.token, body: { kind: 'deposit' } })).body
    // Not paid yet: asking changes nothing.
    const unpaid = await http('POST', `/orders/${lateOrder}/wechat-pay/${charge.outTradeNo}/refresh`, { token: late.token, body: {} })
    expect(unpaid.body.order.stage).toBe('pending_deposit')
    // WeChat Pay takes the money but its notification has not come.
    const taken = await http('POST', `/orders/${lateOrder}/wechat-pay/${charge.outTradeNo}/simulate`, { token: late.token, body: { deliverNotification: false } })
    expect(taken.body.order).toMatchObject({ stage: 'pending_deposit', paidFen: 0 })
    const refreshed = await http('POST', `/orders/${lateOrder}/wechat-pay/${charge.outTradeNo}/refresh`, { token: late.token, body: {} })
    expect(refreshed.body.order).toMatchObject({ stage: 'confirmed', paidFen: DEPOSIT })
    // The notification arriving after all is harmless.
    const again = await http('POST', `/orders/${lateOrder}/wechat-pay/${charge.outTradeNo}/refresh`, { token: late.token, body: {} })
    expect(again.body.payments.filter((p: any) => p.kind === 'deposit')).toHaveLength(1)
  })
})

describe('offline payments, audit and refunds', () => {
  let orderId: string
  let customer: { token: string; id: string }

  beforeAll(async () => {
    customer = await signInCustomer(setup.studio.code, 'desk-payer')
    orderId = (await bookAs(customer, 15)).orderId
  })

  it('records a cash deposit once per request, unaudited until finance audits it', async () => {
    const requestId = ulid()
    const body = { requestId, kind: 'deposit', method: 'cash', amountFen: DEPOSIT }
    expect((await http('POST', `/orders/${orderId}/payments`, { token: customer.token, body })).status).toBe(403)
    expect((await http('POST', `/orders/${orderId}/payments`, { token: tokens.photographer, body })).status).toBe(403)
    const [a, b] = await Promise.all([
      http('POST', `/orders/${orderId}/payments`, { token: tokens.reception, body }),
      http('POST', `/orders/${orderId}/payments`, { token: tokens.reception, body }),
    ])
    expect([a.status, b.status]).toEqual([200, 200])
    const { order, payments } = await orderOf(tokens.finance!, orderId)
    expect(order).toMatchObject({ stage: 'confirmed', paidFen: DEPOSIT, unauditedFen: DEPOSIT })
    expect(payments).toHaveLength(1)
    expect(payments[0]).toMatchObject({ method: 'cash', audited: false, recordedBy: { name: 'reception' } })
    // The same request id for a different payment is refused, not taken as the first one.
    const reused = await http('POST', `/orders/${orderId}/payments`, { token: tokens.reception, body: { ...body, amountFen: 100 } })
    expect({ status: reused.status, code: reused.body.error.code }).toEqual({ status: 409, code: 'REQUEST_ID_REUSED' })

    const listed = (await http('GET', '/payments/unaudited', { token: tokens.finance })).body
    expect(listed.items.map((p: any) => p.id)).toContain(requestId)
    expect((await http('POST', `/orders/${orderId}/payments/${requestId}/audit`, { token: tokens.reception, body: {} })).status).toBe(403)
    const audited = await http('POST', `/orders/${orderId}/payments/${requestId}/audit`, { token: tokens.finance, body: {} })
    expect(audited.body).toMatchObject({ audited: true, auditedBy: { name: 'finance' } })
    expect((await http('POST', `/orders/${orderId}/payments/${requestId}/audit`, { token: tokens.manager, body: {} })).status).toBe(409)
    expect((await http('GET', '/payments/unaudited', { token: tokens.finance })).body.items.map((p: any) => p.id)).not.toContain(requestId)
    expect((await orderOf(tokens.finance!, orderId)).order.unauditedFen).toBe(0)

    // Every money change is in the audit log.
    const audit = (await http('GET', '/audit', { token: await signIn(setup.studio.code, 'admin') })).body.items
    expect(audit.map((e: any) => e.action)).toEqual(expect.arrayContaining(['payment.recorded', 'payment.audited']))
  })

  it('never takes more than the balance, even from five desks at once', async () => {
    const { order } = await orderOf(tokens.reception!, orderId)
    const tooMuch = await http('POST', `/orders/${orderId}/payments`, {
      token: tokens.reception,
      body: { requestId: ulid(), kind: 'balance', method: 'transfer', amountFen: order.balanceFen + 1 },
    })
    expect({ status: tooMuch.status, code: tooMuch.body.error.code }).toEqual({ status: 412, code: 'OVERPAYMENT' })
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        http('POST', `/orders/${orderId}/payments`, { token: tokens.reception, body: { requestId: ulid(), kind: 'balance', method: 'card', amountFen: order.balanceFen } }),
      ),
    )
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
    expect(answers.filter((a) => a.status !== 200).every((a) => ['OVERPAYMENT', 'CONFLICT'].includes(a.body.error.code))).toBe(true)
    const after = (await orderOf(tokens.reception!, orderId)).order
    expect(after).toMatchObject({ paidFen: PRICE, balanceFen: 0 })
  })

  it('refunds within what was paid, by finance only, once per request', async () => {
    const { payments } = await orderOf(tokens.finance!, orderId)
    const card = payments.find((p) => p.method === 'card')!
    const body = { requestId: ulid(), amountFen: 10000, reason: '相册升级取消' }
    expect((await http('POST', `/orders/${orderId}/payments/${card.id}/refund`, { token: tokens.reception, body })).status).toBe(403)
    const refunded = await http('POST', `/orders/${orderId}/payments/${card.id}/refund`, { token: tokens.finance, body })
    expect(refunded.body.order).toMatchObject({ paidFen: PRICE - 10000, balanceFen: 10000 })
    expect((await http('POST', `/orders/${orderId}/payments/${card.id}/refund`, { token: tokens.finance, body })).body.order.paidFen).toBe(PRICE - 10000)
    const refund = refunded.body.payments.find((p: any) => p.kind === 'refund')
    expect(refund).toMatchObject({ amountFen: -10000, refundOf: card.id, status: 'refunded' })
    const tooMuch = await http('POST', `/orders/${orderId}/payments/${card.id}/refund`, { token: tokens.finance, body: { ...body, requestId: ulid(), amountFen: card.amountFen } })
    expect(tooMuch.body.error.code).toBe('OVERPAYMENT')
  })

  it('refunds a cancelled WeChat deposit through WeChat Pay by the policy', async () => {
    const cancelling = await signInCustomer(setup.studio.code, 'cancelling')
    const slots = await freeSlots(cancelling.token, setup.pkg.id, setup.branchId)
    // Well ahead of the shoot: the full deposit comes back.
    const far = slots.find((s) => Date.parse(s.startsAt) - Date.now() > 8 * 86_400_000)!
    const booked = (await http('POST', '/bookings', { token: cancelling.token, body: { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: far.startsAt } })).body
    await payOnline(cancelling, booked.orderId, 'deposit', 'simulator')
    const cancelled = await http('POST', `/bookings/${booked.id}/cancel`, { token: cancelling.token, body: { reason: '行程变化' } })
    expect(cancelled.status).toBe(200)
    const { order, payments } = await orderOf(cancelling.token, booked.orderId)
    expect(order).toMatchObject({ stage: 'cancelled', refundDueFen: DEPOSIT, refundedFen: DEPOSIT, paidFen: 0 })
    expect(payments.find((p) => p.kind === 'refund')).toMatchObject({ method: 'wechat', amountFen: -DEPOSIT, status: 'refunded' })
    expect((await http('GET', '/payments/refunds-due', { token: tokens.finance })).body.items.map((o: any) => o.id)).not.toContain(booked.orderId)
  })
})

describe('cancellations and refunds that go wrong', () => {
  it('owes back everything paid beyond the share of the deposit the policy keeps', async () => {
    // Inside three days the policy keeps the deposit; what was paid beyond it is still owed back.
    const late = await signInCustomer(setup.studio.code, 'cancels-late')
    const soon = (await freeSlots(late.token, setup.pkg.id, setup.branchId)).find((slot) => Date.parse(slot.startsAt) - Date.now() < 2 * 86_400_000 && Date.parse(slot.startsAt) - Date.now() > 14 * 3_600_000)!
    const close = (await http('POST', '/bookings', { token: late.token, body: { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: soon.startsAt } })).body
    await http('POST', `/orders/${close.orderId}/payments`, { token: tokens.reception, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: DEPOSIT + 10000 } })
    expect((await http('POST', `/bookings/${close.id}/cancel`, { token: late.token, body: {} })).status).toBe(200)
    expect((await orderOf(tokens.finance!, close.orderId)).order).toMatchObject({ stage: 'cancelled', paidFen: DEPOSIT + 10000, refundDueFen: 10000 })

    const payer = await signInCustomer(setup.studio.code, 'paid-ahead')
    const booking = await bookFarAhead(payer, 3)
    // Deposit online, and the rest at the desk well before the shoot.
    await payOnline(payer, booking.orderId, 'deposit', 'simulator')
    await http('POST', `/orders/${booking.orderId}/payments`, { token: tokens.reception, body: { requestId: ulid(), kind: 'balance', method: 'transfer', amountFen: PRICE - DEPOSIT } })
    const cancelled = await http('POST', `/bookings/${booking.id}/cancel`, { token: tokens.reception, body: { reason: '客户改期到明年' } })
    expect(cancelled.status).toBe(200)
    const { order, payments } = await orderOf(tokens.finance!, booking.orderId)
    // More than a week ahead the policy keeps nothing: all of it is owed back.
    expect(order).toMatchObject({ stage: 'cancelled', refundDueFen: PRICE })
    // The WeChat deposit went back by itself; the transfer waits for finance.
    expect(payments.filter((p) => p.kind === 'refund')).toEqual([expect.objectContaining({ method: 'wechat', amountFen: -DEPOSIT, status: 'refunded' })])
    const due = (await http('GET', '/payments/refunds-due', { token: tokens.finance })).body.items.find((o: any) => o.id === booking.orderId)
    expect(due).toMatchObject({ refundDueFen: PRICE, refundedFen: DEPOSIT })
  })

  it('keeps a refund WeChat Pay did not take among refunds due, and sends it again once', async () => {
    const payer = await signInCustomer(setup.studio.code, 'refund-retry')
    const booking = await bookFarAhead(payer, 6)
    // Paid by a notification WeChat Pay's book does not know yet: its refund will be refused at first.
    const charge = await payOnline(payer, booking.orderId, 'deposit')
    const cancelled = await http('POST', `/bookings/${booking.id}/cancel`, { token: payer.token, body: {} })
    expect(cancelled.status).toBe(200)
    let detail = await orderOf(tokens.finance!, booking.orderId)
    const failed = detail.payments.find((p) => p.kind === 'refund')
    expect(failed).toMatchObject({ status: 'refund_failed', amountFen: -DEPOSIT })
    expect((await http('GET', '/payments/refunds-due', { token: tokens.finance })).body.items.map((o: any) => o.id)).toContain(booking.orderId)
    // WeChat Pay catches up; finance sends the same refund again.
    await http('POST', `/orders/${booking.orderId}/wechat-pay/${charge.outTradeNo}/simulate`, { token: payer.token, body: { deliverNotification: false } })
    expect((await http('POST', `/orders/${booking.orderId}/refunds/${failed.id}/retry`, { token: tokens.reception, body: {} })).status).toBe(403)
    const retried = await http('POST', `/orders/${booking.orderId}/refunds/${failed.id}/retry`, { token: tokens.finance, body: {} })
    expect(retried.body.payments.find((p: any) => p.id === failed.id).status).toBe('refunded')
    // Paid back now: nothing is left to do for it among refunds due.
    expect((await http('GET', '/payments/refunds-due', { token: tokens.finance })).body.items.map((o: any) => o.id)).not.toContain(booking.orderId)
    expect((await http('POST', `/orders/${booking.orderId}/refunds/${failed.id}/retry`, { token: tokens.finance, body: {} })).body.error.code).toBe('PRECONDITION_FAILED')
    detail = await orderOf(tokens.finance!, booking.orderId)
    expect(detail.payments.filter((p) => p.kind === 'refund')).toHaveLength(1)
    expect(detail.order).toMatchObject({ paidFen: 0, refundedFen: DEPOSIT })
  })

  it('moves the order’s shoot date with a rescheduled booking', async () => {
    const mover = await signInCustomer(setup.studio.code, 'mover')
    const booking = await bookAs(mover, 24)
    await payOnline(mover, booking.orderId, 'deposit')
    const slots = await freeSlots(mover.token, setup.pkg.id, setup.branchId)
    const moved = await http('POST', `/bookings/${booking.id}/reschedule`, { token: mover.token, body: { startsAt: slots[slots.length - 1]!.startsAt } })
    expect(moved.status).toBe(200)
    const { order } = await orderOf(mover.token, booking.orderId)
    expect(order.shootAt).toBe(moved.body.startsAt)
    expect(order.expectedBy).toBe(new Date(moved.body.startsAt).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }))
  })
})

describe('editing an order', () => {
  let orderId: string

  beforeAll(async () => {
    const customer = (await http('POST', '/customers', { token: tokens.reception, body: { name: '王小姐', phone: '13800005555' } })).body
    const created = await http('POST', '/orders', { token: tokens.reception, body: { requestId: ulid(), customerId: customer.id, packageId: setup.pkg.id } })
    expect(created.body).toMatchObject({ stage: 'pending_deposit', totalFen: PRICE })
    orderId = created.body.id
  })

  it('needs a manager for a discount above the studio’s limit', async () => {
    const { order } = await orderOf(tokens.reception!, orderId)
    const big = await http('PATCH', `/orders/${orderId}`, { token: tokens.reception, body: { version: order.version, discountFen: 30000, discountReason: '老客户' } })
    expect({ status: big.status, code: big.body.error.code }).toEqual({ status: 403, code: 'DISCOUNT_NEEDS_MANAGER' })
    const small = await http('PATCH', `/orders/${orderId}`, { token: tokens.reception, body: { version: order.version, discountFen: 10000, discountReason: '老客户' } })
    expect(small.body).toMatchObject({ discountFen: 10000, totalFen: PRICE - 10000, balanceFen: PRICE - 10000 })
    const byManager = await http('PATCH', `/orders/${orderId}`, { token: tokens.manager, body: { version: small.body.version, discountFen: 30000 } })
    expect(byManager.body.totalFen).toBe(PRICE - 30000)
  })

  it('lets neither of two simultaneous edits overwrite the other silently', async () => {
    const { order } = await orderOf(tokens.reception!, orderId)
    const [a, b] = await Promise.all([
      http('PATCH', `/orders/${orderId}`, { token: tokens.reception, body: { version: order.version, notes: '客户要求加急' } }),
      http('PATCH', `/orders/${orderId}`, { token: tokens.manager, body: { version: order.version, addOns: [{ kind: 'service', name: '加一套造型', amountFen: 30000 }] } }),
    ])
    const statuses = [a.status, b.status].sort()
    expect(statuses).toEqual([200, 409])
    const loser = a.status === 409 ? a : b
    expect(['VERSION_CONFLICT', 'CONFLICT']).toContain(loser.body.error.code)
    // The winner's change is there; the loser learnt it must reload.
    const after = (await orderOf(tokens.reception!, orderId)).order
    expect(after.version).toBe(order.version + 1)
    expect(after.notes === '客户要求加急' || after.addOns.some((x: any) => x.name === '加一套造型')).toBe(true)
  })

  it('never lets the total fall below what was paid', async () => {
    const { order } = await orderOf(tokens.reception!, orderId)
    await http('POST', `/orders/${orderId}/payments`, { token: tokens.reception, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.balanceFen } })
    const paidOrder = (await orderOf(tokens.manager!, orderId)).order
    const cut = await http('PATCH', `/orders/${orderId}`, { token: tokens.manager, body: { version: paidOrder.version, discountFen: paidOrder.discountFen + 100 } })
    expect(cut.body.error.code).toBe('OVERPAYMENT')
    expect((await orderOf(tokens.manager!, orderId)).order.balanceFen).toBe(0)
  })
})

describe('the manager’s views', () => {
  it('lists orders by stage and the studio’s expected days', async () => {
    const settings = (await http('GET', '/settings/orders', { token: tokens.manager })).body
    expect(settings.stageDays.selecting).toBeGreaterThan(0)
    expect((await http('PUT', '/settings/orders', { token: tokens.reception, body: settings })).status).toBe(403)
    // The settings hold in every branch: a branch's manager reads them, the studio's admin changes them.
    expect((await http('PUT', '/settings/orders', { token: tokens.manager, body: settings })).status).toBe(403)
    const saved = await http('PUT', '/settings/orders', { token: tokens.admin, body: { ...settings, stageDays: { ...settings.stageDays, retouching: 5 } } })
    expect(saved.body.stageDays.retouching).toBe(5)
    const pending = (await http('GET', '/orders?stage=pending_deposit', { token: tokens.reception })).body.items
    expect(pending.length).toBeGreaterThan(0)
    expect(pending.every((o: any) => o.stage === 'pending_deposit')).toBe(true)
    expect((await http('GET', '/orders/overdue', { token: tokens.reception })).status).toBe(403)
    expect((await http('GET', '/orders/overdue', { token: tokens.manager })).status).toBe(200)
    expect(apiPayKeys().mchId).toBeTruthy()
  })
})

describe('a shoot for an order opened at the desk', () => {
  it('is booked once the deposit is paid, confirmed at once, and only once', async () => {
    const customer = (await http('POST', '/customers', { token: tokens.reception, body: { name: '陈先生', phone: '13800007777' } })).body
    const order = (await http('POST', '/orders', { token: tokens.reception, body: { requestId: ulid(), customerId: customer.id, packageId: setup.pkg.id, branchId: setup.branchId } })).body
    const slots = await freeSlots(tokens.reception!, setup.pkg.id, setup.branchId)
    const body = { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: slots[30]!.startsAt, customerId: customer.id, orderId: order.id }
    // Not before the deposit.
    expect((await http('POST', '/bookings', { token: tokens.reception, body })).body.error.code).toBe('PRECONDITION_FAILED')
    await http('POST', `/orders/${order.id}/payments`, { token: tokens.reception, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen } })
    const booked = await http('POST', '/bookings', { token: tokens.reception, body })
    expect(booked.body).toMatchObject({ status: 'confirmed', orderId: order.id })
    expect(booked.body.holdExpiresAt).toBeUndefined()
    const after = (await orderOf(tokens.reception!, order.id)).order
    expect(after).toMatchObject({ stage: 'confirmed', appointmentId: booked.body.id, shootAt: booked.body.startsAt })
    // One shoot per order; a second booking for it is refused and writes nothing.
    const again = await http('POST', '/bookings', { token: tokens.reception, body: { ...body, startsAt: slots[40]!.startsAt } })
    expect(again.body.error.code).toBe('ILLEGAL_TRANSITION')
    const other = await http('POST', '/bookings', { token: tokens.reception, body: { ...body, orderId: undefined, customerId: customer.id, startsAt: slots[40]!.startsAt } })
    expect(other.status).toBe(200)
    expect(other.body.orderId).not.toBe(order.id)
  })
})

describe('an order’s request id sent again', () => {
  it('answers the same request by the same person with its order, and anyone else with CONFLICT and nothing of it', async () => {
    // A manager of the branch the desk's staff are not in (the test studio's branches come in either order).
    const admin = await signIn(setup.studio.code, 'admin')
    const otherBranch = (ok(await http('GET', '/branches', { token: admin }), 'branches').items as { id: string }[]).find((b) => b.id !== setup.branchId)!
    ok(await http('POST', '/staff', { token: admin, body: { username: 'replay-manager', displayName: '二店店长', password: TEST_PASSWORD, roles: ['manager'], branchId: otherBranch.id } }), 'other manager')
    const manager2 = await signIn(setup.studio.code, 'replay-manager')
    const customer = (await http('POST', '/customers', { token: manager2, body: { name: '跨店客户', phone: '13800006666' } })).body
    const other = (await http('POST', '/customers', { token: manager2, body: { name: '另一位客户', phone: '13800006667' } })).body
    const requestId = ulid()
    const body = { requestId, customerId: customer.id, packageId: setup.pkg.id, notes: '二店内部备注' }
    const theirs = await http('POST', '/orders', { token: manager2, body })
    expect(theirs.status).toBe(200)
    // A retry of the same request: the order it made, once.
    expect((await http('POST', '/orders', { token: manager2, body })).body).toMatchObject({ id: requestId, notes: '二店内部备注', totalFen: theirs.body.totalFen })

    // The first branch's reception cannot read it, and sending its id as a request id tells them nothing either.
    expect((await http('GET', `/orders/${requestId}`, { token: tokens.reception })).status).toBe(404)
    for (const [who, token, customerId] of [
      ['reception of another branch', tokens.reception, customer.id],
      ['the same manager, for another customer', manager2, other.id],
    ] as const) {
      const replay = await http('POST', '/orders', { token, body: { requestId, customerId, packageId: setup.pkg.id } })
      expect({ who, status: replay.status, code: replay.body.error?.code }).toEqual({ who, status: 409, code: 'CONFLICT' })
      expect(JSON.stringify(replay.body)).not.toMatch(/二店|Fen|branchId|customerId|stage/)
    }
    // Nothing changed on it.
    expect((await orderOf(manager2, requestId)).order).toMatchObject({ customerId: customer.id, notes: '二店内部备注', version: theirs.body.version })
  })
})
