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
