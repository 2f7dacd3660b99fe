import { CreateTableCommand } from '@aws-sdk/client-dynamodb'
import { createPackage } from '../../functions/catalog/manage-catalog'
import { composeApp } from '../../functions/composition'
import { importOrderCsv } from '../../functions/history-import/import-orders'
import { loadConfig } from '../../functions/platform/config'
import { tableDefinition } from '../../functions/store/table'
import { provisionStudio } from '../../functions/studio/provision-studio'
import type { LocalDynamo } from '../lib/dynamodb-local'
import { samplePackage } from '../lib/sample-package'
import * as catalogOps from '../../types/catalog-operations'

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂'
const PACKAGES = ['经典婚纱套系', '森系外景套系', '儿童成长套系']
const STAGES = ['已完成', '已完成', '已完成', '精修中', '选片', '已确认']
const METHODS = ['微信', '现金', '刷卡', '转账']

const day = (i: number, offset: number) => new Date(Date.UTC(2022, 0, 1) + ((i + offset) % 1000) * 86_400_000).toISOString().slice(0, 10)

/** An old system's order export: Chinese headers, a customer per two orders, one to three payments each. */
export function syntheticOrderCsv(rows: number): Buffer {
  const lines = ['订单号,客户姓名,手机号,套系,下单日期,拍摄日期,总价,已付,状态,付款记录']
  for (let i = 0; i < rows; i++) {
    const customer = Math.floor(i / 2)
    const name = SURNAMES[customer % 20]! + GIVEN[(customer * 7) % 20]! + GIVEN[(customer * 13) % 20]!
    const phone = `138${String(customer).padStart(8, '0')}`
    const stage = STAGES[i % STAGES.length]!
    const total = 8999
    const payments = stage === '已完成' ? [[day(i, 0), 3000], [day(i, 30), 5999]] : stage === '已确认' ? [[day(i, 0), 3000]] : [[day(i, 0), 3000], [day(i, 30), 2000], [day(i, 40), 1000]]
    const paid = payments.reduce((s, [, a]) => s + Number(a), 0)
    const cell = payments.map(([date, amount], n) => `${date} ${METHODS[(i + n) % 4]} ${amount}`).join('; ')
    lines.push(`HX${String(i).padStart(6, '0')},${name},${phone},${PACKAGES[i % 3]},${day(i, 0)},${day(i, 20)},${total},${paid},${stage},${cell}`)
  }
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n')
}

export async function benchImportOrders(dynamo: LocalDynamo, rows: number) {
  const tableName = `bench-orders-${Date.now()}`
  await dynamo.client.send(new CreateTableCommand(tableDefinition(tableName)))
  const deps = composeApp(loadConfig({ STAGE: 'test', TABLE_NAME: tableName, DYNAMODB_ENDPOINT: dynamo.endpoint, SESSION_SECRET: 'bench-secret-bench-secret-bench-secret' }))
  const { studio, branches, admin } = await provisionStudio(deps, {
    code: 'bench',
    name: 'Bench',
    branches: [{ name: 'Main', address: '-', phone: '-' }],
    admin: { username: 'admin', displayName: 'Admin', password: 'bench-password' },
  })
  const branchId = branches[0]!.id
  const caller = { kind: 'staff' as const, id: admin.id, studioId: studio.id, roles: ['admin' as const], branchId, displayName: 'Admin', sessionId: 'bench' }
  for (const name of PACKAGES) {
    await createPackage(deps, catalogOps.createPackage.input.parse(samplePackage([branchId], { name, priceFen: 899_900 })), { requestId: name, now: new Date(), caller })
  }
  const file = syntheticOrderCsv(rows)
  const results: Record<string, string | number>[] = []
  for (const [label, dryRun] of [['dry run', true], ['import', false], ['re-import (idempotent)', false]] as const) {
    global.gc?.()
    let peak = process.memoryUsage().rss
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
    const started = performance.now()
    const report = await importOrderCsv(deps, file, {
      studioId: studio.id,
      branchId,
      by: { id: 'bench', name: 'bench', role: 'system' },
      dryRun,
      now: new Date(),
      concurrency: 8,
      onProgress: (done, total) => {
        if (done % 2_000 === 0 || done === total) console.log(`    ${label}: ${done}/${total}`)
      },
    })
    const seconds = (performance.now() - started) / 1000
    clearInterval(sampler)
    results.push({
      run: label,
      orders: rows,
      seconds: Number(seconds.toFixed(1)),
      'orders/s': Math.round(rows / seconds),
      'peak RSS MB': Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20),
      imported: report.created,
      payments: report.payments,
      'customers created': report.customersCreated,
      'imported before': report.skipped,
      failed: report.failed,
    })
  }
  return results
}
