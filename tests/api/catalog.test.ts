import { http, signIn, signInCustomer } from '../support/http'
import { newStudio } from '../support/studio'

let studio: Awaited<ReturnType<typeof newStudio>>
let manager: string
let admin: string

beforeAll(async () => {
  studio = await newStudio()
  ;[manager, admin] = await Promise.all([signIn(studio.code, 'manager'), signIn(studio.code, 'admin')])
})

const weddingPackage = (overrides: Record<string, unknown> = {}) => ({
  category: 'wedding',
  name: '浪漫婚纱 · 经典款',
  description: '内景两套服装，外景一组',
  coverImage: '/media/demo/wedding-cover.jpg',
  gallery: ['https://img.example.com/a.webp'],
  priceFen: 699900,
  deposit: { kind: 'percent', percent: 30 },
  shootMinutes: 240,
  resources: ['photographer', 'makeup', 'room'],
  retouchedPhotos: 30,
  extraPhotoPriceFen: 5000,
  includedProducts: [],
  branchIds: [studio.branches[0]!.id],
  ...overrides,
})

const fieldsOf = (answer: { body: { error: { details: { fields: { path: string }[] } } } }) => answer.body.error.details.fields.map((f) => f.path).sort()

describe('packages (套系)', () => {
  it('lets a manager create a package with its deposit worked out in fen', async () => {
    const answer = await http('POST', '/catalog/packages', { token: manager, body: weddingPackage() })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ priceFen: 699900, depositFen: 209970, active: true, version: 1 })
  })

  it('refuses bad packages field by field and saves none of them', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ priceFen: -100 }, ['priceFen']],
      [{ priceFen: 699.5 }, ['priceFen']],
      [{ deposit: { kind: 'amount', amountFen: 800000 } }, ['deposit.amountFen']],
      [{ shootMinutes: 0 }, ['shootMinutes']],
      [{ category: 'underwater' }, ['category']],
      [{ coverImage: 'https://example.com/brochure.pdf' }, ['coverImage']],
      [{ gallery: ['javascript:alert(1)//.png'] }, ['gallery.0']],
      [{ branchIds: ['01J00000000000000000000000'] }, ['branchIds.0']],
      [{ extraPhotoPriceFen: -1, retouchedPhotos: 2.5 }, ['extraPhotoPriceFen', 'retouchedPhotos']],
    ]
    const before = (await http('GET', '/catalog/packages?includeInactive=true', { token: manager })).body.items.length
    for (const [overrides, fields] of cases) {
      const answer = await http('POST', '/catalog/packages', { token: manager, body: weddingPackage({ name: 'Should not exist', ...overrides }) })
      expect({ overrides, status: answer.status, code: answer.body.error.code }).toEqual({ overrides, status: 400, code: 'VALIDATION_FAILED' })
      expect(fieldsOf(answer)).toEqual(fields)
    }
    expect((await http('GET', '/catalog/packages?includeInactive=true', { token: manager })).body.items.length).toBe(before)
  })

  it('refuses a photographer or reception editing packages', async () => {
    for (const role of ['photographer', 'reception']) {
      const token = await signIn(studio.code, role)
      const answer = await http('POST', '/catalog/packages', { token, body: weddingPackage() })
      expect(answer.status).toBe(403)
    }
  })

  it('shows customers the active packages of a branch in the studio’s order, with what is included', async () => {
    const album = await http('POST', '/catalog/products', { token: manager, body: { name: '水晶相册', priceFen: 120000, unit: '本', consumesStock: true } })
    const a = await http('POST', '/catalog/packages', { token: manager, body: weddingPackage({ name: 'A', includedProducts: [{ productId: album.body.id, quantity: 1 }] }) })
    const b = await http('POST', '/catalog/packages', { token: manager, body: weddingPackage({ name: 'B', category: 'portrait' }) })
    const hidden = await http('POST', '/catalog/packages', { token: manager, body: weddingPackage({ name: 'Hidden' }) })
    const otherBranch = await http('POST', '/catalog/packages', { token: admin, body: weddingPackage({ name: 'Xuhui only', branchIds: [studio.branches[1]!.id] }) })
    await http('POST', `/catalog/packages/${hidden.body.id}/active`, { token: manager, body: { active: false } })
    await http('PUT', '/catalog/package-order', { token: manager, body: { packageIds: [b.body.id, a.body.id] } })

    const customer = await signInCustomer(studio.code, 'browser')
    const list = await http('GET', `/catalog/packages?branchId=${studio.branches[0]!.id}`, { token: customer.token })
    const names = list.body.items.map((p: { name: string }) => p.name)
    expect(names.slice(0, 2)).toEqual(['B', 'A'])
    expect(names).not.toContain('Hidden')
    expect(names).not.toContain('Xuhui only')

    const detail = await http('GET', `/catalog/packages/${a.body.id}`, { token: customer.token })
    expect(detail.body.included).toEqual([{ product: expect.objectContaining({ name: '水晶相册' }), quantity: 1 }])
    expect((await http('GET', `/catalog/packages/${hidden.body.id}`, { token: customer.token })).status).toBe(404)
    expect((await http('GET', `/catalog/packages/${otherBranch.body.id}`, { token: customer.token })).status).toBe(200)
    expect((await http('GET', '/catalog/packages?category=portrait', { token: customer.token })).body.items.map((p: { name: string }) => p.name)).toEqual(['B'])
  })

  it('refuses an edit made from a stale version', async () => {
    const created = (await http('POST', '/catalog/packages', { token: manager, body: weddingPackage({ name: 'Versioned' }) })).body
    const first = await http('PUT', `/catalog/packages/${created.id}`, { token: manager, body: { ...weddingPackage({ name: 'Versioned', priceFen: 799900 }), version: 1 } })
    expect(first.body).toMatchObject({ version: 2, priceFen: 799900, depositFen: 239970 })
    const stale = await http('PUT', `/catalog/packages/${created.id}`, { token: admin, body: { ...weddingPackage({ name: 'Versioned', priceFen: 1 }), version: 1 } })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('VERSION_CONFLICT')
  })

  it('never shows one studio’s catalogue to another', async () => {
    const other = await newStudio(undefined, 'Other Studio')
    const theirs = (await http('POST', '/catalog/packages', { token: await signIn(other.code, 'manager'), body: { ...weddingPackage(), branchIds: [other.branches[0]!.id] } })).body
    expect((await http('GET', `/catalog/packages/${theirs.id}`, { token: manager })).status).toBe(404)
    const mine = (await http('GET', '/catalog/packages?includeInactive=true', { token: manager })).body.items.map((p: { id: string }) => p.id)
    expect(mine).not.toContain(theirs.id)
  })

  it('keeps categories in use', async () => {
    const answer = await http('PUT', '/catalog/categories', { token: manager, body: { items: [{ code: 'kids', name: '儿童照', nameEn: 'Kids' }] } })
    expect(answer.status).toBe(412)
  })
})

describe('customer file permissions over HTTP', () => {
  it('refuses a customer the customer list and a photographer the customer search', async () => {
    const customer = await signInCustomer(studio.code, 'nosy')
    expect((await http('GET', '/customers', { token: customer.token })).status).toBe(403)
    expect((await http('GET', '/customers?q=1234', { token: await signIn(studio.code, 'photographer') })).status).toBe(403)
  })

  it('finds a customer created by reception by the last four digits of the phone', async () => {
    const reception = await signIn(studio.code, 'reception')
    const created = await http('POST', '/customers', { token: reception, body: { name: '周杰', phone: '13988887777', source: 'walk_in' } })
    expect(created.status).toBe(200)
    const found = await http('GET', '/customers?q=7777', { token: reception })
    expect(found.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id)
  })

  it('serves the export at a fixed path that is not mistaken for a customer id', async () => {
    const answer = await http('GET', '/customers/export', { token: admin })
    expect(answer.status).toBe(200)
    expect(answer.body.csv.startsWith('\ufeff')).toBe(true)
  })
})
