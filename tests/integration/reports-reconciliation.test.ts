import { randomInt } from 'node:crypto'
import { dispatch, findOperation } from '../../functions/api/dispatch'
import type { AppDeps } from '../../functions/api/implementations'
import { composeApp } from '../../functions/composition'
import { addDays, type Counters } from '../../functions/domain/report-figures'
import { figureDifferences, recomputeDays, recomputeNow, type BranchRecords } from '../../functions/domain/report-recompute'
import { studioDate } from '../../functions/domain/time'
import { newSession, signSession } from '../../functions/identity/sessions'
import { loadConfig } from '../../functions/platform/config'
import type { ReportFigures } from '../../functions/reports/ports'
import { demoCrews, seedDemoStudio } from '../../scripts/lib/demo-studio'
import { generateHistory, type HistoryRecord } from '../../scripts/lib/history-generator'
import { reportNames } from '../../types/reports'
import { TEST_SESSION_SECRET } from '../support/constants'
import { endpoint, newTable, uniqueCode } from '../support/studio'

const ZONE = 'Asia/Shanghai'
const DAYS = Number(process.env.RECONCILE_DAYS ?? 9)
/** Seeds from RECONCILE_SEEDS (comma separated) to replay a failure, else three new ones, printed. */
const SEEDS = process.env.RECONCILE_SEEDS ? process.env.RECONCILE_SEEDS.split(',').map(Number) : [randomInt(1, 2 ** 31), randomInt(1, 2 ** 31), randomInt(1, 2 ** 31)]
const dayOf = (instant: string) => studioDate(new Date(instant), ZONE)

/**
 * The figures the reports read are kept by every event as it happens; here a studio's weeks are
 * laid down by the history generator through the real use cases, then every figure is worked out
 * again from the raw records (orders and payments, bookings, expenses, stock movements,
 * commission lines, follow-ups) and must equal the kept ones to the fen — per branch and day,
 * and for the state "now" — and every report must answer the same from either.
 */
describe.each(SEEDS)('reports reconcile with the raw records (seed %i)', (seed) => {
  let deps: AppDeps
  let history: HistoryRecord
  let studioId: string
  let branchIds: string[]
  let token: string
  /** Each branch's raw records, read once after the history. */
  const records = new Map<string, BranchRecords>()
  let from: string
  let to: string

  beforeAll(async () => {
    console.log(`reports reconciliation: seed ${seed} (replay with RECONCILE_SEEDS=${seed})`)
    // A table of its own, and the local file store the proofs are put in as if uploaded.
    deps = composeApp(
      loadConfig({ STAGE: 'test', TABLE_NAME: await newTable('rec'), DYNAMODB_ENDPOINT: endpoint(), SESSION_SECRET: TEST_SESSION_SECRET, FILES_DIR: process.env.TEST_FILES_DIR! }),
    )
    const started = Date.now()
    const code = uniqueCode('rec')
    const { studio, branches } = await seedDemoStudio(deps, () => {}, code)
    studioId = studio.id
    branchIds = branches.map((b) => b.id).sort()
    history = await generateHistory(deps, {
      seed,
      days: DAYS,
      leadsPerDay: 1.2,
      studioCode: code,
      branches: branches.map((b, i) => ({ id: b.id, crew: demoCrews[i]! })),
      filesDir: process.env.TEST_FILES_DIR!,
    })
    const sold = Object.values(history.days).flatMap((b) => Object.values(b))
    const fen = (pick: (t: HistoryRecord['days'][string][string]) => number) => sold.reduce((s, t) => s + pick(t), 0)
    console.log(
      `seed ${seed}: ${history.orders} orders, ${history.calls} operations in ${((Date.now() - started) / 1000).toFixed(0)}s; sold at selection: ${fen((t) => t.extraPhotosFen)} fen of extra photos, ${fen((t) => t.upgradesFen)} fen of upgrades`,
    )
    from = history.firstDay
    // Bookings made in the history hold their crews' time weeks ahead.
    to = addDays(history.lastDay, 40)
    for (const [branchId, branch] of (await deps.figures.records(studioId, branchIds, addDays(from, -1), to)).branches) records.set(branchId, branch)
    const admin = (await deps.repo.findStaffByUsername(studioId, 'admin'))!
    const session = newSession({ kind: 'staff', id: admin.id, studioId, credentialVersion: admin.credentialVersion }, new Date())
    await deps.repo.putSession(session)
    token = await signSession(deps.tokens, session)
  }, 900_000)

  it('made a history worth checking: orders moved on, money, bookings, stock and expenses', () => {
    const all = Object.values(history.days).flatMap((b) => Object.values(b))
    expect(history.orders).toBeGreaterThan(5)
    expect(all.reduce((s, t) => s + Object.values(t.receivedFen).reduce((a, b) => a + b, 0), 0)).toBeGreaterThan(0)
    expect(all.reduce((s, t) => s + t.expensesFen, 0)).toBeGreaterThan(0)
    const orders = [...records.values()].flatMap((r) => r.orders)
    // Shoots and what follows need longer histories than a test's (RECONCILE_DAYS=40 reaches pick-ups).
    expect(orders.some((o) => o.order.timeline.length > 1)).toBe(true)
    expect([...records.values()].some((r) => r.movements.length > 0 && r.appointments.length > 0)).toBe(true)
  })

  it('keeps every day’s figures of every branch equal to the raw records, to the fen', async () => {
    const differences: string[] = []
    for (const branchId of branchIds) {
      const kept = await deps.figures.days(studioId, branchId, addDays(from, -1), to)
      const recomputed = recomputeDays(records.get(branchId)!, dayOf, addDays(from, -1), to, branchId)
      const days = [...new Set([...kept.keys(), ...recomputed.keys()])].sort()
      for (const day of days) {
        for (const d of figureDifferences(kept.get(day)?.counters ?? {}, recomputed.get(day) ?? {})) differences.push(`${branchId} ${day} ${d.figure}: kept ${d.kept}, recomputed ${d.recomputed}`)
      }
      expect(days.length).toBeGreaterThan(DAYS / 2)
    }
    expect(differences).toEqual([])
  })

  it('keeps every branch’s state figures (orders per stage, owed by shoot day, at pick-up with money due) equal to its orders as they stand', async () => {
    const differences: string[] = []
    for (const branchId of branchIds) {
      const kept = await deps.figures.now(studioId, branchId)
      for (const d of figureDifferences(kept.counters, recomputeNow(records.get(branchId)!, dayOf))) differences.push(`${branchId} now ${d.figure}: kept ${d.kept}, recomputed ${d.recomputed}`)
    }
    expect(differences).toEqual([])
  })

  it('keeps each branch’s stock on hand equal to the movements that made it', async () => {
    const { levels } = await deps.stock.load(studioId)
    for (const branchId of branchIds) {
      const moved = new Map<string, number>()
      for (const m of records.get(branchId)!.movements) moved.set(m.itemId, (moved.get(m.itemId) ?? 0) + m.quantity)
      const onHand = new Map(levels.filter((l) => l.branchId === branchId).map((l) => [l.itemId, l.onHand]))
      expect(Object.fromEntries(onHand)).toEqual(Object.fromEntries(moved))
    }
  })

  it('answers every report the same from the kept figures as from the figures recomputed from the raw records', async () => {
    // The same reports, read through the same dispatcher, with the figures worked out from the raw records instead.
    const recomputedFigures: ReportFigures = {
      async days(_studio, branchId, dayFrom, dayTo) {
        const names = new Map([...(await deps.figures.days(studioId, branchId, dayFrom, dayTo))].map(([day, k]) => [day, k.names]))
        const days = recomputeDays(records.get(branchId)!, dayOf, dayFrom, dayTo, branchId)
        return new Map([...days].map(([day, counters]) => [day, { counters, names: names.get(day) ?? {} }]))
      },
      async now(_studio, branchId) {
        return { counters: recomputeNow(records.get(branchId)!, dayOf), names: (await deps.figures.now(studioId, branchId)).names }
      },
      records: () => Promise.reject(new Error('not read by reports')),
      correct: () => Promise.reject(new Error('not written by reports')),
      removeZeroCounters: () => Promise.reject(new Error('not written by reports')),
    }
    const fromRaw: AppDeps = { ...deps, figures: recomputedFigures }
    const ask = (d: AppDeps, name: string, input: object) => dispatch(d, findOperation(`reports.${name}`)!, input, { token }, { requestId: `reconcile-${name}`, now: new Date() })
    const mismatches: string[] = []
    for (const branchId of [undefined, ...branchIds]) {
      for (const name of [...reportNames, 'home']) {
        const input = name === 'home' ? (branchId ? { branchId } : {}) : { from, to: history.lastDay, ...(branchId ? { branchId } : {}) }
        const [kept, recomputed] = await Promise.all([ask(deps, name, input), ask(fromRaw, name, input)])
        mismatches.push(...differencesOf(kept, recomputed, `${name} ${branchId ?? 'all branches'}`))
      }
    }
    expect(mismatches).toEqual([])
  })
})

/** Every leaf that differs between two answers, named by its path. */
function differencesOf(kept: unknown, recomputed: unknown, path: string): string[] {
  if (typeof kept === 'object' && kept !== null && typeof recomputed === 'object' && recomputed !== null) {
    const keys = new Set([...Object.keys(kept), ...Object.keys(recomputed)])
    return [...keys].flatMap((k) => differencesOf((kept as Counters)[k], (recomputed as Counters)[k], `${path}.${k}`))
  }
  return Object.is(kept, recomputed) ? [] : [`${path}: kept ${JSON.stringify(kept)}, recomputed ${JSON.stringify(recomputed)}`]
}
