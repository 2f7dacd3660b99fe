import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { createDocumentClient } from '../../functions/store/client'
import { keys } from '../../functions/store/keys'
import { TEST_TABLE } from '../support/constants'
import { http, signIn } from '../support/http'
import { newStudio } from '../support/studio'

let studio: Awaited<ReturnType<typeof newStudio>>
let admin: string

beforeAll(async () => {
  studio = await newStudio()
  admin = await signIn(studio.code, 'admin')
})

const staffNames = async () => (await http('GET', '/staff?includeDisabled=true', { token: admin })).body.items.map((s: { username: string }) => s.username)

const validStaff = () => ({
  username: 'new.hire',
  displayName: 'New Hire',
  password: 'a-good-password',
  roles: ['reception'],
  branchId: studio.branches[0]!.id,
})

describe('bad input is refused with a clear code and changes nothing', () => {
  it('malformed JSON: 400 MALFORMED_JSON', async () => {
    const answer = await http('POST', '/staff', { token: admin, rawBody: '{"username": "new.hire",' })
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('MALFORMED_JSON')
    expect(await staffNames()).not.toContain('new.hire')
  })

  it('wrong types: 400 VALIDATION_FAILED naming each field', async () => {
    const answer = await http('POST', '/staff', { token: admin, body: { ...validStaff(), roles: 'reception', password: 12345678 } })
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('VALIDATION_FAILED')
    expect(answer.body.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['password', 'roles'])
    expect(await staffNames()).not.toContain('new.hire')
  })

  it('nested field paths: a role that does not exist is named by its index', async () => {
    const answer = await http('POST', '/staff', { token: admin, body: { ...validStaff(), roles: ['reception', 'wizard'] } })
    expect(answer.status).toBe(400)
    expect(answer.body.error.details.fields).toEqual([expect.objectContaining({ path: 'roles.1' })])
  })

  it('unknown fields: 400 VALIDATION_FAILED naming the field', async () => {
    const answer = await http('POST', '/staff', { token: admin, body: { ...validStaff(), isAdmin: true } })
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body.error.details.fields)).toContain('isAdmin')
    expect(await staffNames()).not.toContain('new.hire')
  })

  it('a body over 256 KB: 413 PAYLOAD_TOO_LARGE', async () => {
    const answer = await http('POST', '/staff', { token: admin, body: { ...validStaff(), displayName: 'x'.repeat(300 * 1024) } })
    expect(answer.status).toBe(413)
    expect(answer.body.error.code).toBe('PAYLOAD_TOO_LARGE')
    expect(await staffNames()).not.toContain('new.hire')
  })

  it('missing or garbage auth: 401 UNAUTHENTICATED, checked before the input', async () => {
    const none = await http('POST', '/staff', { body: validStaff() })
    expect(none.status).toBe(401)
    expect(none.body.error.code).toBe('UNAUTHENTICATED')
    const garbage = await http('POST', '/staff', { body: validStaff(), token: 'not.a.token' })
    expect(garbage.status).toBe(401)
    expect(await staffNames()).not.toContain('new.hire')
  })

  it('a body that is not JSON: 415', async () => {
    const answer = await http('POST', '/staff', { token: admin, rawBody: 'username=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(answer.status).toBe(415)
  })

  it('a malformed path escape or a forged page cursor: 400, not a crash', async () => {
    expect((await http('GET', '/staff/%E0%A4%A', { token: admin })).status).toBe(400)
    const forged = Buffer.from(JSON.stringify({ pk: `STUDIO#${studio.studio.id}#AUDIT`, sk: { N: '1' } })).toString('base64url')
    const answer = await http('GET', `/audit?cursor=${forged}`, { token: admin })
    expect(answer.status).toBe(400)
    expect(answer.body.error.details.fields).toEqual([{ path: 'cursor', message: 'is not a valid cursor' }])
  })

  it('an unknown route and a wrong method have their own codes', async () => {
    expect((await http('GET', '/no-such-thing', { token: admin })).body.error.code).toBe('ROUTE_NOT_FOUND')
    expect((await http('DELETE', '/staff', { token: admin })).body.error.code).toBe('METHOD_NOT_ALLOWED')
  })

  it('after all that, the valid request still works', async () => {
    const answer = await http('POST', '/staff', { token: admin, body: validStaff() })
    expect(answer.status).toBe(200)
    expect(await staffNames()).toContain('new.hire')
  })
})

describe('unexpected failures', () => {
  it('answer 500 INTERNAL with a request id and nothing of the internals', async () => {
    // A record that no longer matches its schema: the response check fails inside the API.
    const db = createDocumentClient({ tableName: TEST_TABLE, endpoint: process.env.TEST_DYNAMODB_ENDPOINT })
    const broken = studio.staff.finance!
    await db.send(
      new PutCommand({
        TableName: TEST_TABLE,
        Item: { ...keys.staff(studio.studio.id, broken.id), ...broken, studioId: studio.studio.id, roles: ['sorcerer'] },
      }),
    )
    const answer = await http('GET', `/staff/${broken.id}`, { token: admin })
    expect(answer.status).toBe(500)
    expect(answer.body.error.code).toBe('INTERNAL')
    expect(answer.body.error.requestId).toEqual(expect.any(String))
    const text = JSON.stringify(answer.body)
    expect(text).not.toMatch(/sorcerer|stack|at \w+ \(|ZodError|node_modules/)
  })
})

describe('the contract', () => {
  it('serves the OpenAPI document', async () => {
    const answer = await http('GET', '/openapi.json')
    expect(answer.status).toBe(200)
    expect(answer.body.paths['/staff/{staffId}'].patch.operationId).toBe('staff.update')
  })
})
