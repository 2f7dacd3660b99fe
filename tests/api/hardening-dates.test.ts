import { bookableStudioOverHttp } from '../support/bookable'
import { http, signIn } from '../support/http'

let setup: Awaited<ReturnType<typeof bookableStudioOverHttp>>
let photographer: string

beforeAll(async () => {
  setup = await bookableStudioOverHttp('日期边界影楼', '日期边界套餐')
  photographer = await signIn(setup.studio.code, 'photographer')
})

const availability = (from: string, to: string) =>
  http('GET', `/bookings/availability?${new URLSearchParams({ packageId: setup.pkg.id, branchId: setup.branchId, from, to })}`, { token: setup.manager })
const branchDay = (date: string) => http('GET', `/branches/${setup.branchId}/day?date=${date}`, { token: setup.manager })
const mySchedule = (date: string) => http('GET', `/me/schedule?date=${date}`, { token: photographer })

describe('dates outside the calendar the studio can use are refused with a field error, never a 500', () => {
  it.each(['9999-12-31', '9999-12-30', '0000-01-01', '0001-01-01', '1899-12-31', '2200-01-01'])('%s', async (date) => {
    for (const [answer, field] of [
      [await availability(date, date), 'from'],
      [await branchDay(date), 'date'],
      [await mySchedule(date), 'date'],
    ] as const) {
      expect(answer.status).toBe(400)
      expect(answer.body.error.code).toBe('VALIDATION_FAILED')
      expect(answer.body.error.details.fields.map((f: { path: string }) => f.path)).toContain(field)
    }
  })

  it('a far-off end of an availability range names the field', async () => {
    const answer = await availability('2026-01-01', '9999-12-31')
    expect(answer.status).toBe(400)
    expect(answer.body.error.details.fields.map((f: { path: string }) => f.path)).toContain('to')
  })

  it.each(['1900-01-01', '2199-12-30'])('the first and last days of the range answer normally: %s', async (date) => {
    expect((await availability(date, date)).status).toBe(200)
    expect((await branchDay(date)).status).toBe(200)
    expect((await mySchedule(date)).status).toBe(200)
  })
})
