import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import type { AppDeps } from '../../functions/api/implementations'
import { createDocumentClient } from '../../functions/store/client'
import { TEST_PASSWORD } from '../support/constants'
import { operationsOf } from '../support/dispatch'
import { isolatedTable, newStudio } from '../support/studio'

let deps: AppDeps
let ops: ReturnType<typeof operationsOf>
let studio: Awaited<ReturnType<typeof newStudio>>
let tableName: string

beforeAll(async () => {
  ;({ deps, tableName } = await isolatedTable())
  ops = operationsOf(deps)
  studio = await newStudio(deps)
})

/** Every item of the table, as the kind of record it is: its type (or its key prefixes when it has none). */
async function kindsOfItems(): Promise<Map<string, string>> {
  const db = createDocumentClient({ tableName, endpoint: process.env.TEST_DYNAMODB_ENDPOINT })
  const kinds = new Map<string, string>()
  let start: Record<string, unknown> | undefined
  do {
    const page = await db.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }))
    for (const item of page.Items ?? []) {
      const kind = typeof item.type === 'string' ? item.type : `${String(item.pk).split('#')[0]}/${String(item.sk).split('#')[0]}`
      kinds.set(`${item.pk}|${item.sk}`, kind)
    }
    start = page.LastEvaluatedKey
  } while (start)
  return kinds
}

/** What one failed attempt added to the table, as a sorted list of record kinds. */
async function writtenBy(attempt: () => Promise<unknown>) {
  const before = await kindsOfItems()
  const answer = await attempt()
  const after = await kindsOfItems()
  return { answer, written: [...after].filter(([key]) => !before.has(key)).map(([, kind]) => kind).sort() }
}

async function failedSignIn(username: string, sourceIp: string) {
  try {
    await ops.call('auth.staffSignIn', { studioCode: studio.code, username, password: 'a-wrong-guess' }, undefined, { sourceIp })
    return { code: 'OK' }
  } catch (error: any) {
    return { code: error.code, status: error.status, message: error.message, details: error.details }
  }
}

describe('failed staff sign-ins', () => {
  it('answer, write and audit a known name and an unknown one alike', async () => {
    const known = await writtenBy(() => failedSignIn('finance', '198.51.100.20'))
    const unknown = await writtenBy(() => failedSignIn('no-such-person', '198.51.100.21'))
    expect(known.answer).toEqual({ code: 'INVALID_CREDENTIALS', status: 401, message: 'The user name or password is wrong', details: undefined })
    expect(unknown.answer).toEqual(known.answer)
    // The same kinds of records: a throttle window for the account, one for the address, one audit entry.
    expect(known.written.length).toBeGreaterThan(0)
    expect(unknown.written).toEqual(known.written)
    expect(known.written).toContain('Audit')

    const admin = (await ops.call('auth.staffSignIn', { studioCode: studio.code, username: 'admin', password: TEST_PASSWORD })).token as string
    const { items } = await ops.call('audit.list', { action: 'auth.sign_in_failed' }, admin)
    const entries = items.map(({ id: _id, at: _at, ...entry }: any) => entry)
    expect(entries).toEqual(
      expect.arrayContaining([
        { action: 'auth.sign_in_failed', actorId: 'anonymous', actorName: 'finance', detail: { sourceIp: '198.51.100.20' } },
        { action: 'auth.sign_in_failed', actorId: 'anonymous', actorName: 'no-such-person', detail: { sourceIp: '198.51.100.21' } },
      ]),
    )
    expect(entries).toHaveLength(2)
  })
})

describe('the owner’s own device', () => {
  const signInFrom = async (username: string, password: string, sourceIp: string, deviceToken?: string) => {
    try {
      const session = await ops.call('auth.staffSignIn', { studioCode: studio.code, username, password, ...(deviceToken ? { deviceToken } : {}) }, undefined, { sourceIp })
      return { code: 'OK', deviceToken: session.deviceToken as string }
    } catch (error: any) {
      return { code: error.code as string }
    }
  }

  it('still signs in while a stranger hammers the account, where any other device is held back', async () => {
    const owner = await signInFrom('retoucher', TEST_PASSWORD, '198.51.100.40')
    expect(owner).toMatchObject({ code: 'OK', deviceToken: expect.any(String) })
    // A stranger guesses from elsewhere until the account's window is full.
    const stranger = []
    for (let i = 0; i < 7; i++) stranger.push((await signInFrom('retoucher', `guess-${i}`, '203.0.113.200')).code)
    expect(stranger.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED'])
    // The owner's device, with its token, is not held back; the right password without it is.
    const again = await signInFrom('retoucher', TEST_PASSWORD, '198.51.100.40', owner.deviceToken)
    expect(again.code).toBe('OK')
    expect((await signInFrom('retoucher', TEST_PASSWORD, '198.51.100.41')).code).toBe('RATE_LIMITED')
    // The token is the account's own: another account's, or a made-up one, counts for nothing.
    expect((await signInFrom('retoucher', TEST_PASSWORD, '198.51.100.42', 'not-a-token')).code).toBe('RATE_LIMITED')
    const other = await signInFrom('photographer', TEST_PASSWORD, '198.51.100.43')
    expect((await signInFrom('retoucher', TEST_PASSWORD, '198.51.100.43', other.deviceToken)).code).toBe('RATE_LIMITED')
    // And the token is not a session.
    expect(await ops.outcome('auth.me', {}, owner.deviceToken)).not.toBe('OK')
  })

  it('is slowed down, not let through: its own window holds ten failures, then refuses alike', async () => {
    const owner = await signInFrom('makeup', TEST_PASSWORD, '198.51.100.50')
    const codes = []
    for (let i = 0; i < 12; i++) codes.push((await signInFrom('makeup', `typo-${i}`, '198.51.100.50', owner.deviceToken)).code)
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('INVALID_CREDENTIALS'))
    expect(codes.slice(10)).toEqual(['RATE_LIMITED', 'RATE_LIMITED'])
    expect((await signInFrom('makeup', TEST_PASSWORD, '198.51.100.50', owner.deviceToken)).code).toBe('RATE_LIMITED')
  })
})
