import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { AppDeps } from '../../functions/api/implementations'
import { samplePackage } from '../../scripts/lib/sample-package'
import { TEST_PASSWORD } from '../support/constants'
import { operationsOf } from '../support/dispatch'
import { isolatedTable, newStudio } from '../support/studio'

let deps: AppDeps
let ops: ReturnType<typeof operationsOf>
let studio: Awaited<ReturnType<typeof newStudio>>
let admin: string
let branchId: string

const fixture = (name: string) => readFileSync(resolve(__dirname, '../fixtures', name))
const HEADER = '订单号,客户姓名,手机号,套系,下单日期,拍摄日期,总价,已付,状态,付款记录'

/** A fresh studio with the package the old system sold, its administrator signed in. */
async function openStudio() {
  studio = await newStudio(deps)
  admin = (await ops.call('auth.staffSignIn', { studioCode: studio.code, username: 'admin', password: TEST_PASSWORD })).token as string
  branchId = studio.branches[0]!.id
  await ops.call('catalog.createPackage', samplePackage([branchId], { name: '经典婚纱套系', priceFen: 899_900 }), admin)
}

const importFile = (file: Buffer | string, dryRun: boolean, token = admin) =>
  ops.call('orders.import', { fileBase64: Buffer.from(file).toString('base64'), dryRun, branchId }, token)

const historyOf = async (phone: string) => {
  const [customer] = (await ops.call('customers.search', { q: phone }, admin)).items
  return customer ? ops.call('customers.history', { customerId: customer.id }, admin) : undefined
}

beforeAll(async () => {
  ;({ deps } = await isolatedTable())
  ops = operationsOf(deps)
})

describe('importing past orders from the old system', () => {
  beforeAll(openStudio)

  it('dry-runs a GBK file: every bad line by line, column and reason, unknown packages named, and nothing written', async () => {
    const report = await importFile(fixture('orders-gbk.csv'), true)
    expect(report).toMatchObject({ dryRun: true, rows: 8, created: 2, skipped: 0, failed: 6, customersCreated: 2, payments: 3, unknownPackages: ['神秘套系'] })
    expect(report.columns).toMatchObject({ 订单号: 'orderNumber', 手机号: 'phone', 套系: 'packageName', 总价: 'totalFen', 已付: 'paidFen', 状态: 'stage', 付款记录: 'payments' })
    expect(report.errors).toEqual([
      { line: 4, column: '总价', code: 'NOT_AN_AMOUNT', values: { value: 'abc' }, reason: 'not an amount in yuan: abc' },
      { line: 5, column: '付款记录', code: 'PAYMENTS_DO_NOT_ADD_UP', values: { sum: '3000.00', paid: '5000.00' }, reason: 'the payments add up to ¥3000.00, the paid column says ¥5000.00' },
      { line: 6, column: '套系', code: 'UNKNOWN_PACKAGE', values: { value: '神秘套系' }, reason: 'unknown package: 神秘套系 (add it to the catalogue, then import again)' },
      { line: 7, column: '状态', code: 'UNKNOWN_STAGE', values: { value: '搁置' }, reason: 'unknown stage: 搁置' },
      { line: 8, column: '手机号', code: 'UNKNOWN_CUSTOMER', values: { value: '13800138007' }, reason: 'no customer has the phone 13800138007, and the line gives no name to create one with' },
      { line: 9, column: '订单号', code: 'REPEATED_ORDER_NUMBER', values: { line: 2 }, reason: 'the same order number is on line 2' },
    ])
    expect(await historyOf('13800138001')).toBeUndefined()
    expect((await ops.call('finance.day', { branchId, date: '2024-03-01' }, admin)).receivedFen).toBe(0)
  })

  it('imports the good lines into the customers’ history, payments dated and booked on their own days', async () => {
    const report = await importFile(fixture('orders-gbk.csv'), false)
    expect(report).toMatchObject({ dryRun: false, created: 2, skipped: 0, failed: 6, customersCreated: 2, payments: 3 })

    const zhang = (await historyOf('13800138001'))!
    expect(zhang.customer).toMatchObject({ name: '张晓雨', phone: '13800138001' })
    expect(zhang.orders).toEqual([expect.objectContaining({ summary: '经典婚纱套系', stage: 'completed', totalFen: 899_900, balanceFen: 0, createdAt: '2024-02-29T16:00:00.000Z' })])
    expect(zhang.payments.map((p: { kind: string; method: string; amountFen: number; audited: boolean; at: string }) => [p.kind, p.method, p.amountFen, p.audited, p.at])).toEqual(
      expect.arrayContaining([
        ['deposit', 'wechat', 300_000, true, '2024-02-29T16:00:00.000Z'],
        ['balance', 'cash', 599_900, true, '2024-04-09T16:00:00.000Z'],
      ]),
    )

    const li = (await historyOf('13800138002'))!
    const detail = await ops.call('orders.get', { orderId: li.orders[0]!.id }, admin)
    expect(detail.order).toMatchObject({ stage: 'retouching', totalFen: 959_900, paidFen: 300_000, balanceFen: 659_900, importedFrom: 'A1002', addOns: [{ name: '原系统加项', amountFen: 60_000 }] })
    expect(detail.payments).toEqual([expect.objectContaining({ method: 'card', amountFen: 300_000, imported: true, reference: 'A1002' })])

    // The day books of those days hold the money, at the import desk; finance has nothing to audit.
    const march1 = await ops.call('finance.day', { branchId, date: '2024-03-01' }, admin)
    expect(march1).toMatchObject({ receivedFen: 300_000, desks: [{ deskName: '历史导入', method: 'wechat', amountFen: 300_000, count: 1 }], unaudited: [] })
    expect((await ops.call('finance.day', { branchId, date: '2024-04-10' }, admin)).expectedCashFen).toBe(599_900)
    expect((await ops.call('payments.unaudited', {}, admin)).items).toEqual([])
  })

  it('imports nothing twice: the same file again only skips', async () => {
    const again = await importFile(fixture('orders-gbk.csv'), false)
    expect(again).toMatchObject({ created: 0, skipped: 2, customersCreated: 0, payments: 0 })
    expect((await historyOf('13800138001'))!.orders).toHaveLength(1)
    expect((await ops.call('finance.day', { branchId, date: '2024-03-01' }, admin)).receivedFen).toBe(300_000)
  })

  it('writes each order once when two runs of the same file go at the same time', async () => {
    const csv = [HEADER, ...Array.from({ length: 12 }, (_, i) => `C${i},客户${i},1370013${String(i).padStart(4, '0')},经典婚纱套系,2024-06-0${(i % 9) + 1},,8999,3000,已确认,2024-06-0${(i % 9) + 1} 现金 3000`)].join('\n')
    const [first, second] = await Promise.all([importFile(csv, false), importFile(csv, false)])
    expect(first.created + second.created).toBe(12)
    expect(first.skipped + second.skipped).toBe(12)
    for (const i of [0, 5, 11]) expect((await historyOf(`1370013${String(i).padStart(4, '0')}`))!.orders).toHaveLength(1)
    const days = await Promise.all(Array.from({ length: 9 }, (_, d) => ops.call('finance.day', { branchId, date: `2024-06-0${d + 1}` }, admin)))
    expect(days.reduce((sum, day) => sum + day.receivedFen, 0)).toBe(12 * 300_000)
  })
})

describe('importing past orders, other files and other studios', () => {
  beforeAll(openStudio)

  it('reads UTF-8 with a BOM and English headers, and finds a known customer by phone', async () => {
    const known = await ops.call('customers.create', { name: 'Amy Wang', phone: '13900139001' }, admin)
    const csv = '\ufeffOrder No,Customer Phone,Package,Order Date,Total,Paid,Status,Payments\r\nE-1,13900139001,经典婚纱套系,2024-07-01,"8,999.50",8999.50,Ready,2024-07-01 wechat 1000; 2024-07-20 bank transfer 7999.5\r\n'
    const report = await importFile(csv, false)
    expect(report).toMatchObject({ created: 1, customersCreated: 0, failed: 0, payments: 2 })
    const history = await ops.call('customers.history', { customerId: known.id }, admin)
    expect(history.orders).toEqual([expect.objectContaining({ stage: 'ready', totalFen: 899_950, balanceFen: 0 })])
  })

  it('refuses a line whose payment falls on a closed day, and writes nothing of it', async () => {
    const day = await ops.call('finance.day', { branchId, date: '2024-08-01' }, admin)
    await ops.call('finance.closeDay', { branchId, date: '2024-08-01', revision: day.revision, countedCashFen: 0 }, admin)
    const csv = `${HEADER}\nD-1,周杰,13900139002,经典婚纱套系,2024-07-25,,8999,3000,已确认,2024-08-01 现金 3000\n`
    const report = await importFile(csv, false)
    expect(report).toMatchObject({ created: 0, failed: 1, errors: [{ line: 2, code: 'NOT_SAVED', values: { error: 'DAY_CLOSED' }, reason: expect.stringContaining('2024-08-01 is closed') }] })
    expect((await historyOf('13900139002'))!.orders).toEqual([])
    expect((await ops.call('finance.day', { branchId, date: '2024-08-01' }, admin)).receivedFen).toBe(0)
  })

  it('lets only an administrator import, into a branch of their own studio', async () => {
    const manager = (await ops.call('auth.staffSignIn', { studioCode: studio.code, username: 'manager', password: TEST_PASSWORD })).token as string
    const csv = `${HEADER}\nX-1,某人,13900139003,经典婚纱套系,2024-07-25,,8999,0,待付定金,\n`
    expect(await ops.outcome('orders.import', { fileBase64: Buffer.from(csv).toString('base64'), dryRun: true, branchId }, manager)).toBe('FORBIDDEN')
    const other = await newStudio(deps)
    expect(await ops.outcome('orders.import', { fileBase64: Buffer.from(csv).toString('base64'), dryRun: true, branchId: other.branches[0]!.id }, admin)).toBe('VALIDATION_FAILED')
  })

  it('refuses a file without the columns it needs, naming them', async () => {
    await expect(importFile('订单号,手机号\r\nA,13900139004\r\n', true)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: expect.arrayContaining([expect.objectContaining({ path: 'columns.packageName' }), expect.objectContaining({ path: 'columns.stage' })]) },
    })
  })
})
