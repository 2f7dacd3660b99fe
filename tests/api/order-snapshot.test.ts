import { ulid } from 'ulid'
import { bookableStudioOverHttp, freeSlots } from '../support/bookable'
import { http, signIn, signInCustomer } from '../support/http'

/** An order keeps its package and prices as sold: a later price change in the catalogue never alters it. */
describe('the order’s snapshot of its package', () => {
  it('keeps the price, deposit and extra-photo price an order was sold at', async () => {
    const setup = await bookableStudioOverHttp('Snapshot Studio', '轻奢写真')
    const reception = await signIn(setup.studio.code, 'reception')
    const customer = await signInCustomer(setup.studio.code, 'snapshot')
    const slots = await freeSlots(customer.token, setup.pkg.id, setup.branchId)
    const booked = (await http('POST', '/bookings', { token: customer.token, body: { packageId: setup.pkg.id, branchId: setup.branchId, startsAt: slots[2]!.startsAt } })).body
    const walkIn = (await http('POST', '/customers', { token: reception, body: { name: '快照客户', phone: '13800009999' } })).body
    const desk = (await http('POST', '/orders', { token: reception, body: { requestId: ulid(), customerId: walkIn.id, packageId: setup.pkg.id } })).body

    const { id: _id, depositFen: _d, active: _a, sortOrder: _s, version, createdAt: _c, updatedAt: _u, ...fields } = setup.pkg
    const repriced = await http('PUT', `/catalog/packages/${setup.pkg.id}`, {
      token: setup.manager,
      body: { ...fields, version, priceFen: 299900, extraPhotoPriceFen: 9000 },
    })
    expect(repriced.status).toBe(200)

    for (const orderId of [booked.orderId, desk.id]) {
      const { order } = (await http('GET', `/orders/${orderId}`, { token: reception })).body
      expect(order.package).toMatchObject({ priceFen: 199900, depositFen: 59970, extraPhotoPriceFen: 5000 })
      expect(order).toMatchObject({ totalFen: 199900, depositFen: 59970, balanceFen: 199900 })
    }
  })
})
