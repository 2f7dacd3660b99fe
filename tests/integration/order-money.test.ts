import fc from 'fast-check'
import { ulid } from 'ulid'
import type { AppDeps } from '../../functions/api/implementations'
import { DomainError } from '../../functions/domain/errors'
import { orderMoneyViolations, UNCREDITED_REASON } from '../../functions/domain/order-money'
import { WeChatPayError } from '../../functions/integrations/wechat-pay'
import { handlePaymentNotification } from '../../functions/payments/crediting'
import type { NotificationRequest, PaymentSimulator } from '../../functions/payments/ports'
import { outTradeNoFor } from '../../functions/payments/prepay'
import { bookableStudio } from '../support/booking'
import { isolatedTable } from '../support/studio'

/**
 * Money under races: each race is run at least 20 times against DynamoDB Local through the
 * dispatcher and the real use cases, and the order's money invariants are checked after each.
 */
let deps: AppDeps
beforeAll(async () => {
  ;({ deps } = await isolatedTable())
})

type Setup = Awaited<ReturnType<typeof bookableStudio>>

async function desk(s: Setup) {
  const reception = await s.sign('reception')
  const finance = await s.sign('finance')
  const customer = (await s.ops.call('auth.wechatSignIn', { studioCode: s.studio.code, code: `dev:${ulid()}`, nickname: 'Mei' })) as { token: string; principal: { id: string } }
  const newOrder = async () =>
    (await s.ops.call('orders.create', { requestId: ulid(), customerId: customer.principal.id, packageId: s.pkg.id }, reception)) as { id: string; totalFen: number }
  const pay = (orderId: string, amountFen: number, requestId = ulid()) =>
    s.ops.outcome('payments.recordOffline', { orderId, requestId, kind: 'balance', method: 'cash', amountFen }, reception)
  const ledgerOf = async (orderId: string) => (await s.ops.call('orders.get', { orderId }, s.manager)) as { order: any; payments: any[] }
  const violations = async (orderId: string) => {
    const { order, payments } = await ledgerOf(orderId)
    return orderMoneyViolations(order, payments).map((v) => v.message)
  }
  return { reception, finance, customer, newOrder, pay, ledgerOf, violations }
}

const ROUNDS = 20

describe('money under races', () => {
  let s: Setup
  let d: Awaited<ReturnType<typeof desk>>
  beforeAll(async () => {
    s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    d = await desk(s)
  })

  it(`a desk order cancelled while a payment lands owes back everything paid (${ROUNDS} races)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const order = await d.newOrder()
      expect(await d.pay(order.id, 30000)).toBe('OK')
      const [cancelled, paid] = await Promise.all([
        s.ops.outcome('orders.advance', { orderId: order.id, from: 'pending_deposit', to: 'cancelled' }, s.manager),
        d.pay(order.id, 10000),
      ])
      const { order: after } = await d.ledgerOf(order.id)
      expect(await d.violations(order.id)).toEqual([])
      expect(cancelled).toBe('OK')
      expect(['OK', 'NOTHING_TO_PAY']).toContain(paid)
      // Whatever landed is owed back: 300.00, or 400.00 when the payment came first.
      expect(after.refundDueFen - after.refundedFen).toBe(paid === 'OK' ? 40000 : 30000)
      expect(after.paidFen).toBe(paid === 'OK' ? 40000 : 30000)
    }
  }, 120_000)

  it(`an edit of the order's discount while a payment lands: one of them goes first, the other is refused or sees it (${ROUNDS} races)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const order = await d.newOrder()
      const { order: read } = await d.ledgerOf(order.id)
      const [edited, paid] = await Promise.all([
        s.ops.outcome('orders.update', { orderId: order.id, version: read.version, discountFen: 5000, discountReason: '老客户' }, s.manager),
        d.pay(order.id, 20000),
      ])
      const { order: after } = await d.ledgerOf(order.id)
      expect(await d.violations(order.id)).toEqual([])
      expect(paid).toBe('OK')
      // The edit was made on the version read: a payment landing first makes it stale.
      expect(['OK', 'VERSION_CONFLICT']).toContain(edited)
      expect(after.paidFen).toBe(20000)
      expect(after.totalFen).toBe(order.totalFen - (edited === 'OK' ? 5000 : 0))
      expect(after.balanceFen).toBe(after.totalFen - 20000)
    }
  }, 120_000)

  it('a refund made before the cancellation is not counted again as paid back', async () => {
    const order = await d.newOrder()
    expect(await d.pay(order.id, 30000)).toBe('OK')
    const { payments } = await d.ledgerOf(order.id)
    await s.ops.call('payments.refund', { orderId: order.id, paymentId: payments[0].id, requestId: ulid(), amountFen: 10000, reason: 'changed add-ons' }, d.finance)
    await s.ops.call('orders.advance', { orderId: order.id, from: 'pending_deposit', to: 'cancelled' }, s.manager)
    const { order: after } = await d.ledgerOf(order.id)
    expect(after.paidFen).toBe(20000)
    expect(after.refundDueFen - after.refundedFen).toBe(20000)
    expect(await d.violations(order.id)).toEqual([])
  })

  it(`auditing and refunding the same unaudited cash payment keep the unaudited total exact (${ROUNDS} races)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const order = await d.newOrder()
      expect(await d.pay(order.id, 30000)).toBe('OK')
      const paymentId = (await d.ledgerOf(order.id)).payments[0].id
      const [audited, refunded] = await Promise.all([
        s.ops.outcome('payments.audit', { orderId: order.id, paymentId }, d.finance),
        s.ops.outcome('payments.refund', { orderId: order.id, paymentId, requestId: ulid(), amountFen: 10000, reason: 'overcharged' }, d.finance),
      ])
      expect([audited, refunded]).toEqual(['OK', 'OK'])
      const { order: after } = await d.ledgerOf(order.id)
      expect(after.unauditedFen).toBe(0)
      expect(after.paidFen).toBe(20000)
      expect(await d.violations(order.id)).toEqual([])
    }
  }, 120_000)

  it('an unaudited cash payment refunded in full leaves 待审核; one refunded in part stays there to be checked', async () => {
    const unauditedIds = async () => {
      const { items } = (await s.ops.call('payments.unaudited', { limit: 100 }, d.finance)) as { items: { id: string }[] }
      return items.map((p) => p.id)
    }
    const whole = await d.newOrder()
    const part = await d.newOrder()
    expect(await d.pay(whole.id, 30000)).toBe('OK')
    expect(await d.pay(part.id, 30000)).toBe('OK')
    const wholeId = (await d.ledgerOf(whole.id)).payments[0].id
    const partId = (await d.ledgerOf(part.id)).payments[0].id
    expect(await unauditedIds()).toEqual(expect.arrayContaining([wholeId, partId]))

    await s.ops.call('payments.refund', { orderId: whole.id, paymentId: wholeId, requestId: ulid(), amountFen: 10000, reason: 'changed add-ons' }, d.finance)
    expect(await unauditedIds()).toContain(wholeId)
    await s.ops.call('payments.refund', { orderId: whole.id, paymentId: wholeId, requestId: ulid(), amountFen: 20000, reason: 'cancelled' }, d.finance)
    await s.ops.call('payments.refund', { orderId: part.id, paymentId: partId, requestId: ulid(), amountFen: 29999, reason: 'goodwill' }, d.finance)

    const listed = await unauditedIds()
    expect(listed).not.toContain(wholeId)
    expect(listed).toContain(partId)
    expect((await d.ledgerOf(whole.id)).order.unauditedFen).toBe(0)
    expect((await d.ledgerOf(part.id)).order.unauditedFen).toBe(1)
    // Nothing is left to audit on the refunded one; the part left of the other is audited as usual.
    expect(await s.ops.outcome('payments.audit', { orderId: part.id, paymentId: partId }, d.finance)).toBe('OK')
    expect(await unauditedIds()).not.toContain(partId)
    expect(await d.violations(whole.id)).toEqual([])
    expect(await d.violations(part.id)).toEqual([])
  })

  it(`one request id sent four times at once with different amounts records one payment; the others are refused (${ROUNDS} races)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const order = await d.newOrder()
      const requestId = ulid()
      const outcomes = await Promise.all([10000, 10100, 10200, 10300].map((amount) => d.pay(order.id, amount, requestId)))
      expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1)
      expect(outcomes.filter((o) => o === 'REQUEST_ID_REUSED')).toHaveLength(3)
      const { order: after, payments } = await d.ledgerOf(order.id)
      expect(payments).toHaveLength(1)
      expect(after.paidFen).toBe(payments[0].amountFen)
      // Later, with another body: refused too; with the same body: the one result.
      expect(await d.pay(order.id, payments[0].amountFen + 1, requestId)).toBe('REQUEST_ID_REUSED')
      expect(await d.pay(order.id, payments[0].amountFen, requestId)).toBe('OK')
      expect(await d.violations(order.id)).toEqual([])
    }
  }, 120_000)

  it('the same payment sent four times at once answers each with the one payment', async () => {
    const order = await d.newOrder()
    const requestId = ulid()
    expect(await Promise.all([1, 2, 3, 4].map(() => d.pay(order.id, 12300, requestId)))).toEqual(['OK', 'OK', 'OK', 'OK'])
    const { order: after, payments } = await d.ledgerOf(order.id)
    expect(payments).toHaveLength(1)
    expect(after.paidFen).toBe(12300)
  })

  it(`one refund request id sent four times at once with different amounts refunds once (${ROUNDS} races)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const order = await d.newOrder()
      expect(await d.pay(order.id, 50000)).toBe('OK')
      const paymentId = (await d.ledgerOf(order.id)).payments[0].id
      const requestId = ulid()
      const outcomes = await Promise.all(
        [1000, 1100, 1200, 1300].map((amountFen) => s.ops.outcome('payments.refund', { orderId: order.id, paymentId, requestId, amountFen, reason: 'goodwill' }, d.finance)),
      )
      expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1)
      expect(outcomes.filter((o) => o === 'REQUEST_ID_REUSED')).toHaveLength(3)
      const { payments } = await d.ledgerOf(order.id)
      expect(payments.filter((p) => p.kind === 'refund')).toHaveLength(1)
      expect(await d.violations(order.id)).toEqual([])
    }
  }, 120_000)
})

type Action =
  | { kind: 'pay'; amountFen: number; underChargeId: boolean }
  | { kind: 'online'; late: boolean }
  | { kind: 'refund'; payment: number; amountFen: number }
  | { kind: 'audit'; payment: number }
  | { kind: 'cancel' }
  | { kind: 'move' }

const action: fc.Arbitrary<Action> = fc.oneof(
  // A desk payment, some under the id the customer's next WeChat charge had before charge numbers got their own form.
  fc.record({ kind: fc.constant('pay' as const), amountFen: fc.integer({ min: 1, max: 120000 }), underChargeId: fc.boolean() }),
  // The customer pays by WeChat; its notification comes at once, or only in the next round (or after the last).
  fc.record({ kind: fc.constant('online' as const), late: fc.boolean() }),
  fc.record({ kind: fc.constant('refund' as const), payment: fc.nat(5), amountFen: fc.integer({ min: 1, max: 60000 }) }),
  fc.record({ kind: fc.constant('audit' as const), payment: fc.nat(5) }),
  fc.constant({ kind: 'cancel' as const }),
  fc.constant({ kind: 'move' as const }),
)

const NEXT: Record<string, string> = { pending_deposit: 'confirmed', confirmed: 'shot' }

describe('the money invariants hold after random concurrent mixes', () => {
  it(`desk and WeChat payments (their notifications on time or late), refunds, audits, cancels and stage moves, a few at once, round after round (${ROUNDS} runs)`, async () => {
    const s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    const d = await desk(s)
    const weChatPay = deps.payments as PaymentSimulator
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(action, { minLength: 2, maxLength: 4 }), { minLength: 2, maxLength: 4 }), async (rounds) => {
        const order = await d.newOrder()
        // Charges WeChat Pay took, and the notifications it has still to deliver (again, if answered "send again").
        const charges = new Set<string>()
        const undelivered: NotificationRequest[] = []
        const notify = async (notification: NotificationRequest) => {
          try {
            return await handlePaymentNotification(deps, notification, new Date())
          } catch (error) {
            // Only a passing clash is answered "send again"; anything else fails the run.
            if (!(error instanceof DomainError && ['CONFLICT', 'ILLEGAL_TRANSITION', 'DAY_CLOSED'].includes(error.code))) throw error
            undelivered.push(notification)
            return 'SEND_AGAIN'
          }
        }
        const payOnline = async (stage: string, late: boolean) => {
          const kind = stage === 'pending_deposit' ? 'deposit' : 'balance'
          let charge: { outTradeNo: string }
          try {
            charge = await s.ops.call('payments.prepay', { orderId: order.id, kind }, d.customer.token)
          } catch (error) {
            if (error instanceof DomainError) return error.code
            throw error
          }
          const notification = await weChatPay.pay(charge.outTradeNo, new Date()).catch((error) => {
            if (error instanceof WeChatPayError) return undefined
            throw error
          })
          // Closed under the customer's thumb (a cancellation, a newer charge): nothing was taken.
          if (!notification) return 'CHARGE_CLOSED'
          charges.add(charge.outTradeNo)
          if (!late) return notify(notification)
          undelivered.push(notification)
          return 'PAID_NOTICE_LATE'
        }
        for (const round of rounds) {
          const { order: before, payments } = await d.ledgerOf(order.id)
          const credited = payments.filter((p) => p.amountFen > 0 && p.reason !== UNCREDITED_REASON)
          const late = undelivered.splice(0)
          const outcomes = await Promise.all([
            ...late.map(notify),
            ...round.map((a) => {
              const payment = credited.length > 0 && 'payment' in a ? credited[a.payment % credited.length] : undefined
              switch (a.kind) {
                case 'pay': {
                  const chargeId = outTradeNoFor(s.studio.studio.id, order.id, 'balance', before.balanceFen - a.amountFen, 0).slice(1)
                  return d.pay(order.id, a.amountFen, a.underChargeId ? chargeId : ulid())
                }
                case 'online':
                  return payOnline(before.stage, a.late)
                case 'refund':
                  return payment ? s.ops.outcome('payments.refund', { orderId: order.id, paymentId: payment.id, requestId: ulid(), amountFen: a.amountFen, reason: 'mix' }, d.finance) : 'SKIPPED'
                case 'audit':
                  return payment ? s.ops.outcome('payments.audit', { orderId: order.id, paymentId: payment.id }, d.finance) : 'SKIPPED'
                case 'cancel':
                  return s.ops.outcome('orders.advance', { orderId: order.id, from: before.stage, to: 'cancelled' }, s.manager)
                case 'move':
                  return NEXT[before.stage] ? s.ops.outcome('orders.advance', { orderId: order.id, from: before.stage, to: NEXT[before.stage] }, s.manager) : 'SKIPPED'
              }
            }),
          ])
          // Every refusal is a domain answer (outcome rethrows anything else).
          expect(outcomes.every((o) => typeof o === 'string')).toBe(true)
          expect(await d.violations(order.id)).toEqual([])
        }
        // WeChat Pay keeps sending what was not answered yet.
        for (let attempt = 0; undelivered.length > 0 && attempt < 5; attempt++) await Promise.all(undelivered.splice(0).map(notify))
        expect(undelivered).toEqual([])
        // Every charge WeChat Pay took is on the order: credited, or recorded as uncredited and sent back.
        const { payments } = await d.ledgerOf(order.id)
        for (const outTradeNo of charges) {
          const payment = payments.find((p) => p.id === outTradeNo)
          expect(payment).toMatchObject({ method: 'wechat' })
          if (payment.reason === UNCREDITED_REASON) {
            expect(payment).toMatchObject({ status: 'refunded', refundableFen: 0 })
            expect((await weChatPay.query(outTradeNo))?.tradeState).toBe('REFUND')
          }
        }
        expect(await d.violations(order.id)).toEqual([])
      }),
      // Every run counts: no time limit cuts the runs short of ROUNDS.
      { numRuns: ROUNDS },
    )
  }, 480_000)
})

describe('the invariant check itself', () => {
  const order = { id: 'o', stage: 'confirmed' as const, totalFen: 1000, paidFen: 300, balanceFen: 700, unauditedFen: 300, refundedFen: 0, refundDueFen: undefined }
  const cash = { id: 'p', amountFen: 300, refundableFen: 300, audited: false }

  it('finds nothing wrong with a consistent order', () => {
    expect(orderMoneyViolations(order, [cash])).toEqual([])
  })

  it('names each broken invariant', () => {
    expect(orderMoneyViolations({ ...order, unauditedFen: -100 }, [cash]).map((v) => v.invariant)).toEqual(['unaudited'])
    expect(orderMoneyViolations({ ...order, paidFen: 400, balanceFen: 600 }, [cash]).map((v) => v.invariant)).toEqual(['paid'])
    expect(orderMoneyViolations(order, [cash, { id: 'r', amountFen: -400, refundableFen: 0, refundOf: 'p', audited: true }]).map((v) => v.invariant)).toContain('refund-within-payment')
    expect(orderMoneyViolations({ ...order, stage: 'cancelled', paidFen: 400, balanceFen: 600, unauditedFen: 400, refundDueFen: 300 }, [{ ...cash, amountFen: 400, refundableFen: 400 }]).map((v) => v.invariant)).toEqual(['owed-back'])
  })
})
