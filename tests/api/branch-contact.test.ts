import { http, signIn, signInCustomer } from '../support/http'
import { newStudio } from '../support/studio'

let studio: Awaited<ReturnType<typeof newStudio>>
let manager: string
const own = () => studio.branches[0]!.id
const other = () => studio.branches[1]!.id

beforeAll(async () => {
  studio = await newStudio()
  manager = await signIn(studio.code, 'manager')
})

const contact = { address: '北京市朝阳区建国路 88 号 2 层', phone: '010-6500 1234', location: { latitude: 39.9087, longitude: 116.4605 } }

describe('how customers reach a branch', () => {
  it('lets a manager set their branch’s address, phone and map pin, which customers then read with the branches', async () => {
    const saved = await http('PUT', `/branches/${own()}/contact`, { token: manager, body: contact })
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({ id: own(), ...contact })
    const customer = await signInCustomer(studio.code, 'reach')
    const { body } = await http('GET', '/branches', { token: customer.token })
    expect(body.items.find((b: { id: string }) => b.id === own())).toMatchObject(contact)
  })

  it('clears the pin when it is set to null and keeps the branch’s name', async () => {
    const cleared = await http('PUT', `/branches/${own()}/contact`, { token: manager, body: { ...contact, location: null } })
    expect(cleared.status).toBe(200)
    expect(cleared.body.location).toBeUndefined()
    expect(cleared.body.name).toBe(studio.branches[0]!.name)
  })

  it('refuses a bad address, phone or coordinate field by field and changes nothing', async () => {
    await http('PUT', `/branches/${own()}/contact`, { token: manager, body: contact })
    const cases: [Record<string, unknown>, string][] = [
      [{ address: '  ' }, 'address'],
      [{ phone: 'call us' }, 'phone'],
      [{ location: { latitude: 120, longitude: 116.4 } }, 'location.latitude'],
      [{ location: { latitude: 39.9 } }, 'location.longitude'],
    ]
    for (const [overrides, field] of cases) {
      const answer = await http('PUT', `/branches/${own()}/contact`, { token: manager, body: { ...contact, ...overrides } })
      expect(answer.status).toBe(400)
      expect(answer.body.error.code).toBe('VALIDATION_FAILED')
      expect(answer.body.error.details.fields.map((f: { path: string }) => f.path)).toContain(field)
    }
    const { body } = await http('GET', '/branches', { token: manager })
    expect(body.items.find((b: { id: string }) => b.id === own())).toMatchObject(contact)
  })

  it('lets a manager change only their own branch, an admin any, and no one else at all', async () => {
    expect((await http('PUT', `/branches/${other()}/contact`, { token: manager, body: contact })).status).toBe(403)
    const admin = await signIn(studio.code, 'admin')
    expect((await http('PUT', `/branches/${other()}/contact`, { token: admin, body: contact })).status).toBe(200)
    for (const role of ['reception', 'photographer']) {
      expect((await http('PUT', `/branches/${own()}/contact`, { token: await signIn(studio.code, role), body: contact })).status).toBe(403)
    }
    const customer = await signInCustomer(studio.code, 'not-a-manager')
    expect((await http('PUT', `/branches/${own()}/contact`, { token: customer.token, body: contact })).status).toBe(403)
    const elsewhere = await newStudio(undefined, 'Elsewhere')
    const outsider = await signIn(elsewhere.code, 'admin')
    expect((await http('PUT', `/branches/${own()}/contact`, { token: outsider, body: { ...contact, address: 'taken over' } })).status).toBe(404)
  })
})
