import { CreateTableCommand } from '@aws-sdk/client-dynamodb'
import { importCustomerCsv } from '../../functions/customers/import-customers'
import { composeApp } from '../../functions/composition'
import { loadConfig } from '../../functions/platform/config'
import { tableDefinition } from '../../functions/store/table'
import { provisionStudio } from '../../functions/studio/provision-studio'
import type { LocalDynamo } from '../lib/dynamodb-local'

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂'
const SOURCES = ['大众点评', '小红书', '抖音', '转介绍', '到店', '微信']

/** A CSV like an old studio system's export: Chinese headers, a few tags, some dates. */
export function syntheticCustomerCsv(rows: number): Buffer {
  const lines = ['姓名,手机号,伴侣姓名,婚期,来源,标签,备注']
  for (let i = 0; i < rows; i++) {
    const name = SURNAMES[i % 20]! + GIVEN[(i * 7) % 20]! + GIVEN[(i * 13) % 20]!
    const phone = `139${String(i).padStart(8, '0')}`
    const wedding = i % 3 === 0 ? `2027-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` : ''
    lines.push(`${name},${phone},,${wedding},${SOURCES[i % SOURCES.length]},${i % 5 === 0 ? '"婚纱,VIP"' : ''},老系统导入 #${i}`)
  }
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n')
}

export async function benchImport(dynamo: LocalDynamo, rows: number) {
  const tableName = `bench-import-${Date.now()}`
  await dynamo.client.send(new CreateTableCommand(tableDefinition(tableName)))
  const deps = composeApp(loadConfig({ STAGE: 'test', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: dynamo.endpoint, SESSION_SECRET: 'bench-secret-bench-secret-bench-secret' }))
  const { studio } = await provisionStudio(deps, {
    code: 'bench',
    name: 'Bench',
    branches: [{ name: 'Main', address: '-', phone: '-' }],
    admin: { username: 'admin', displayName: 'Admin', password: 'bench-password' },
  })
  const file = syntheticCustomerCsv(rows)
  const results: Record<string, string | number>[] = []
  for (const [label, dryRun] of [['dry run', true], ['import', false], ['re-import (idempotent)', false]] as const) {
    global.gc?.()
    const rssBefore = process.memoryUsage().rss
    let peak = rssBefore
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
    const started = performance.now()
    const report = await importCustomerCsv(deps.customers, file, {
      studioId: studio.id,
      dryRun,
      now: new Date(),
      concurrency: 4,
      onProgress: (done, total) => {
        if (done % 10_000 === 0 || done === total) console.log(`    ${label}: ${done}/${total}`)
      },
    })
    const seconds = (performance.now() - started) / 1000
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)
    results.push({
      run: label,
      rows,
      seconds: Number(seconds.toFixed(1)),
      'rows/s': Math.round(rows / seconds),
      'peak RSS MB': Math.round(peak / 1024 / 1024),
      created: report.created,
      updated: report.updated,
      unchanged: report.skipped,
      failed: report.failed,
    })
  }
  return results
}
