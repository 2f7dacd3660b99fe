import { ulid } from 'ulid'
import { studioDate } from '../../functions/domain/time'
import { operationsOf } from '../support/dispatch'
import { TEST_PASSWORD } from '../support/constants'
import { isolatedTable, newStudio } from '../support/studio'

/** Expenses and the daily close against DynamoDB Local, through the dispatcher the handlers use. */
describe('expenses and the daily close', () => {
  let ops: ReturnType<typeof operationsOf>
  let studio: Awaited<ReturnType<typeof newStudio>>
  const tokens: Record<string, string> = {}
  let branchId: string
  const today = studioDate(new Date(), 'Asia/Shanghai')
  const daysAgo = (n: number) => studioDate(new Date(Date.now() - n * 86_400_000), 'Asia/Shanghai')

  beforeAll(async () => {
    const { deps } = await isolatedTable()
    ops = operationsOf(deps)
    studio = await newStudio(deps)
    branchId = studio.branches[0]!.id
    for (const username of ['finance', 'manager', 'manager2', 'reception', 'admin']) {
      tokens[username] = (await ops.call('auth.staffSignIn', { studioCode: studio.code, username, password: TEST_PASSWORD })).token
    }
  })

  const record = (fields: Record<string, unknown>, token = tokens.finance) =>
    ops.call('expenses.record', { requestId: ulid(), branchId, kind: 'expense', category: 'props', amountFen: 35_000, date: today, payee: '婚纱租赁行', ...fields }, token)

  it('records an expense and adds it to the day’s book; the same request twice records once', async () => {
    const date = daysAgo(1)
    const requestId = ulid()
    const input = { requestId, branchId, kind: 'expense', category: 'lab', amountFen: 12_800, date, payee: '冲印店', note: '相册加急' }
    const first = await ops.call('expenses.record', input, tokens.finance)
    const again = await ops.call('expenses.record', input, tokens.finance)
    expect(again).toMatchObject({ id: first.id, status: 'active', version: 1, recordedBy: { name: 'finance' } })
    const day = await ops.call('finance.day', { branchId, date }, tokens.finance)
    expect(day).toMatchObject({ expenseFen: 12_800, netFen: -12_800, revision: 1, status: 'open' })
    expect(day.expenses.map((e: { id: string }) => e.id)).toEqual([first.id])
  })

  it('records other income apart from expenses', async () => {
    const date = daysAgo(2)
    await record({ kind: 'income', category: 'other', amountFen: 5_000, date, payee: '样片授权' })
    await record({ amountFen: 2_000, date })
    expect(await ops.call('finance.day', { branchId, date }, tokens.finance)).toMatchObject({ incomeFen: 5_000, expenseFen: 2_000, netFen: 3_000 })
  })

  it('refuses bad entries with the field named, and writes nothing', async () => {
    const date = daysAgo(3)
    const refused = async (fields: Record<string, unknown>) => {
      try {
        await record({ date, ...fields })
        return undefined
      } catch (error) {
        return (error as { code: string; details?: { fields?: { path: string }[] } }).details?.fields?.map((f) => f.path)
      }
    }
    expect(await refused({ amountFen: 0 })).toEqual(['amountFen'])
    expect(await refused({ amountFen: 12.5 })).toEqual(['amountFen'])
    expect(await refused({ category: 'yacht' })).toEqual(['category'])
    expect(await refused({ date: '2999-01-01' })).toEqual(['date'])
    expect(await refused({ receiptKey: `studios/${'0'.repeat(26)}/receipts/${'1'.repeat(26)}.jpg` })).toEqual(['receiptKey'])
    expect(await ops.call('finance.day', { branchId, date }, tokens.finance)).toMatchObject({ expenseFen: 0, revision: 0, expenses: [] })
  })

  it('lets finance and managers of the branch keep its books, and nobody else', async () => {
    expect(await ops.outcome('expenses.record', { requestId: ulid(), branchId, kind: 'expense', category: 'rent', amountFen: 1, date: today, payee: 'x' }, tokens.reception)).toBe('FORBIDDEN')
    expect(await ops.outcome('finance.day', { branchId, date: today }, tokens.manager2)).toBe('FORBIDDEN')
    expect(await ops.outcome('finance.day', { branchId, date: today }, tokens.manager)).toBe('OK')
    expect(await ops.outcome('finance.day', { branchId: studio.branches[1]!.id, date: today }, tokens.admin)).toBe('OK')
  })

  it('keeps the original when an entry is edited or voided, and moves its money between days', async () => {
    const from = daysAgo(4)
    const to = daysAgo(5)
    const entry = await record({ amountFen: 10_000, date: from })
    const edited = await ops.call('expenses.edit', { expenseId: entry.id, version: 1, amountFen: 12_000, date: to }, tokens.finance)
    expect(edited).toMatchObject({ amountFen: 12_000, date: to, version: 2 })
    expect(await ops.outcome('expenses.edit', { expenseId: entry.id, version: 1, amountFen: 1 }, tokens.finance)).toBe('VERSION_CONFLICT')
    const voided = await ops.call('expenses.void', { expenseId: entry.id, version: 2, reason: '重复登记' }, tokens.manager)
    expect(voided).toMatchObject({ status: 'void', voidReason: '重复登记', amountFen: 12_000 })
    const history = await ops.call('expenses.get', { expenseId: entry.id }, tokens.finance)
    expect(history.revisions.map((r: { change: string; before: { amountFen: number; date: string } }) => [r.change, r.before.amountFen, r.before.date])).toEqual([
      ['edited', 10_000, from],
      ['voided', 12_000, to],
    ])
    expect((await ops.call('finance.day', { branchId, date: from }, tokens.finance)).expenseFen).toBe(0)
    expect((await ops.call('finance.day', { branchId, date: to }, tokens.finance)).expenseFen).toBe(0)
    const audit = await ops.call('audit.list', { limit: 20 }, tokens.admin)
    expect(audit.items.filter((e: { targetId: string }) => e.targetId === entry.id).map((e: { action: string }) => e.action).sort()).toEqual(['expense.edited', 'expense.recorded', 'expense.voided'])
  })

  it('closes a day on the cash counted, asks a reason for a difference, and then locks the day', async () => {
    const date = daysAgo(6)
    const entry = await record({ amountFen: 8_000, date })
    const day = await ops.call('finance.day', { branchId, date }, tokens.finance)
    const noReason = await ops.call('finance.closeDay', { branchId, date, revision: day.revision, countedCashFen: 100 }, tokens.finance).catch((e: unknown) => e)
    expect(noReason).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'differenceReason' }] } })
    const closed = await ops.call('finance.closeDay', { branchId, date, revision: day.revision, countedCashFen: 100, differenceReason: '备用金未取出' }, tokens.finance)
    expect(closed).toMatchObject({ status: 'closed', close: { countedCashFen: 100, expectedCashFen: 0, differenceFen: 100, differenceReason: '备用金未取出', closedBy: { name: 'finance' } } })

    // Nothing dated on it changes any more: not a new entry, not an edit, not a void, not a second close.
    expect(await ops.outcome('expenses.record', { requestId: ulid(), branchId, kind: 'expense', category: 'rent', amountFen: 1, date, payee: 'x' }, tokens.finance)).toBe('DAY_CLOSED')
    expect(await ops.outcome('expenses.edit', { expenseId: entry.id, version: 1, amountFen: 9_000 }, tokens.finance)).toBe('DAY_CLOSED')
    expect(await ops.outcome('expenses.edit', { expenseId: entry.id, version: 1, date: today }, tokens.finance)).toBe('DAY_CLOSED')
    expect(await ops.outcome('expenses.void', { expenseId: entry.id, version: 1, reason: 'x' }, tokens.manager)).toBe('DAY_CLOSED')
    expect(await ops.outcome('finance.closeDay', { branchId, date, revision: closed.revision, countedCashFen: 0 }, tokens.finance)).toBe('CONFLICT')
    expect((await ops.call('expenses.get', { expenseId: entry.id }, tokens.finance)).expense).toMatchObject({ amountFen: 8_000, version: 1, status: 'active' })

    // The correction goes to an open day and points at what it corrects.
    const correction = await record({ amountFen: -1_000, date: today, corrects: entry.id, note: '多记了¥10' })
    expect(correction).toMatchObject({ corrects: entry.id, amountFen: -1_000 })
    expect(await ops.outcome('expenses.record', { requestId: ulid(), branchId, kind: 'expense', category: 'rent', amountFen: -5, date: today, payee: 'x' }, tokens.finance)).toBe('VALIDATION_FAILED')
  })

  describe('corrections of a closed day’s entry', () => {
    /** An entry of `date`, whose day is then closed. */
    const closedEntry = async (date: string, fields: Record<string, unknown> = {}) => {
      const entry = await record({ amountFen: 8_000, date, ...fields })
      const day = await ops.call('finance.day', { branchId, date }, tokens.finance)
      await ops.call('finance.closeDay', { branchId, date, revision: day.revision, countedCashFen: day.expectedCashFen }, tokens.finance)
      return entry
    }
    const correct = (entry: { id: string }, amountFen: number, date: string, fields: Record<string, unknown> = {}) =>
      ops.outcome('expenses.record', { requestId: ulid(), branchId, kind: 'expense', category: 'props', amountFen, date, payee: '婚纱租赁行', corrects: entry.id, ...fields }, tokens.finance)
    const refusedFields = async (call: Promise<unknown>) =>
      ((await call.catch((e: { details?: { fields?: { path: string }[] } }) => e)) as { details?: { fields?: { path: string }[] } }).details?.fields?.map((f) => f.path)
    const expenseOn = async (date: string) => (await ops.call('finance.day', { branchId, date }, tokens.finance)).expenseFen

    it('takes back at most what is left of the entry, over any number of corrections', async () => {
      const entry = await closedEntry(daysAgo(21))
      const on = daysAgo(20)
      const tooMuch = ops.call('expenses.record', { requestId: ulid(), branchId, kind: 'expense', category: 'props', amountFen: -9_000, date: on, payee: 'x', corrects: entry.id }, tokens.finance)
      expect(await refusedFields(tooMuch)).toEqual(['amountFen'])
      expect(await correct(entry, -5_000, on)).toBe('OK')
      expect(await correct(entry, -3_001, on)).toBe('VALIDATION_FAILED')
      expect(await correct(entry, -3_000, on)).toBe('OK')
      // The entry's net is zero: nothing more can be taken back, and the day's book holds only what was accepted.
      expect(await correct(entry, -1, on)).toBe('VALIDATION_FAILED')
      expect(await expenseOn(on)).toBe(-8_000)

      // A correction voided gives back what it took.
      const last = (await ops.call('finance.day', { branchId, date: on }, tokens.finance)).expenses.find((e: { amountFen: number }) => e.amountFen === -3_000)
      await ops.call('expenses.void', { expenseId: last.id, version: last.version, reason: '记错了' }, tokens.finance)
      expect(await correct(entry, -3_001, on)).toBe('VALIDATION_FAILED')
      expect(await correct(entry, -3_000, on)).toBe('OK')
      expect(await expenseOn(on)).toBe(-8_000)
    })

    it('refuses to correct a void entry, an entry of an open day, a correction, or with another kind, and books nothing', async () => {
      const on = daysAgo(22)
      const open = await record({ amountFen: 8_000, date: daysAgo(23) })
      expect(await correct(open, -1_000, on)).toBe('PRECONDITION_FAILED')

      const voided = await record({ amountFen: 8_000, date: daysAgo(24) })
      await ops.call('expenses.void', { expenseId: voided.id, version: 1, reason: '重复登记' }, tokens.finance)
      const day = await ops.call('finance.day', { branchId, date: daysAgo(24) }, tokens.finance)
      await ops.call('finance.closeDay', { branchId, date: daysAgo(24), revision: day.revision, countedCashFen: 0 }, tokens.finance)
      expect(await correct(voided, -1_000, on)).toBe('PRECONDITION_FAILED')

      const entry = await closedEntry(daysAgo(25))
      expect(await refusedFields(ops.call('expenses.record', { requestId: ulid(), branchId, kind: 'income', category: 'props', amountFen: -1_000, date: on, payee: 'x', corrects: entry.id }, tokens.finance))).toEqual(['kind'])
      expect(await correct(entry, -1_000, daysAgo(26))).toBe('OK')
      const correction = (await ops.call('finance.day', { branchId, date: daysAgo(26) }, tokens.finance)).expenses[0]
      expect(await correct(correction, 500, on)).toBe('PRECONDITION_FAILED')
      expect(await expenseOn(on)).toBe(0)
    })

    it('lets corrections sent at the same moment together take back no more than the entry', async () => {
      const entry = await closedEntry(daysAgo(27))
      const on = daysAgo(28)
      const outcomes = await Promise.all(Array.from({ length: 6 }, () => correct(entry, -3_000, on)))
      expect(outcomes.filter((o) => o === 'OK')).toHaveLength(2)
      expect(outcomes.filter((o) => o !== 'OK')).toEqual(Array(4).fill('VALIDATION_FAILED'))
      expect(await expenseOn(on)).toBe(-6_000)
    })

    it('keeps an entry from being edited below, or voided under, what its corrections took back once its day is reopened', async () => {
      const date = daysAgo(29)
      const entry = await closedEntry(date)
      expect(await correct(entry, -5_000, daysAgo(30))).toBe('OK')
      await ops.call('finance.reopenDay', { branchId, date, reason: '核对更正' }, tokens.manager)
      const { expense } = await ops.call('expenses.get', { expenseId: entry.id }, tokens.finance)
      expect(await refusedFields(ops.call('expenses.edit', { expenseId: entry.id, version: expense.version, amountFen: 4_999 }, tokens.finance))).toEqual(['amountFen'])
      expect(await ops.outcome('expenses.void', { expenseId: entry.id, version: expense.version, reason: 'x' }, tokens.finance)).toBe('PRECONDITION_FAILED')
      expect(await ops.outcome('expenses.edit', { expenseId: entry.id, version: expense.version, amountFen: 5_000 }, tokens.finance)).toBe('OK')
      expect(await correct(entry, -1, daysAgo(30))).toBe('PRECONDITION_FAILED')
    })
  })

  it('refuses a close on figures that changed since they were read', async () => {
    const date = daysAgo(7)
    const seen = await ops.call('finance.day', { branchId, date }, tokens.finance)
    await record({ amountFen: 500, date })
    expect(await ops.outcome('finance.closeDay', { branchId, date, revision: seen.revision, countedCashFen: 0 }, tokens.finance)).toBe('VERSION_CONFLICT')
  })

  it('lets only a manager reopen a closed day, with the reason kept on the day and in the audit log', async () => {
    const date = daysAgo(8)
    const entry = await record({ amountFen: 700, date })
    await ops.call('finance.closeDay', { branchId, date, revision: 1, countedCashFen: 0 }, tokens.finance)
    expect(await ops.outcome('finance.reopenDay', { branchId, date, reason: '漏记' }, tokens.finance)).toBe('FORBIDDEN')
    const reopened = await ops.call('finance.reopenDay', { branchId, date, reason: '漏记一笔退款' }, tokens.manager)
    expect(reopened).toMatchObject({ status: 'open', reopenings: [{ reason: '漏记一笔退款', by: { name: 'manager' } }] })
    expect(await ops.outcome('finance.reopenDay', { branchId, date, reason: 'again' }, tokens.manager)).toBe('PRECONDITION_FAILED')
    expect(await ops.outcome('expenses.edit', { expenseId: entry.id, version: 1, amountFen: 900 }, tokens.finance)).toBe('OK')
    const audit = await ops.call('audit.list', { limit: 50, action: 'day.reopened' }, tokens.admin)
    expect(audit.items[0]).toMatchObject({ action: 'day.reopened', detail: { date, reason: '漏记一笔退款' } })
  })

  it('never lets an entry slip into a day as it closes: either the entry or the close is refused', async () => {
    const date = daysAgo(9)
    for (let round = 0; round < 3; round++) {
      const seen = await ops.call('finance.day', { branchId, date }, tokens.finance)
      if (seen.status === 'closed') await ops.call('finance.reopenDay', { branchId, date, reason: 'test round' }, tokens.manager)
      const before = await ops.call('finance.day', { branchId, date }, tokens.finance)
      const [entry, close] = await Promise.all([
        ops.outcome('expenses.record', { requestId: ulid(), branchId, kind: 'expense', category: 'rent', amountFen: 100, date, payee: 'x' }, tokens.finance),
        ops.outcome('finance.closeDay', { branchId, date, revision: before.revision, countedCashFen: 0 }, tokens.finance),
      ])
      const after = await ops.call('finance.day', { branchId, date }, tokens.finance)
      // The close counted the figures it was shown, so at most one of the two succeeds (both may meet
      // at the same instant and be told to try again), and a closed day holds exactly what was counted.
      expect([entry, close].filter((o) => o === 'OK').length).toBeLessThanOrEqual(1)
      expect([entry, close].every((o) => ['OK', 'DAY_CLOSED', 'VERSION_CONFLICT', 'CONFLICT'].includes(o))).toBe(true)
      expect(after.expenseFen).toBe(before.expenseFen + (entry === 'OK' ? 100 : 0))
      if (close === 'OK') expect(after).toMatchObject({ status: 'closed', revision: before.revision })
    }
  })
})

describe('commission rules', () => {
  let ops: ReturnType<typeof operationsOf>
  let studio: Awaited<ReturnType<typeof newStudio>>
  let manager: string
  const today = studioDate(new Date(), 'Asia/Shanghai')

  beforeAll(async () => {
    const { deps } = await isolatedTable()
    ops = operationsOf(deps)
    studio = await newStudio(deps)
    manager = (await ops.call('auth.staffSignIn', { studioCode: studio.code, username: 'manager', password: TEST_PASSWORD })).token
  })

  const rule = (fields: Record<string, unknown> = {}) => ({
    branchId: studio.branches[0]!.id,
    role: 'photographer',
    work: 'shoot',
    effectiveFrom: today,
    base: 'order_value',
    calc: { kind: 'percent', basisPoints: 300 },
    ...fields,
  })

  it('keeps every version of a rule; a new one never replaces the old', async () => {
    const first = await ops.call('commission.saveRule', rule(), manager)
    const second = await ops.call('commission.saveRule', rule({ calc: { kind: 'percent', basisPoints: 500 }, tiers: [{ fromFen: 5_000_000, basisPoints: 800 }] }), manager)
    expect([first.version, second.version]).toEqual([1, 2])
    const { items } = await ops.call('commission.rules', { branchId: studio.branches[0]!.id }, manager)
    expect(items.filter((r: { id: string }) => r.id === 'photographer.shoot').map((r: { version: number; calc: { basisPoints: number } }) => [r.version, r.calc.basisPoints])).toEqual([
      [2, 500],
      [1, 300],
    ])
  })

  it('refuses a rule backdated before today, rising tiers out of order, and an override of another studio’s package', async () => {
    const fields = async (input: Record<string, unknown>) =>
      ((await ops.call('commission.saveRule', rule(input), manager).catch((e: unknown) => e)) as { details?: { fields?: { path: string }[] } }).details?.fields?.map((f) => f.path)
    expect(await fields({ effectiveFrom: '2020-01-01' })).toEqual(['effectiveFrom'])
    expect(await fields({ tiers: [{ fromFen: 200, basisPoints: 1 }, { fromFen: 100, basisPoints: 2 }] })).toEqual(['tiers'])
    expect(await fields({ calc: { kind: 'percent', basisPoints: 10_001 } })).toEqual(['calc.basisPoints'])
    expect(await fields({ overrides: [{ target: 'package', targetId: ulid(), calc: { kind: 'fixed', fen: 100 } }] })).toEqual(['overrides.0.targetId'])
  })

  it('lets only managers of the branch set rules', async () => {
    const finance = (await ops.call('auth.staffSignIn', { studioCode: studio.code, username: 'finance', password: TEST_PASSWORD })).token
    const otherManager = (await ops.call('auth.staffSignIn', { studioCode: studio.code, username: 'manager2', password: TEST_PASSWORD })).token
    expect(await ops.outcome('commission.saveRule', rule(), finance)).toBe('FORBIDDEN')
    expect(await ops.outcome('commission.saveRule', rule(), otherManager)).toBe('FORBIDDEN')
  })
})
