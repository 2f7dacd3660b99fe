import type { AppDeps } from '../../functions/api/implementations'
import { createPackage } from '../../functions/catalog/manage-catalog'
import { composeApp } from '../../functions/composition'
import { loadConfig } from '../../functions/platform/config'
import { ensureTable } from '../../functions/store/admin'
import { addStaff, provisionStudio } from '../../functions/studio/provision-studio'
import type { LocalDynamo } from '../lib/dynamodb-local'
import { startLocalApi } from '../lib/local-api'
import { freePort, stopChild } from '../lib/processes'
import { samplePackage } from '../lib/sample-package'

const SECRET = 'bench-session-secret-bench-session-secret'
/** The API's table is named by its stage (serverless.yml): the test stage's. */
const TABLE = 'studio-erp-test'

/** One request to the API, timed; a body is sent as JSON unless `raw` is given. */
export type BenchCall = (
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers?: Record<string, string>,
  raw?: string,
) => Promise<{ status: number; body: any; ms: number }>

/**
 * The API under serverless-offline on the test stage's table (created when missing), with
 * `env` added to its environment, and the app's own dependencies on the same table.
 * Runs `bench` against it and stops the API afterwards.
 */
export async function withBenchApi<T>(dynamo: LocalDynamo, env: Record<string, string>, bench: (api: { deps: AppDeps; call: BenchCall }) => Promise<T>): Promise<T> {
  await ensureTable(dynamo.client, TABLE)
  const deps = composeApp(loadConfig({ STAGE: 'test', TABLE_NAME: TABLE, DYNAMODB_ENDPOINT: dynamo.endpoint, SESSION_SECRET: SECRET, ...env }))
  console.log('    starting the API (serverless-offline)…')
  const api = await startLocalApi({
    port: await freePort(),
    lambdaPort: await freePort(),
    stage: 'test',
    env: { DYNAMODB_ENDPOINT: dynamo.endpoint, SESSION_SECRET: SECRET, POWERTOOLS_LOG_LEVEL: 'SILENT', ...env },
    quiet: true,
  })
  const call: BenchCall = async (method, path, token, body, headers = {}, raw) => {
    const started = performance.now()
    const response = await fetch(api.url + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body || raw ? { 'content-type': 'application/json' } : {}),
        // Header names are case-insensitive; one spelling each, so Content-Type is not sent twice.
        ...Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
      },
      body: raw ?? (body ? JSON.stringify(body) : undefined),
    })
    const text = await response.text()
    const answer = text ? (JSON.parse(text) as any) : undefined
    // serverless-offline answers a crashed or timed-out handler with 200 and an errorMessage.
    const status = response.status === 200 && answer?.errorMessage ? 502 : response.status
    return { status, body: answer, ms: performance.now() - started }
  }
  try {
    return await bench({ deps, call })
  } finally {
    await stopChild(api.process)
  }
}

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** Runs `count` tasks with at most `inFlight` at once. */
export async function pool<T>(count: number, inFlight: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const i = next++
        results[i] = await task(i)
      }
    }),
  )
  return results
}

export async function setUp(deps: AppDeps) {
  const { studio, branches } = await provisionStudio(deps, {
    code: `bench-${Date.now()}`,
    name: 'Bench Studio',
    branches: [{ name: 'Main', address: '-', phone: '-' }],
    admin: { username: 'admin', displayName: 'Admin', password: 'bench-password' },
  })
  const branchId = branches[0]!.id
  const photographers = []
  for (let i = 0; i < 3; i++) photographers.push(await addStaff(deps, studio.id, { username: `p${i}`, displayName: `P${i}`, password: 'bench-password', roles: ['photographer'], branchId }))
  for (let i = 0; i < 2; i++) await addStaff(deps, studio.id, { username: `m${i}`, displayName: `M${i}`, password: 'bench-password', roles: ['makeup'], branchId })
  await deps.scheduling.saveBranchSchedule(studio.id, branchId, {
    openingHours: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ from: '09:00', to: '18:00' }]])),
    closedDates: [],
  })
  for (let i = 0; i < 3; i++) await deps.scheduling.saveRoom(studio.id, { id: `01J0000000000000000000000${i}`, branchId, name: `Room ${i}`, active: true })
  const ctx = { requestId: 'bench', now: new Date(), caller: { kind: 'staff' as const, id: 'bench', studioId: studio.id, roles: ['admin' as const], displayName: 'bench', sessionId: 'bench' } }
  const pkg = await createPackage(
    deps,
    samplePackage([branchId], { name: 'Bench portrait', description: '', gallery: [], includedProducts: [], materials: [], shootMinutes: 90 }),
    ctx,
  )
  return { studio, branchId, pkg, photographers }
}

