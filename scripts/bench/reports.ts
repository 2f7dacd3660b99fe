import { BatchWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ulid } from 'ulid'
import { dispatch, findOperation } from '../../functions/api/dispatch'
import { composeApp } from '../../functions/composition'
import { mergeFigureWrites, orderOpened, type FigureWrite } from '../../functions/domain/report-events'
import { studioDate } from '../../functions/domain/time'
import type { OrderRecord } from '../../functions/orders/ports'
import { figuresUpdate } from '../../functions/store/entities/report-figures'
import { newSession, signSession } from '../../functions/identity/sessions'
import { loadConfig } from '../../functions/platform/config'
import { ensureTable } from '../../functions/store/admin'
import { orderItem } from '../../functions/store/entities/order'
import { addDays } from '../../src/lib/studio-time'
import { reportNames } from '../../types/reports'
import { demoCrews, seedDemoStudio } from '../lib/demo-studio'
import type { LocalDynamo } from '../lib/dynamodb-local'
import { generateHistory } from '../lib/history-generator'
import { percentile } from './harness'

const TABLE = 'studio-erp-bench-reports'
const RUNS = Number(process.env.REPORT_RUNS ?? 20)

/**
 * Each report (and the manager's home) over the last 30 days of every branch, as an admin,
 * through the same dispatch the API runs: p50/p95 latency and the DynamoDB requests one call
 * makes. Measured on a studio with a generated history, then again after bulk orders are
 * written into the same studio until it holds `orders` orders: past orders picked up, spread
 * over the year before the history across both branches, their items written with
 * BatchWriteItem and the figures their opening adds (the same `orderOpened` the use cases
 * write) added to the branches' day items, so the kept figures stay equal to the raw records.
 * The reports read per-day figures only, so the request count must stay the same and the time
 * nearly so.
 */
export async function benchReports(dynamo: LocalDynamo, sizes: number[]) {
  await ensureTable(dynamo.client, TABLE)
  const filesDir = mkdtempSync(join(tmpdir(), 'bench-reports-'))
  const deps = composeApp(loadConfig({ STAGE: 'test', TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: dynamo.endpoint, SESSION_SECRET: 'bench-reports-secret-bench-reports-secret', FILES_DIR: filesDir }))
  // Every repository shares one document client: count what it sends.
  const db = (deps.orders as unknown as { db: DynamoDBDocumentClient }).db
  let requests = 0
  db.middlewareStack.add((next) => async (args) => {
    requests++
    return next(args)
  }, { step: 'initialize', name: 'benchRequestCounter' })

  const code = `bench-reports-${Date.now().toString(36)}`
  const { studio, branches } = await seedDemoStudio(deps, () => {}, code)
  const days = Number(process.env.REPORT_HISTORY_DAYS ?? 30)
  console.log(`    generating ${days} days of history…`)
  const history = await generateHistory(deps, {
    seed: 7,
    days,
    leadsPerDay: 2,
    studioCode: code,
    branches: branches.map((b, i) => ({ id: b.id, crew: demoCrews[i]! })),
    filesDir,
    log: (line) => console.log(line),
  })
  const admin = (await deps.repo.findStaffByUsername(studio.id, 'admin'))!
  const session = newSession({ kind: 'staff', id: admin.id, studioId: studio.id, credentialVersion: admin.credentialVersion }, new Date())
  await deps.repo.putSession(session)
  const token = await signSession(deps.tokens, session)
  const to = studioDate(new Date(), 'Asia/Shanghai')
  const from = addDays(to, -29)

  const measure = async () => {
    const rows: Record<string, { p50: number; p95: number; requests: number }> = {}
    for (const name of ['home', ...reportNames]) {
      const operation = findOperation(`reports.${name}`)!
      const input = name === 'home' ? {} : { from, to }
      const times: number[] = []
      let perCall = 0
      for (let i = 0; i < RUNS; i++) {
        const before = requests
        const started = performance.now()
        await dispatch(deps, operation, input, { token }, { requestId: ulid(), now: new Date() })
        times.push(performance.now() - started)
        perCall = requests - before
      }
      times.sort((a, b) => a - b)
      rows[name] = { p50: percentile(times, 50), p95: percentile(times, 95), requests: perCall }
    }
    return rows
  }

  const template = (await deps.orders.get(studio.id, (await firstOrderId())!))!
  async function firstOrderId() {
    for (const stage of ['confirmed', 'pending_deposit', 'shot']) {
      const listed = (await dispatch(deps, findOperation('orders.list')!, { stage }, { token }, { requestId: ulid(), now: new Date() })) as { items: { id: string }[] }
      if (listed.items[0]) return listed.items[0].id
    }
    return undefined
  }
  let orders = history.orders
  const firstDay = history.firstDay
  /** The n-th bulk order: a past order opened before the history began and picked up since. */
  const bulkOrder = (n: number): OrderRecord => {
    const at = new Date(Date.parse(`${addDays(firstDay, -1 - (n % 365))}T03:00:00Z`) + (n % 480) * 60_000).toISOString()
    const branchId = branches[n % branches.length]!.id
    const by = template.timeline[0]!.by
    return {
      ...template,
      id: ulid(),
      branchId,
      appointmentId: undefined,
      stage: 'completed',
      paidFen: template.totalFen,
      balanceFen: 0,
      timeline: [{ stage: 'completed', at, by }],
      stageEnteredAt: at,
      createdAt: at,
      updatedAt: at,
      returning: n % 3 === 0,
    }
  }
  const results: Record<number, Awaited<ReturnType<typeof measure>>> = {}
  for (const size of sizes) {
    if (size > orders) {
      console.log(`    writing ${size - orders} more orders (order items in batches of 25, then their day figures)…`)
      const started = performance.now()
      const figures: FigureWrite[] = []
      const writeBatch = async (bulk: OrderRecord[]) => {
        let pending: { PutRequest: { Item: Record<string, unknown> } }[] | undefined = bulk.map((order) => ({ PutRequest: { Item: orderItem(order) } }))
        while (pending?.length) {
          const answer = await db.send(new BatchWriteCommand({ RequestItems: { [TABLE]: pending } }))
          pending = answer.UnprocessedItems?.[TABLE] as typeof pending
        }
      }
      // Batches of 25, BULK_WRITERS of them in flight.
      const inFlight = Number(process.env.BULK_WRITERS ?? 8)
      while (orders < size) {
        const round: OrderRecord[][] = []
        for (let w = 0; w < inFlight && orders < size; w++) {
          const bulk = Array.from({ length: Math.min(25, size - orders) }, (_, i) => bulkOrder(orders + i))
          // The day figures of their opening; a picked-up order waits in no stage, so "now" is not moved.
          for (const order of bulk) figures.push(...orderOpened(order, order.createdAt.slice(0, 10), order.returning === true).filter((w) => w.date))
          round.push(bulk)
          orders += bulk.length
        }
        await Promise.all(round.map(writeBatch))
        if (orders % 10_000 < inFlight * 25) console.log(`      ${orders} orders (${((performance.now() - started) / 1000).toFixed(0)} s)`)
      }
      // One ADD per branch-day the bulk orders were opened on, as the use cases add them.
      for (const write of mergeFigureWrites(figures)) await db.send(new UpdateCommand(figuresUpdate(TABLE, write) as never))
      console.log(`    …in ${((performance.now() - started) / 1000).toFixed(0)} s`)
    }
    console.log(`    measuring at ${orders} orders…`)
    results[size] = await measure()
  }
  const [small, large] = sizes
  return {
    history: `${history.orders} generated orders over ${days} days, 2 branches`,
    rows: ['home', ...reportNames].map((name) => {
      const a = results[small!]![name]!
      const b = results[large!]![name]!
      return {
        report: name,
        [`requests @${small}`]: a.requests,
        [`p50 ms @${small}`]: Math.round(a.p50),
        [`p95 ms @${small}`]: Math.round(a.p95),
        [`requests @${large}`]: b.requests,
        [`p50 ms @${large}`]: Math.round(b.p50),
        [`p95 ms @${large}`]: Math.round(b.p95),
        'p50 ratio': (b.p50 / a.p50).toFixed(2),
      }
    }),
  }
}
