import { BatchWriteItemCommand, CreateTableCommand, ScanCommand, type AttributeValue, type WriteRequest } from '@aws-sdk/client-dynamodb'
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { marshall } from '@aws-sdk/util-dynamodb'
import { ulid } from 'ulid'
import { backUpStudio } from '../../functions/backup/back-up-studio'
import { packBackup, unpackBackup } from '../../functions/backup/backup-file'
import { canonicalContent } from '../../functions/backup/canonical'
import type { StoredItem } from '../../functions/backup/ports'
import { restoreStudio } from '../../functions/backup/restore-studio'
import { composeOperatorTools } from '../../functions/composition'
import { IN_FLIGHT as WRITES_IN_FLIGHT, SEGMENTS as SCAN_SEGMENTS } from '../../functions/store/backup'
import { keys } from '../../functions/store/keys'
import { tableDefinition } from '../../functions/store/table'
import type { LocalDynamo } from '../lib/dynamodb-local'

const NAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'

/**
 * A studio of about `size` items shaped like the real ones: per customer its profile (two
 * index keys), phone-uniqueness item, one order (two index keys) and two payments.
 */
export function syntheticStudio(size: number, code: string): StoredItem[] {
  const studioId = ulid()
  const branchId = ulid()
  const items: Record<string, unknown>[] = [
    { ...keys.studioCode(code), type: 'StudioCode', studioId },
    { ...keys.studio(studioId), type: 'Studio', id: studioId, code, name: `${code} 婚纱摄影`, timeZone: 'Asia/Shanghai' },
    { ...keys.branch(studioId, branchId), type: 'Branch', id: branchId, name: '静安旗舰店', address: '上海市静安区南京西路 1 号', phone: '021-00000000' },
  ]
  for (let i = 0; items.length < size; i++) {
    const customerId = ulid()
    const orderId = ulid()
    const phone = `139${String(i).padStart(8, '0')}`
    const name = NAMES[i % 20]! + NAMES[(i * 7) % 20]! + NAMES[(i * 13) % 20]!
    const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString()
    items.push(
      { ...keys.customer(studioId, customerId), type: 'Customer', gsi1pk: keys.customersByPhone4(studioId, phone.slice(-4)), gsi1sk: customerId, gsi2pk: keys.customersByName(studioId), gsi2sk: `${name}#${customerId}`, id: customerId, name, phone, source: '小红书', tags: ['婚纱'], notes: '老系统导入', createdAt: at, updatedAt: at, version: 1 },
      { ...keys.phone(studioId, phone), type: 'CustomerPhone', customerId },
      { ...keys.order(studioId, orderId), type: 'Order', gsi1pk: keys.ordersInStage(studioId, 'completed'), gsi1sk: `${at}#${orderId}`, gsi2pk: keys.customerOrders(studioId, customerId), gsi2sk: at, id: orderId, customerId, branchId, stage: 'completed', packageName: '经典婚纱套系', totalFen: 899_900, paidFen: 899_900, createdAt: at, version: 3 },
      ...[1, 2].map((n) => ({ ...keys.orderPayment(studioId, orderId, `${orderId}${n}`), type: 'Payment', gsi2pk: keys.customerPayments(studioId, customerId), gsi2sk: at, id: `${orderId}${n}`, orderId, kind: n === 1 ? 'deposit' : 'balance', method: 'wechat', amountFen: 449_950, at })),
    )
  }
  return items.map((item) => marshall(item) as unknown as StoredItem)
}

/** CPU seconds a process has used so far (Linux /proc), or NaN where that cannot be read. */
function cpuSeconds(pid: number | undefined) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return Number.NaN
  }
}

/**
 * Runs `work` and reports its time, the process's peak resident memory, and the CPU seconds
 * it and DynamoDB Local used: on shared cores the wall time follows the load, the CPU time much less.
 */
async function measured<T>(dynamo: LocalDynamo, work: () => Promise<T>) {
  global.gc?.()
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  const dynamoCpu = cpuSeconds(dynamo.process.pid)
  const ownCpu = process.cpuUsage()
  const started = performance.now()
  const result = await work()
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  const own = process.cpuUsage(ownCpu)
  return {
    result,
    seconds,
    peakMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20),
    cpu: { node: (own.user + own.system) / 1e6, dynamo: cpuSeconds(dynamo.process.pid) - dynamoCpu },
  }
}

/**
 * DynamoDB Local's own floor, with no code of ours: BatchWriteItem of the items, 25 a call,
 * `inFlight` calls at a time, into a fresh table.
 */
async function rawBatchWrite(dynamo: LocalDynamo, tableName: string, items: StoredItem[], inFlight: number) {
  let next = 0
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < items.length) {
        let batch: WriteRequest[] = items.slice(next, next + 25).map((item) => ({ PutRequest: { Item: item as unknown as Record<string, AttributeValue> } }))
        next += 25
        while (batch.length) {
          const out = await dynamo.client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: batch } }))
          batch = out.UnprocessedItems?.[tableName] ?? []
        }
      }
    }),
  )
}

/** DynamoDB Local's floor for reading: a parallel Scan of the whole table, pages thrown away. */
async function rawScan(dynamo: LocalDynamo, tableName: string, segments: number) {
  let count = 0
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let startKey: Record<string, AttributeValue> | undefined
      do {
        const page = await dynamo.client.send(new ScanCommand({ TableName: tableName, Segment: segment, TotalSegments: segments, ConsistentRead: true, ExclusiveStartKey: startKey }))
        count += page.Count ?? 0
        startKey = page.LastEvaluatedKey
      } while (startKey)
    }),
  )
  return count
}

/**
 * Restore, then backup, of one studio of `size` items in a table it shares with a
 * neighbour a tenth its size (the backup's scan reads both); and, for the floor, the same
 * items written by bare BatchWriteItem calls and the table read by a bare Scan.
 */
export async function benchBackup(dynamo: LocalDynamo, size: number) {
  const tableName = `bench-backup-${Date.now()}`
  await dynamo.client.send(new CreateTableCommand(tableDefinition(tableName)))
  const { studioItems } = composeOperatorTools({ tableName, dynamoEndpoint: dynamo.endpoint })
  const studio = syntheticStudio(size, 'bench')
  const neighbour = syntheticStudio(Math.round(size / 10), 'neighbour')
  console.log(`    load average at the start: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  console.log(`    writing the neighbour studio (${neighbour.length} items)…`)
  await studioItems.writeItems(neighbour, () => {})

  const content = canonicalContent(studio)
  const code = 'bench'
  const packed = packBackup({ ...content, studio: { id: String(studio[1]!.id!.S), code, name: 'bench', timeZone: 'Asia/Shanghai' }, takenAt: new Date(), reads: 2 }, 'bench.ndjson.gz', 'synthetic')
  const manifestText = JSON.stringify(packed.manifest)
  const data = packed.data
  const shown = new Map<string, number>()
  const log = (label: string, done: number) => {
    if (done - (shown.get(label) ?? 0) < 20_000 && done !== size) return
    shown.set(label, done)
    console.log(`    ${label}: ${done}`)
  }

  const restore = await measured(dynamo, async () => {
    const backup = unpackBackup(manifestText, data, studioItems)
    return restoreStudio(studioItems, backup, { studioCode: code, onProgress: ({ done }) => log('restored', done) })
  })
  const floorTable = `bench-floor-${Date.now()}`
  await dynamo.client.send(new CreateTableCommand(tableDefinition(floorTable)))
  console.log('    the floor: bare BatchWriteItem…')
  const rawWrite = await measured(dynamo, () => rawBatchWrite(dynamo, floorTable, studio, WRITES_IN_FLIGHT))
  const backup = await measured(dynamo, async () => {
    const copy = await backUpStudio(studioItems, { studioCode: code, onProgress: ({ read, pass }) => log(`read ${pass}`, read) })
    return { copy, file: packBackup(copy, 'bench.ndjson.gz', tableName) }
  })
  console.log('    the floor: bare Scan…')
  const rawRead = await measured(dynamo, () => rawScan(dynamo, tableName, SCAN_SEGMENTS))
  console.log(`    load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  const row = (run: string, m: { seconds: number; peakMb: number; cpu: { node: number; dynamo: number } }, extra: Record<string, string | number>) => ({
    run,
    items: size,
    seconds: Number(m.seconds.toFixed(1)),
    'items/s': Math.round(size / m.seconds),
    'peak RSS MB': m.peakMb,
    'CPU s: ours': m.cpu.node.toFixed(1),
    'CPU s: DynamoDB Local': m.cpu.dynamo.toFixed(1),
    ...extra,
  })
  return [
    row('restore (verify, then write)', restore, { 'gzip MB': (data.length / 2 ** 20).toFixed(1), 'same digest': '—' }),
    row(`floor: bare BatchWriteItem, ${WRITES_IN_FLIGHT} in flight, no code of ours`, rawWrite, { 'gzip MB': '—', 'same digest': '—' }),
    row(`backup (${backup.result.copy.reads} reads, then gzip)`, backup, {
      'gzip MB': (backup.result.file.data.length / 2 ** 20).toFixed(1),
      'same digest': backup.result.copy.sha256 === content.sha256 ? 'yes' : '**no**',
    }),
    { ...row(`floor: bare Scan of the table (${rawRead.result} items), ${SCAN_SEGMENTS} segments, no code of ours`, rawRead, { 'gzip MB': '—', 'same digest': '—' }), items: rawRead.result },
  ]
}
