import { ulid } from 'ulid'
import { seedCatalog } from '../support/app'
import { http, ok, signIn } from '../support/http'
import { newStudio } from '../support/studio'

let studio: Awaited<ReturnType<typeof newStudio>>
let packageId: string
const tokens: Record<string, string> = {}
const as = (username: string) => ({ token: tokens[username]! })

beforeAll(async () => {
  studio = await newStudio(undefined, 'Audit Studio')
  for (const username of ['admin', 'reception', 'finance', 'manager']) tokens[username] = await signIn(studio.code, username)
  const [pkg] = await seedCatalog(studio.code, [studio.branches[0]!.id], [{ name: '森系写真', category: 'portrait', priceFen: 299900, image: 'portrait' }])
  packageId = pkg.id
})

describe('the audit log', () => {
  it('shows each payment with its customer, order and amount, so the entry can open the order', async () => {
    const customerId = ok(await http('POST', '/customers', { ...as('reception'), body: { name: '周晓', phone: '13900139001' } }), 'customer').id
    const order = ok(await http('POST', '/orders', { ...as('reception'), body: { requestId: ulid(), customerId, packageId } }), 'order')
    const paid = ok(
      await http('POST', `/orders/${order.id}/payments`, { ...as('reception'), body: { requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: 50000 } }),
      'deposit',
    )
    ok(await http('POST', `/orders/${order.id}/payments/${paid.payments[0].id}/audit`, as('finance')), 'audit')

    const log = ok(await http('GET', '/audit', as('admin')), 'audit log')
    const recorded = log.items.find((e: any) => e.action === 'payment.recorded')
    const audited = log.items.find((e: any) => e.action === 'payment.audited')
    for (const entry of [recorded, audited]) {
      expect(entry.about).toEqual({ orderId: order.id, packageName: '森系写真', customerId, customerName: '周晓', amountFen: 50000 })
    }
    // Entries about no order (sign-ins) carry nothing of the kind.
    const signedIn = log.items.find((e: any) => e.action === 'auth.signed_in')
    expect(signedIn).toBeDefined()
    expect(signedIn.about).toBeUndefined()
  })

  it('shows a discount with its customer, package and the new discount', async () => {
    const customerId = ok(await http('POST', '/customers', { ...as('reception'), body: { name: '吴桐', phone: '13900139002' } }), 'customer').id
    const order = ok(await http('POST', '/orders', { ...as('reception'), body: { requestId: ulid(), customerId, packageId } }), 'order')
    const changed = await http('PATCH', `/orders/${order.id}`, { ...as('manager'), body: { version: order.version, discountFen: 20000, discountReason: '老客户' } })
    expect(changed.status).toBe(200)
    const log = ok(await http('GET', '/audit?action=order.discounted', as('admin')), 'audit log')
    expect(log.items).toHaveLength(1)
    expect(log.items[0].about).toMatchObject({ orderId: order.id, customerName: '吴桐', packageName: '森系写真', amountFen: 20000 })
  })

  it('is the admin’s only: a manager is refused and sees nothing of it', async () => {
    const refused = await http('GET', '/audit', as('manager'))
    expect(refused.status).toBe(403)
    expect(refused.body.items).toBeUndefined()
  })
})
