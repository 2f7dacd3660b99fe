import { http, signIn, signInCustomer } from '../support/http'
import { samplePackage } from '../../scripts/lib/sample-package'
import { newStudio } from '../support/studio'
import { at, shanghaiDay } from '../support/booking'

let studio: Awaited<ReturnType<typeof newStudio>>
let manager: string
let pkg: { id: string }
const branch = () => studio.branches[0]!.id

beforeAll(async () => {
  studio = await newStudio()
  manager = await signIn(studio.code, 'manager')
  await http('PUT', `/branches/${branch()}/rooms`, { token: manager, body: { name: 'Studio 1' } })
  pkg = (
    await http('POST', '/catalog/packages', {
      token: manager,
      body: samplePackage([branch()], {
        category: 'kids',
        name: 'Kids',
        coverImage: '/media/demo/kids.jpg',
        priceFen: 99900,
        deposit: { kind: 'amount', amountFen: 30000 },
        shootMinutes: 60,
        resources: ['photographer', 'room'],
        retouchedPhotos: 10,
        extraPhotoPriceFen: 3000,
      }),
    })
  ).body
})

describe('booking over HTTP', () => {
  it('books, answers SLOT_TAKEN with next free times as 409, and lets only a manager confirm without a deposit', async () => {
    const [amy, bob] = await Promise.all([signInCustomer(studio.code, 'amy'), signInCustomer(studio.code, 'bob')])
    const day = shanghaiDay(9)
    const body = { packageId: pkg.id, branchId: branch(), startsAt: at(day, '10:00'), remindCustomer: true }
    const booked = await http('POST', '/bookings', { token: amy.token, body })
    expect(booked.status).toBe(200)
    expect(booked.body).toMatchObject({ status: 'held', customerId: amy.id, remindCustomer: true })
    const taken = await http('POST', '/bookings', { token: bob.token, body })
    expect(taken.status).toBe(409)
    expect(taken.body.error.code).toBe('SLOT_TAKEN')
    expect(taken.body.error.details.nextFreeTimes.length).toBeGreaterThan(0)
    expect((await http('POST', `/bookings/${booked.body.id}/confirm`, { token: amy.token, body: {} })).status).toBe(403)
    // Reception takes the deposit as a payment; only a manager confirms without one.
    expect((await http('POST', `/bookings/${booked.body.id}/confirm`, { token: await signIn(studio.code, 'reception'), body: {} })).status).toBe(403)
    const confirmed = await http('POST', `/bookings/${booked.body.id}/confirm`, { token: manager, body: {} })
    expect(confirmed.body.status).toBe('confirmed')
  })

  it('refuses bad input field by field and writes nothing', async () => {
    const amy = await signInCustomer(studio.code, 'amy-bad')
    const cases: [Record<string, unknown>, string][] = [
      [{ startsAt: 'tomorrow at ten' }, 'startsAt'],
      [{ startsAt: undefined }, 'startsAt'],
      [{ packageId: 'not-an-id' }, 'packageId'],
      [{ remindCustomer: 'yes' }, 'remindCustomer'],
      [{ price: 1 }, 'price'],
    ]
    for (const [overrides, field] of cases) {
      const answer = await http('POST', '/bookings', { token: amy.token, body: { packageId: pkg.id, branchId: branch(), startsAt: at(shanghaiDay(9), '14:00'), ...overrides } })
      expect(answer.status).toBe(400)
      expect(JSON.stringify(answer.body.error.details.fields)).toContain(field)
    }
    expect((await http('GET', '/me/appointments', { token: amy.token })).body.items).toEqual([])
  })

  it('keeps roles: a photographer cannot book, a customer cannot see the branch day or set up rooms', async () => {
    const amy = await signInCustomer(studio.code, 'amy-roles')
    const photographer = await signIn(studio.code, 'photographer')
    expect((await http('POST', '/bookings', { token: photographer, body: { packageId: pkg.id, branchId: branch(), startsAt: at(shanghaiDay(9), '15:00') } })).status).toBe(403)
    expect((await http('GET', `/branches/${branch()}/day?date=${shanghaiDay(9)}`, { token: amy.token })).status).toBe(403)
    expect((await http('PUT', `/branches/${branch()}/rooms`, { token: amy.token, body: { name: 'Mine now' } })).status).toBe(403)
    expect((await http('PUT', `/branches/${studio.branches[1]!.id}/rooms`, { token: manager, body: { name: 'Not my branch' } })).status).toBe(403)
  })

  it('never lets another studio book, see or change this studio’s bookings', async () => {
    const other = await newStudio(undefined, 'Elsewhere')
    const outsider = await signInCustomer(other.code, 'outsider')
    expect((await http('GET', `/bookings/availability?packageId=${pkg.id}&branchId=${branch()}&from=${shanghaiDay(9)}&to=${shanghaiDay(9)}`, { token: outsider.token })).status).toBe(404)
    expect((await http('POST', '/bookings', { token: outsider.token, body: { packageId: pkg.id, branchId: branch(), startsAt: at(shanghaiDay(9), '16:00') } })).status).toBe(404)
    const amy = await signInCustomer(studio.code, 'amy-iso')
    const mine = await http('POST', '/bookings', { token: amy.token, body: { packageId: pkg.id, branchId: branch(), startsAt: at(shanghaiDay(11), '10:00') } })
    expect((await http('POST', `/bookings/${mine.body.id}/cancel`, { token: outsider.token, body: {} })).status).toBe(404)
    expect((await http('POST', `/bookings/${mine.body.id}/confirm`, { token: await signIn(other.code, 'manager'), body: {} })).status).toBe(404)
  })
})
