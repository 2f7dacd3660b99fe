import { http, signIn, signInCustomer } from '../support/http'
import { newStudio } from '../support/studio'

let studio: Awaited<ReturnType<typeof newStudio>>
let reception: string

beforeAll(async () => {
  studio = await newStudio()
  reception = await signIn(studio.code, 'reception')
})

const findByLast4 = async (digits: string) => (await http('GET', `/customers?q=${digits}`, { token: reception })).body.items as { id: string; phoneVerified: boolean }[]

describe('a customer gives their phone with WeChat’s button', () => {
  it('keeps the number WeChat confirms, so reception finds the customer by its last four digits', async () => {
    const amy = await signInCustomer(studio.code, 'amy-phone')
    const answer = await http('POST', '/me/phone', { token: amy.token, body: { code: 'dev-phone:13912345671' } })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ confirmed: true, profile: { phone: '13912345671' } })
    const found = await findByLast4('5671')
    expect(found.map((c) => c.id)).toContain(amy.id)
    expect(found.find((c) => c.id === amy.id)!.phoneVerified).toBe(true)
  })

  it('never takes over another person’s record: a number already on file stays unconfirmed on the newcomer', async () => {
    const onFile = await http('POST', '/customers', { token: reception, body: { name: '王芳', phone: '13912345672' } })
    expect(onFile.status).toBe(200)
    const bob = await signInCustomer(studio.code, 'bob-phone')
    const answer = await http('POST', '/me/phone', { token: bob.token, body: { code: 'dev-phone:13912345672' } })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ confirmed: false, profile: { phone: '13912345672' } })
    const found = await findByLast4('5672')
    expect(found.find((c) => c.id === onFile.body.id)!.phoneVerified).toBe(true)
    expect(found.find((c) => c.id === bob.id)!.phoneVerified).toBe(false)
    expect((await http('GET', `/customers/${onFile.body.id}`, { token: reception })).body.name).toBe('王芳')
  })

  it('refuses a code WeChat does not confirm, or a number the studio cannot use, and changes nothing', async () => {
    const cara = await signInCustomer(studio.code, 'cara-phone')
    for (const code of ['made-up-code', 'dev-phone:12345', '']) {
      const answer = await http('POST', '/me/phone', { token: cara.token, body: { code } })
      expect([400, 412]).toContain(answer.status)
    }
    expect((await http('GET', '/me/profile', { token: cara.token })).body.phone).toBeUndefined()
  })

  it('is for customers only', async () => {
    expect((await http('POST', '/me/phone', { token: reception, body: { code: 'dev-phone:13912345673' } })).status).toBe(403)
    expect((await http('POST', '/me/phone', { body: { code: 'dev-phone:13912345673' } })).status).toBe(401)
  })
})
