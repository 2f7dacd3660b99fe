import { BatchWriteCommand, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { mkdtempSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { ulid } from 'ulid'
import type { OrderStage, StageEvent } from '../../types/orders'
import { dispatch, findOperation } from '../../functions/api/dispatch'
import type { AppDeps } from '../../functions/api/implementations'
import { composeApp } from '../../functions/composition'
import { addCounters } from '../../functions/domain/report-figures'
import { orderOpened, stageMoved, type FigureWrite } from '../../functions/domain/report-events'
import { studioDate } from '../../functions/domain/time'
import type { OrderRecord } from '../../functions/orders/ports'
import { sweepReportCounters } from '../../functions/reports/sweep-report-counters'
import { figuresUpdate } from '../../functions/store/entities/report-figures'
import { newSession, signSession } from '../../functions/identity/sessions'
import { loadConfig } from '../../functions/platform/config'
import { ensureTable } from '../../functions/store/admin'
import { orderItem } from '../../functions/store/entities/order'
import { keys } from '../../functions/store/keys'
import { addDays } from '../../src/lib/studio-time'
import { reportNames } from '../../types/reports'
import { demoCrews, seedDemoStudio } from '../lib/demo-studio'
import type { LocalDynamo } from '../lib/dynamodb-local'
import { generateHistory } from '../lib/history-generator'
import { percentile, pool } from './harness'

const TABLE = 'studio-erp-bench-reports'
const ZONE = 'Asia/Shanghai'
/** Calls per report in the sequential measurement before the bulk write. */
const RUNS = Number(process.env.REPORT_RUNS ?? 20)
/** Calls per report and studio in the interleaved measurement after it. */
const PAIRS = Number(process.env.REPORT_PAIRS ?? 40)
const REPORTS = ['home', ...reportNames] as const

/**
 * A bulk order's life after it was opened: each stage it enters, in hours after the opening.
 * It is paid in full when opened (as the bulk orders' `paidFen` says), so it owes nothing at
 * its shoot or at pick-up.
 */
const LIFE: [OrderStage, number][] = [
  ['confirmed', 1],
  ['shot', 7 * 24],
  ['selecting', 7 * 24 + 2],
  ['retouching', 9 * 24],
  ['designing', 12 * 24],
  ['proofing', 15 * 24],
  ['producing', 18 * 24],
  ['ready', 25 * 24],
  ['completed', 30 * 24],
]
/** Bulk orders are opened at least this many days before the history, so their lives end before it. */
const LIFE_DAYS = 31

const loads = () => loadavg().map((l) => l.toFixed(1)).join(' / ')

interface Timing {
  p50: number
  p95: number
  requests: number
  times: number[]
}
const timing = (times: number[], requests: number): Timing => {
  const sorted = [...times].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), requests, times }
}

/**
 * Each report (and the manager's home) over the last 30 days of every branch, as an admin,
 * through the same dispatch the API runs: p50/p95 latency and the DynamoDB requests one call
 * makes, at two sizes of the studio reported on.
 *
 * Two studios, A and B, get the same seeded history and the same bulk orders up to the small
 * size. A is measured there (sequentially, as one studio would be); then A alone grows to the
 * large size, and A and B are measured interleaved — A,B then B,A, pair after pair, for each
 * report — so both sizes see the same load of this shared machine, and the table (one, holding
 * both studios) is the same size for both. What differs is the number of orders of the studio
 * reported on.
 *
 * Bulk orders are past orders picked up, opened over the year before the history across both
 * branches; their items are written with BatchWriteItem, and the figures of their whole life —
 * the opening and every stage move, from the same `orderOpened` and `stageMoved` the use cases
 * write — are added to the branches' day items and state ("now") items, so the kept figures are
 * what the use cases would have left.
 */
export async function benchReports(dynamo: LocalDynamo, sizes: number[]) {
  const [small, large] = sizes as [number, number]
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

  const days = Number(process.env.REPORT_HISTORY_DAYS ?? 30)
  const until = new Date()
  const to = studioDate(until, ZONE)
  const from = addDays(to, -29)
  const run = Date.now().toString(36)
  const a = await seedStudio(deps, `bench-reports-a-${run}`, days, until, filesDir)
  const b = await seedStudio(deps, `bench-reports-b-${run}`, days, until, filesDir)
  if (a.history.orders !== b.history.orders) throw new Error(`The two histories differ: ${a.history.orders} and ${b.history.orders} orders`)

  /** One call of a report on a studio: its time and the requests it made. */
  const call = async (studio: Studio, name: (typeof REPORTS)[number]) => {
    const before = requests
    const started = performance.now()
    await dispatch(deps, findOperation(`reports.${name}`)!, name === 'home' ? {} : { from, to }, { token: studio.token }, { requestId: ulid(), now: new Date() })
    return { ms: performance.now() - started, requests: requests - before }
  }

  await grow(db, a, small)
  await grow(db, b, small)
  console.log(`    measuring A at ${a.orders} orders, ${RUNS} calls per report… (load ${loads()})`)
  const sequentialLoad = { start: loads(), end: '' }
  const sequential: Record<string, Timing> = {}
  for (const name of REPORTS) {
    const times: number[] = []
    let made = 0
    for (let i = 0; i < RUNS; i++) {
      const { ms, requests } = await call(a, name)
      times.push(ms)
      made = requests
    }
    sequential[name] = timing(times, made)
  }
  sequentialLoad.end = loads()

  await grow(db, a, large)
  const unswept = await Promise.all([a, b].map((s) => nowItemBytes(db, s)))
  // The daily sweep, as it runs on a deployed stage: the state items keep only their non-zero counters.
  const swept = await sweepReportCounters(deps)
  const nowSizes = await Promise.all([a, b].map((s) => nowItemBytes(db, s)))
  console.log(`    swept the state items: ${swept.removed} counters at 0 taken out, ${swept.branches} branches (load ${loads()})`)
  console.log(`    measuring A at ${a.orders} and B at ${b.orders} orders interleaved, ${PAIRS} calls each per report… (load ${loads()})`)
  const interleavedLoad = { start: loads(), end: '' }
  const interleaved: Record<string, { a: Timing; b: Timing; pairRatio: number }> = {}
  for (const name of REPORTS) {
    // One call each first, not counted: both studios' items are read once before timing.
    await call(a, name)
    await call(b, name)
    const ta: number[] = []
    const tb: number[] = []
    const ratios: number[] = []
    const made = { a: new Set<number>(), b: new Set<number>() }
    for (let i = 0; i < PAIRS; i++) {
      const pair = i % 2 === 0 ? [a, b] : [b, a]
      const answers = []
      for (const studio of pair) answers.push({ studio, ...(await call(studio, name)) })
      const ofA = answers.find((x) => x.studio === a)!
      const ofB = answers.find((x) => x.studio === b)!
      ta.push(ofA.ms)
      tb.push(ofB.ms)
      ratios.push(ofA.ms / ofB.ms)
      made.a.add(ofA.requests)
      made.b.add(ofB.requests)
    }
    if (made.a.size !== 1 || made.b.size !== 1) console.log(`    ${name}: request counts varied between calls: A ${[...made.a]}, B ${[...made.b]}`)
    ratios.sort((x, y) => x - y)
    interleaved[name] = { a: timing(ta, Math.max(...made.a)), b: timing(tb, Math.max(...made.b)), pairRatio: percentile(ratios, 50) }
  }
  interleavedLoad.end = loads()

  return {
    history: `each studio: ${a.history.orders} generated orders over ${days} days, 2 branches; A then grown to ${a.orders} orders, B kept at ${b.orders}`,
    nowItems: `state ("now") item of the first branch before the sweep: A ${unswept[0]!.attributes} counters, ${unswept[0]!.bytes} bytes; B ${unswept[1]!.attributes} counters, ${unswept[1]!.bytes} bytes; after it (as measured): A ${nowSizes[0]!.attributes} counters, ${nowSizes[0]!.bytes} bytes; B ${nowSizes[1]!.attributes} counters, ${nowSizes[1]!.bytes} bytes`,
    loads: `load average (1 / 5 / 15 min): sequential @${small} ${sequentialLoad.start} → ${sequentialLoad.end}; interleaved ${interleavedLoad.start} → ${interleavedLoad.end}`,
    sequential: REPORTS.map((name) => ({
      report: name,
      [`requests @${small}`]: sequential[name]!.requests,
      [`p50 ms @${small}`]: Math.round(sequential[name]!.p50),
      [`p95 ms @${small}`]: Math.round(sequential[name]!.p95),
    })),
    rows: REPORTS.map((name) => {
      const m = interleaved[name]!
      return {
        report: name,
        [`requests A @${large}`]: m.a.requests,
        [`requests B @${small}`]: m.b.requests,
        [`p50 ms A`]: Math.round(m.a.p50),
        [`p95 ms A`]: Math.round(m.a.p95),
        [`p50 ms B`]: Math.round(m.b.p50),
        [`p95 ms B`]: Math.round(m.b.p95),
        'p50 ratio A/B': (m.a.p50 / m.b.p50).toFixed(2),
        'median pair ratio': m.pairRatio.toFixed(2),
        [`p50 ms @${small} before`]: Math.round(sequential[name]!.p50),
      }
    }),
  }
}

interface Studio {
  code: string
  studioId: string
  branchIds: string[]
  token: string
  template: OrderRecord
  history: { orders: number; firstDay: string }
  /** Orders the studio holds. */
  orders: number
}

/** A demo studio with the seeded history, and an admin's token to report with. */
async function seedStudio(deps: AppDeps, code: string, days: number, until: Date, filesDir: string): Promise<Studio> {
  const { studio, branches } = await seedDemoStudio(deps, () => {}, code)
  console.log(`    ${code}: generating ${days} days of history…`)
  const history = await generateHistory(deps, {
    seed: 7,
    days,
    until,
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
  let templateId: string | undefined
  for (const stage of ['confirmed', 'pending_deposit', 'shot']) {
    const listed = (await dispatch(deps, findOperation('orders.list')!, { stage }, { token }, { requestId: ulid(), now: new Date() })) as { items: { id: string }[] }
    templateId ??= listed.items[0]?.id
  }
  const template = (await deps.orders.get(studio.id, templateId!))!
  return { code, studioId: studio.id, branchIds: branches.map((b) => b.id), token, template, history, orders: history.orders }
}

/** The n-th bulk order of a studio and the figures of its whole life; the same n gives the same order in every studio but its id. */
function bulkOrder(studio: Studio, n: number): { order: OrderRecord; writes: FigureWrite[] } {
  const opened = Date.parse(`${addDays(studio.history.firstDay, -LIFE_DAYS - (n % 365))}T03:00:00Z`) + (n % 480) * 60_000
  const by = studio.template.timeline[0]!.by
  const base: OrderRecord = {
    ...studio.template,
    id: ulid(),
    branchId: studio.branchIds[n % studio.branchIds.length]!,
    appointmentId: undefined,
    paidFen: studio.template.totalFen,
    balanceFen: 0,
    returning: n % 3 === 0,
  }
  const at = (hours: number) => new Date(opened + hours * 3_600_000).toISOString()
  const dayOf = (instant: string) => studioDate(new Date(instant), ZONE)
  const timeline: StageEvent[] = [{ stage: 'pending_deposit', at: at(0), by }]
  let order: OrderRecord = { ...base, stage: 'pending_deposit', timeline, stageEnteredAt: at(0), createdAt: at(0), updatedAt: at(0) }
  const writes = orderOpened(order, dayOf(order.createdAt), order.returning === true)
  for (const [stage, hours] of LIFE) {
    const event: StageEvent = { stage, at: at(hours), by }
    writes.push(...stageMoved(order, { from: order.stage, to: stage, event }, dayOf))
    order = { ...order, stage, timeline: [...order.timeline, event], stageEnteredAt: event.at, updatedAt: event.at }
  }
  return { order, writes }
}

/**
 * Writes bulk orders into the studio until it holds `size`: their items in batches of 25
 * (BULK_WRITERS batches in flight), then the figures of their lives, summed per item as the
 * events' ADDs would have left them — a state counter that went up and back down stays, at 0.
 */
async function grow(db: DynamoDBDocumentClient, studio: Studio, size: number) {
  if (size <= studio.orders) return
  console.log(`    ${studio.code}: writing ${size - studio.orders} more orders… (load ${loads()})`)
  const started = performance.now()
  const items = new Map<string, FigureWrite>()
  const writeBatch = async (bulk: OrderRecord[]) => {
    let pending: { PutRequest: { Item: Record<string, unknown> } }[] | undefined = bulk.map((order) => ({ PutRequest: { Item: orderItem(order) } }))
    while (pending?.length) {
      const answer = await db.send(new BatchWriteCommand({ RequestItems: { [TABLE]: pending } }))
      pending = answer.UnprocessedItems?.[TABLE] as typeof pending
    }
  }
  const inFlight = Number(process.env.BULK_WRITERS ?? 8)
  while (studio.orders < size) {
    const round: OrderRecord[][] = []
    for (let w = 0; w < inFlight && studio.orders < size; w++) {
      const bulk = Array.from({ length: Math.min(25, size - studio.orders) }, (_, i) => bulkOrder(studio, studio.orders + i))
      for (const { writes } of bulk) {
        for (const write of writes) {
          const key = `${write.branchId}|${write.date ?? 'NOW'}`
          const item = items.get(key) ?? items.set(key, { ...write, add: {}, names: {} }).get(key)!
          addCounters(item.add, write.add)
          Object.assign(item.names!, write.names)
        }
      }
      round.push(bulk.map((x) => x.order))
      studio.orders += bulk.length
    }
    await Promise.all(round.map(writeBatch))
    if (studio.orders % 10_000 < inFlight * 25) console.log(`      ${studio.orders} orders (${((performance.now() - started) / 1000).toFixed(0)} s)`)
  }
  // Each item's sums, at most 100 counters an Update (an expression is limited to 4 KB).
  const updates: FigureWrite[] = []
  for (const item of items.values()) {
    const counters = Object.entries(item.add)
    for (let i = 0; i < counters.length || i === 0; i += 100) {
      updates.push({ ...item, add: Object.fromEntries(counters.slice(i, i + 100)), names: i === 0 ? item.names : undefined })
    }
  }
  await pool(updates.length, 8, (i) => db.send(new UpdateCommand(figuresUpdate(TABLE, updates[i]!) as never)))
  console.log(`    …in ${((performance.now() - started) / 1000).toFixed(0)} s (${updates.length} figure updates; load ${loads()})`)
}

/** The size of a studio's first branch's state item, as DynamoDB counts it (names and values), roughly. */
async function nowItemBytes(db: DynamoDBDocumentClient, studio: Studio) {
  const answer = await db.send(new GetCommand({ TableName: TABLE, Key: keys.figuresNow(studio.studioId, studio.branchIds[0]!) }))
  const item = answer.Item ?? {}
  const bytes = Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + (typeof value === 'string' ? Buffer.byteLength(value) : 8), 0)
  return { attributes: Object.keys(item).length, bytes }
}
