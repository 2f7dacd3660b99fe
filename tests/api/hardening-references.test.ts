import { ulid } from 'ulid'
import { bookableStudioOverHttp } from '../support/bookable'
import { http, signIn } from '../support/http'

type Setup = Awaited<ReturnType<typeof bookableStudioOverHttp>>
let ours: Setup
let theirs: Setup
let reception: string
let customerId: string
let theirCustomerId: string

beforeAll(async () => {
  ours = await bookableStudioOverHttp('引用本店', '本店套餐')
  theirs = await bookableStudioOverHttp('引用别店', '别店套餐')
  reception = await signIn(ours.studio.code, 'reception')
  customerId = (await http('POST', '/customers', { token: reception, body: { name: '林小姐', phone: '13800001111' } })).body.id
  theirCustomerId = (await http('POST', '/customers', { token: theirs.manager, body: { name: '别家客人', phone: '13800002222' } })).body.id
})

const ordersOf = async (id: string) => (await http('GET', `/customers/${id}/orders`, { token: reception })).body.items

describe('every id taken as a reference belongs to the caller’s studio', () => {
  it('an order cannot be opened in another studio’s branch, and nothing is written', async () => {
    // Reception is held to its own branch first; an admin, who works across branches, is told the branch is not the studio's.
    const fromDesk = await http('POST', '/orders', { token: reception, body: { requestId: ulid(), customerId, packageId: ours.pkg.id, branchId: theirs.branchId } })
    expect(fromDesk.status).toBe(403)
    const admin = await signIn(ours.studio.code, 'admin')
    const answer = await http('POST', '/orders', { token: admin, body: { requestId: ulid(), customerId, packageId: ours.pkg.id, branchId: theirs.branchId } })
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('VALIDATION_FAILED')
    expect(answer.body.error.details.fields).toEqual([expect.objectContaining({ path: 'branchId' })])
    expect(await ordersOf(customerId)).toEqual([])
    // Its own branch is fine.
    expect((await http('POST', '/orders', { token: reception, body: { requestId: ulid(), customerId, packageId: ours.pkg.id, branchId: ours.branchId } })).status).toBe(200)
  })

  it('an order cannot name another studio’s package or customer', async () => {
    const pkg = await http('POST', '/orders', { token: reception, body: { requestId: ulid(), customerId, packageId: theirs.pkg.id } })
    expect(pkg.body.error.code).toBe('NOT_FOUND')
    const customer = await http('POST', '/orders', { token: reception, body: { requestId: ulid(), customerId: theirCustomerId, packageId: ours.pkg.id } })
    expect(customer.body.error.code).toBe('NOT_FOUND')
  })

  it('a follow-up cannot be assigned to another studio’s staff member', async () => {
    const foreign = theirs.studio.staff['reception']!.id
    const answer = await http('POST', `/customers/${customerId}/follow-ups`, { token: reception, body: { dueDate: '2030-01-02', assigneeId: foreign, note: '回访' } })
    expect(answer.status).toBe(400)
    expect(answer.body.error.details.fields).toEqual([expect.objectContaining({ path: 'assigneeId' })])
    const own = await http('POST', `/customers/${customerId}/follow-ups`, { token: reception, body: { dueDate: '2030-01-02', assigneeId: ours.studio.staff['reception']!.id, note: '回访' } })
    expect(own.status).toBe(200)
  })

  it('another studio’s customer’s orders answer 404, as the other reads do', async () => {
    const answer = await http('GET', `/customers/${theirCustomerId}/orders`, { token: reception })
    expect(answer.status).toBe(404)
    expect(answer.body.error.code).toBe('NOT_FOUND')
    expect((await http('GET', `/customers/${ulid()}/orders`, { token: reception })).status).toBe(404)
    expect((await http('GET', `/customers/${customerId}/orders`, { token: reception })).status).toBe(200)
  })
})
