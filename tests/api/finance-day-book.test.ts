import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import { studioDate } from '../../functions/domain/time'
import { keys } from '../../functions/store/keys'
import { localClient } from '../../scripts/lib/dynamodb-local'
import { bookableStudioOverHttp, freeSlots } from '../support/bookable'
import { TEST_TABLE } from '../support/constants'
import { http, ok, signIn, signInCustomer } from '../support/http'
import { notify, paidFor } from '../support/orders'
import { endpoint } from '../support/studio'

/**
 * The branch day book over HTTP, where money meets a closed day or older records: WeChat Pay money
 * that lands on a closed day is booked on the next open one, each desk is shown by the name its
 * staff member goes by, and a payment recorded before payments named their branch still shows in
 * its branch's unaudited list.
 */
describe('the day book of a branch', () => {
  const today = studioDate(new Date(), 'Asia/Shanghai')
  const tomorrow = studioDate(new Date(Date.now() + 86_400_000), 'Asia/Shanghai')
  const tokens: Record<string, string> = {}
  let setup: Awaited<ReturnType<typeof bookableStudioOverHttp>>
  let studioId: string

  beforeAll(async () => {
    setup = await bookableStudioOverHttp('日结边界影楼', '经典写真')
    studioId = setup.studio.studio.id
    for (const username of ['reception', 'finance', 'manager', 'admin']) tokens[username] = await signIn(setup.studio.code, username)
  })

  const day = async (date: string) => ok(await http('GET', `/finance/days/${setup.branchId}/${date}`, { token: tokens.finance }), `day ${date}`)
  const deskOrder = async (token = tokens.reception) => {
    const phone = `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
    const customer = ok(await http('POST', '/customers', { token, body: { name: '周先生', phone } }), 'customer')
    return ok(await http('POST', '/orders', { token, body: { requestId: ulid(), customerId: customer.id, packageId: setup.pkg.id, branchId: setup.branchId } }), 'order')
  }
  const cash = async (orderId: string, amountFen: number, token = tokens.reception) =>
    ok(await http('POST', `/orders/${orderId}/payments`, { token, body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen } }), 'cash deposit')

  it('shows each desk by the name its staff member goes by, not their user name', async () => {
    const hired = ok(
      await http('POST', '/staff', {
        token: tokens.admin,
        body: { username: 'desk.mei', displayName: '前台小美', password: 'a-good-password', roles: ['reception'], branchId: setup.branchId },
      }),
      'new receptionist',
    )
    const mei = await signIn(setup.studio.code, 'desk.mei', 'a-good-password')
    const order = await deskOrder(mei)
    const paid = await cash(order.id, 50_000, mei)
    const seen = await day(today)
    expect(seen.desks).toEqual(expect.arrayContaining([expect.objectContaining({ deskId: hired.id, deskName: '前台小美', method: 'cash', amountFen: 50_000, count: 1 })]))
    expect(seen.desks.some((d: { deskName: string }) => d.deskName === 'desk.mei')).toBe(false)
    expect(seen.unaudited).toEqual(expect.arrayContaining([expect.objectContaining({ paymentId: paid.payments[0].id, recordedBy: expect.objectContaining({ name: '前台小美' }) })]))
  })

  it('lists a payment recorded before payments named their branch under its order’s branch, and no other', async () => {
    const order = await deskOrder()
    const paymentId = (await cash(order.id, 30_000)).payments[0].id as string
    // The payment as it was stored before it carried its branch.
    const db = DynamoDBDocumentClient.from(localClient(endpoint()))
    const key = keys.orderPayment(studioId, order.id, paymentId)
    await db.send(new UpdateCommand({ TableName: TEST_TABLE, Key: key, UpdateExpression: 'REMOVE branchId', ConditionExpression: 'attribute_exists(pk)' }))
    expect((await db.send(new GetCommand({ TableName: TEST_TABLE, Key: key }))).Item?.branchId).toBeUndefined()

    expect((await day(today)).unaudited.map((u: { paymentId: string }) => u.paymentId)).toContain(paymentId)
    const otherBranch = setup.studio.branches.find((b) => b.id !== setup.branchId)!
    const other = ok(await http('GET', `/finance/days/${otherBranch.id}/${today}`, { token: tokens.admin }), 'the other branch’s day')
    expect(other.unaudited.map((u: { paymentId: string }) => u.paymentId)).not.toContain(paymentId)
    // Audited, it leaves the list like any other.
    ok(await http('POST', `/orders/${order.id}/payments/${paymentId}/audit`, { token: tokens.finance, body: {} }), 'audit')
    expect((await day(today)).unaudited.map((u: { paymentId: string }) => u.paymentId)).not.toContain(paymentId)
  })

  it('books WeChat Pay money credited after its day was closed on the next open day, and the payment names that day', async () => {
    const customer = await signInCustomer(setup.studio.code, '吴小姐')
    const slots = await freeSlots(customer.token, setup.pkg.id, setup.branchId)
    const booked = ok(await http('POST', '/bookings', { token: customer.token, body: { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: slots[3]!.startsAt } }), 'booking')
    const prepay = ok(await http('POST', `/orders/${booked.orderId}/wechat-pay`, { token: customer.token, body: { kind: 'deposit' } }), 'prepay')

    const open = await day(today)
    ok(
      await http('POST', `/finance/days/${setup.branchId}/${today}/close`, {
        token: tokens.finance,
        body: { revision: open.revision, countedCashFen: open.expectedCashFen },
      }),
      'close today',
    )
    const closed = await day(today)
    const tomorrowBefore = await day(tomorrow)

    // The customer paid today; WeChat Pay says so after finance closed the day. Money already taken cannot be refused.
    expect((await notify(paidFor(studioId, booked.orderId, prepay))).status).toBe(204)
    const order = ok(await http('GET', `/orders/${booked.orderId}`, { token: tokens.reception }), 'order')
    expect(order.order).toMatchObject({ paidFen: prepay.amountFen, stage: 'confirmed' })
    const payment = order.payments.find((p: { outTradeNo?: string }) => p.outTradeNo === prepay.outTradeNo)
    expect(payment).toMatchObject({ method: 'wechat', amountFen: prepay.amountFen, bookedOn: tomorrow })
    expect(studioDate(new Date(payment.at), 'Asia/Shanghai')).toBe(today)

    // The closed day is exactly as it was closed.
    const after = await day(today)
    expect(after).toMatchObject({ status: 'closed', revision: closed.revision, receivedFen: closed.receivedFen, desks: closed.desks })
    // The next open day holds it, at WeChat Pay's desk.
    const next = await day(tomorrow)
    expect(next.revision).toBe(tomorrowBefore.revision + 1)
    expect(next.methods.find((m: { method: string }) => m.method === 'wechat').receivedFen).toBe(prepay.amountFen)
    expect(next.desks).toEqual([expect.objectContaining({ deskId: 'wechat', method: 'wechat', amountFen: prepay.amountFen, count: 1 })])

    // The same notification again credits nothing twice.
    expect((await notify(paidFor(studioId, booked.orderId, prepay))).status).toBe(204)
    expect((await day(tomorrow)).revision).toBe(next.revision)
  })
})
