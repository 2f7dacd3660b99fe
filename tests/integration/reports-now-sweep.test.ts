import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import type { AppDeps } from '../../functions/api/implementations'
import { orderMoneyViolations } from '../../functions/domain/order-money'
import { nowFigure } from '../../functions/domain/report-figures'
import { sweepReportCounters } from '../../functions/reports/sweep-report-counters'
import { keys } from '../../functions/store/keys'
import { at, bookableStudio, shanghaiDay } from '../support/booking'
import { isolatedTable } from '../support/studio'

const ROUNDS = 20

/**
 * The branches' "now" report items keep one counter per stage per day orders entered it and two
 * per shoot day with money due. The daily sweep takes out those back at 0, so the item holds only
 * what is in a stage or owed now, and no report, recompute or concurrent event notices.
 */
describe('the sweep of the "now" report counters', () => {
  let deps: AppDeps
  let tableName: string
  let s: Awaited<ReturnType<typeof bookableStudio>>
  let reception: string
  let photographer: string
  let admin: string
  let studioId: string
  const from = shanghaiDay(-6)
  const today = shanghaiDay(0)

  beforeAll(async () => {
    ;({ deps, tableName } = await isolatedTable())
    s = await bookableStudio(deps, { photographers: 1, rooms: 1 })
    studioId = s.studio.studio.id
    ;[reception, photographer, admin] = await Promise.all([s.sign('reception'), s.sign('photographer'), s.sign('admin')])
  }, 120_000)

  const addToNow = (name: string, by: number) =>
    (deps.orders as unknown as { db: DynamoDBDocumentClient }).db.send(
      new UpdateCommand({ TableName: tableName, Key: keys.figuresNow(studioId, s.branchId), UpdateExpression: 'ADD #f :by', ExpressionAttributeNames: { '#f': name }, ExpressionAttributeValues: { ':by': by } }),
    )
  const nowCounters = async () => (await deps.figures.now(studioId, s.branchId)).counters
  const zerosOf = (counters: Record<string, number>) => Object.keys(counters).filter((name) => counters[name] === 0)
  const newOrder = async (now: Date) =>
    (await s.ops.call('orders.create', { requestId: ulid(), customerId: (await customer(now)).id, packageId: s.pkg.id, branchId: s.branchId }, reception, { now })) as {
      id: string
      depositFen: number
      totalFen: number
    }
  let customers = 0
  const customer = (now: Date) =>
    s.ops.call('customers.create', { name: `客户${++customers}`, phone: `1370000${String(customers).padStart(4, '0')}`, source: 'referral', tags: [] }, reception, { now })
  const pay = (orderId: string, kind: 'deposit' | 'balance', amountFen: number, now = new Date()) =>
    s.ops.outcome('payments.recordOffline', { orderId, requestId: ulid(), kind, method: 'cash', amountFen }, reception, { now })
  const advance = (orderId: string, from: string, to: string, token: string, now = new Date()) => s.ops.outcome('orders.advance', { orderId, from, to }, token, { now })
  const noDifferences = async () => {
    const result = await s.ops.call('reports.recompute', { from, to: today }, admin)
    return { differences: result.differences, now: result.nowDifferences }
  }
  const violationsOf = async (orderIds: string[]) => {
    const found: string[] = []
    for (const orderId of orderIds) {
      const { order, payments } = await s.ops.call('orders.get', { orderId }, s.manager)
      found.push(...orderMoneyViolations(order, payments).map((v) => `${orderId}: ${v.message}`))
    }
    return found
  }

  it('takes out only the counters at 0, over a week of orders through their stages, and every report answers the same', async () => {
    // Each day: two orders opened, one paid its deposit, one cancelled; the day before's paid one is shot and paid in full.
    let paidYesterday: { id: string; depositFen: number; totalFen: number } | undefined
    const orderIds: string[] = []
    for (let daysAgo = 6; daysAgo >= 0; daysAgo--) {
      const day = shanghaiDay(-daysAgo)
      const morning = new Date(at(day, '10:00'))
      const [kept, dropped] = [await newOrder(morning), await newOrder(morning)]
      orderIds.push(kept.id, dropped.id)
      expect(await pay(kept.id, 'deposit', kept.depositFen, morning)).toBe('OK')
      expect(await advance(dropped.id, 'pending_deposit', 'cancelled', reception, morning)).toBe('OK')
      if (paidYesterday) {
        const afternoon = new Date(at(day, '15:00'))
        expect(await advance(paidYesterday.id, 'confirmed', 'shot', photographer, afternoon)).toBe('OK')
        // The last one shot keeps its balance owed; the others are paid in full.
        if (daysAgo > 0) expect(await pay(paidYesterday.id, 'balance', paidYesterday.totalFen - paidYesterday.depositFen, afternoon)).toBe('OK')
      }
      paidYesterday = kept
    }

    const asOf = new Date()
    const reports = () =>
      Promise.all([
        s.ops.call('reports.home', { branchId: s.branchId }, admin, { now: asOf }),
        s.ops.call('reports.home', {}, admin, { now: asOf }),
        s.ops.call('reports.receivables', { from, to: today, branchId: s.branchId }, admin, { now: asOf }),
        s.ops.call('reports.receivables', { from, to: today }, admin, { now: asOf }),
        s.ops.call('reports.production', { from, to: today, branchId: s.branchId }, admin, { now: asOf }),
        s.ops.call('reports.production', { from, to: today }, admin, { now: asOf }),
      ])
    const before = await reports()
    const unswept = await nowCounters()
    // Every day's pending-deposit counter went back to 0, and the paid shoot days' balances.
    expect(zerosOf(unswept)).toEqual(expect.arrayContaining([nowFigure.inStage('pending_deposit', from), nowFigure.dueByShootDay(shanghaiDay(-5))]))
    expect(await noDifferences()).toEqual({ differences: [], now: [] })

    const swept = await sweepReportCounters(deps)
    expect(swept).toEqual({ branches: expect.any(Number), removed: zerosOf(unswept).length, leftMoved: 0 })
    const after = await nowCounters()
    expect(zerosOf(after)).toEqual([])
    // What is left is exactly the non-zero counters: the orders in a stage and the money owed now.
    expect(after).toEqual(Object.fromEntries(Object.entries(unswept).filter(([, value]) => value !== 0)))
    expect(after).toMatchObject({
      [nowFigure.inStage('shot', shanghaiDay(-1))]: 1,
      [nowFigure.inStage('shot', today)]: 1,
      [nowFigure.inStage('confirmed', today)]: 1,
      [nowFigure.ordersByShootDay(today)]: 1,
    })
    expect(await reports()).toEqual(before)
    expect(await noDifferences()).toEqual({ differences: [], now: [] })
    // A second sweep finds nothing to take out.
    expect(await sweepReportCounters(deps)).toMatchObject({ removed: 0, leftMoved: 0 })
    expect(await violationsOf(orderIds)).toEqual([])
  }, 300_000)

  it('keeps a counter that moved between the sweep’s read and its removal, and takes out the others beside it', async () => {
    const [a, moved, c] = (['retouching', 'designing', 'proofing'] as const).map((stage) => nowFigure.inStage(stage, from))
    for (const name of [a, moved, c]) await addToNow(name, 0)
    const read = zerosOf(await nowCounters())
    expect(read).toEqual(expect.arrayContaining([a, moved, c]))
    // An event moves one of them after the sweep read it at 0.
    await addToNow(moved, 1)
    expect(await deps.figures.removeZeroCounters(studioId, s.branchId, [a, moved, c])).toBe(2)
    const after = await nowCounters()
    expect([after[a], after[moved], after[c]]).toEqual([undefined, 1, undefined])
    // Back at 0, the next sweep takes it.
    await addToNow(moved, -1)
    expect(await sweepReportCounters(deps)).toMatchObject({ removed: 1, leftMoved: 0 })
    expect((await nowCounters())[moved]).toBeUndefined()
    expect(await noDifferences()).toEqual({ differences: [], now: [] })
  }, 120_000)

  it('repairs a "now" figure recomputed to 0 by taking it out, not by keeping a 0', async () => {
    const stale = nowFigure.inStage('confirmed', from)
    expect((await nowCounters())[stale]).toBeUndefined()
    await addToNow(stale, 3)
    const found = await s.ops.call('reports.recompute', { from, to: today }, admin)
    expect(found.nowDifferences).toEqual([{ branchId: s.branchId, figure: stale, kept: 3, recomputed: 0 }])
    const fixed = await s.ops.call('reports.recompute', { from, to: today, repair: true }, admin)
    expect(fixed.unrepaired).toEqual([])
    expect(Object.keys(await nowCounters())).not.toContain(stale)
    expect(await noDifferences()).toEqual({ differences: [], now: [] })
  }, 120_000)

  it(`loses no stage move or payment landing while the sweep runs (${ROUNDS} rounds)`, async () => {
    const orderIds: string[] = []
    let sweptWhileMoving = 0
    let leftMoved = 0
    for (let round = 0; round < ROUNDS; round++) {
      // An order paid and shot: today's pending-deposit and confirmed counters are back at 0.
      const shot = await newOrder(new Date())
      expect(await pay(shot.id, 'deposit', shot.depositFen)).toBe('OK')
      expect(await advance(shot.id, 'confirmed', 'shot', photographer)).toBe('OK')
      expect(zerosOf(await nowCounters()).length).toBeGreaterThan(0)
      // The sweep runs while a new order enters pending-deposit, one is confirmed and the shot one is paid in full.
      const [swept, opened] = await Promise.all([
        sweepReportCounters(deps),
        (async () => {
          const order = await newOrder(new Date())
          const [deposit, balance] = await Promise.all([pay(order.id, 'deposit', order.depositFen), pay(shot.id, 'balance', shot.totalFen - shot.depositFen)])
          expect([deposit, balance]).toEqual(['OK', 'OK'])
          return order
        })(),
      ])
      orderIds.push(shot.id, opened.id)
      if (swept.removed > 0) sweptWhileMoving++
      leftMoved += swept.leftMoved
      expect(await noDifferences()).toEqual({ differences: [], now: [] })
      expect(await violationsOf([shot.id, opened.id])).toEqual([])
    }
    console.log(`now sweep races: ${sweptWhileMoving} of ${ROUNDS} sweeps took counters out while orders moved; ${leftMoved} counters left because they moved meanwhile`)
    expect(sweptWhileMoving).toBeGreaterThan(0)
    // Afterwards a quiet sweep leaves no zero behind, and the figures still match the orders.
    await sweepReportCounters(deps)
    expect(zerosOf(await nowCounters())).toEqual([])
    expect(await noDifferences()).toEqual({ differences: [], now: [] })
    expect(await violationsOf(orderIds)).toEqual([])
  }, 600_000)
})
