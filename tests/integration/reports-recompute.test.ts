import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import type { AppDeps } from '../../functions/api/implementations'
import { addDays, figure, nowFigure } from '../../functions/domain/report-figures'
import { studioDate } from '../../functions/domain/time'
import { createDocumentClient } from '../../functions/store/client'
import { keys } from '../../functions/store/keys'
import { samplePackage } from '../../scripts/lib/sample-package'
import { runScript } from '../support/cli'
import { TEST_PASSWORD } from '../support/constants'
import { operationsOf } from '../support/dispatch'
import { endpoint, isolatedTable, newStudio } from '../support/studio'

/**
 * The recompute job: an admin's operation and `npm run recompute` find a kept figure that no
 * longer matches the raw records (named by branch, day and figure, or "now"), and fixing makes
 * the reports right again.
 */
describe('the recompute job', () => {
  const today = studioDate(new Date(), 'Asia/Shanghai')
  let deps: AppDeps
  let tableName: string
  let ops: ReturnType<typeof operationsOf>
  let studio: Awaited<ReturnType<typeof newStudio>>
  let branchId: string
  let packageId: string
  const tokens: Record<string, string> = {}

  const tamper = (key: Record<string, string>, name: string, by: number) =>
    createDocumentClient({ tableName, endpoint: endpoint() }).send(
      new UpdateCommand({ TableName: tableName, Key: key, UpdateExpression: 'ADD #f :by', ExpressionAttributeNames: { '#f': name }, ExpressionAttributeValues: { ':by': by } }),
    )
  const recompute = (args: string[], range = ['--from', today, '--to', today]) => runScript('recompute', ['--studio', studio.code, ...range, ...args], tableName)

  beforeAll(async () => {
    ;({ deps, tableName } = await isolatedTable())
    ops = operationsOf(deps)
    studio = await newStudio(deps, '重算影楼')
    branchId = studio.branches[0]!.id
    for (const username of ['reception', 'finance', 'manager', 'admin']) {
      tokens[username] = (await ops.call('auth.staffSignIn', { studioCode: studio.code, username, password: TEST_PASSWORD })).token
    }
    const pkg = await ops.call('catalog.createPackage', samplePackage([branchId]), tokens.manager)
    packageId = pkg.id
    const customer = await ops.call('customers.create', { name: '陈小姐', phone: '13900003333', source: 'dianping', tags: [] }, tokens.reception)
    const order = await ops.call('orders.create', { requestId: ulid(), customerId: customer.id, packageId: pkg.id, branchId }, tokens.reception)
    await ops.call('payments.recordOffline', { orderId: order.id, requestId: ulid(), kind: 'deposit', method: 'cash', amountFen: order.depositFen }, tokens.reception)
    await ops.call('expenses.record', { requestId: ulid(), branchId, kind: 'expense', category: 'props', amountFen: 12_300, date: today, payee: '道具店' }, tokens.finance)
  }, 120_000)

  it('is for admins only, over at most a year, in order', async () => {
    for (const role of ['manager', 'finance', 'reception']) expect(await ops.outcome('reports.recompute', { from: today, to: today }, tokens[role])).toBe('FORBIDDEN')
    expect(await ops.outcome('reports.recompute', { from: today, to: addDays(today, -1) }, tokens.admin)).toBe('VALIDATION_FAILED')
    expect(await ops.outcome('reports.recompute', { from: addDays(today, -366), to: today }, tokens.admin)).toBe('VALIDATION_FAILED')
    expect(await ops.outcome('reports.recompute', { from: today, to: today, branchId: ulid() }, tokens.admin)).toBe('NOT_FOUND')
    const reversed = await recompute([], ['--from', addDays(today, 1), '--to', today])
    expect(reversed.code).toBe(2)
    expect(reversed.stderr).toContain('--to')
  }, 180_000)

  it('finds nothing to change when the figures kept are the raw records’', async () => {
    const result = await ops.call('reports.recompute', { from: today, to: today }, tokens.admin)
    expect(result).toMatchObject({ days: 2, differences: [], nowDifferences: [], repaired: false })
    const cli = await recompute([])
    expect(cli.stdout).toContain('✔ The kept figures equal the recomputed ones')
    expect(cli.code).toBe(0)
  }, 180_000)

  it('names a tampered day figure and state figure by branch, day and figure, and --fix puts the reports right', async () => {
    const daily = () => ops.call('reports.daily', { from: today, to: today, branchId }, tokens.admin)
    const right = await daily()
    await tamper(keys.figuresDay(studio.studio.id, branchId, today), figure.inByMethod('cash'), 777)
    await tamper(keys.figuresNow(studio.studio.id, branchId), nowFigure.inStage('confirmed', today), 2)
    expect((await daily()).current.receivedFen).toBe(right.current.receivedFen + 777)

    const found = await ops.call('reports.recompute', { from: today, to: today }, tokens.admin)
    expect(found.differences).toEqual([{ branchId, date: today, figure: 'in#method#cash', kept: right.current.inByMethod.cash + 777, recomputed: right.current.inByMethod.cash }])
    expect(found.nowDifferences).toEqual([{ branchId, figure: `stage#confirmed#${today}`, kept: 3, recomputed: 1 }])
    expect(found.repaired).toBe(false)

    const listed = await recompute([])
    expect(listed.code).toBe(1)
    expect(listed.stdout).toContain(`${branchId} ${today} in#method#cash: kept ${right.current.inByMethod.cash + 777}, recomputed ${right.current.inByMethod.cash}`)
    expect(listed.stdout).toContain(`${branchId} now stage#confirmed#${today}: kept 3, recomputed 1`)
    // Listing changes nothing.
    expect((await daily()).current.receivedFen).toBe(right.current.receivedFen + 777)

    const fixed = await recompute(['--fix'])
    expect(fixed.stdout).toContain('2 differences fixed')
    expect(fixed.code).toBe(0)
    expect((await daily()).current).toEqual(right.current)
    const production = await ops.call('reports.production', { from: today, to: today, branchId }, tokens.admin)
    expect(production.now.stages.find((s: { stage: string }) => s.stage === 'confirmed').orders).toBe(1)
    expect((await recompute([])).code).toBe(0)
  }, 300_000)

  it('counts WeChat Pay money paid on a closed day on the next open day its book took it on, and recomputes it there', async () => {
    const tomorrow = addDays(today, 1)
    const day = await ops.call('finance.day', { branchId, date: today }, tokens.finance)
    await ops.call('finance.closeDay', { branchId, date: today, revision: day.revision, countedCashFen: 0, differenceReason: '现金已存银行' }, tokens.finance)
    const customer = await ops.call('auth.wechatSignIn', { studioCode: studio.code, code: `dev:booked-on-${ulid()}`, nickname: '微信客户' })
    const order = await ops.call('orders.create', { requestId: ulid(), customerId: customer.principal.id, packageId, branchId }, tokens.reception)
    const prepay = await ops.call('payments.prepay', { orderId: order.id, kind: 'deposit' }, customer.token)
    await ops.call('payments.simulatePay', { orderId: order.id, outTradeNo: prepay.outTradeNo }, customer.token)
    const { payments } = await ops.call('orders.get', { orderId: order.id }, tokens.reception)
    expect(payments.find((p: { method: string }) => p.method === 'wechat')).toMatchObject({ amountFen: prepay.amountFen, bookedOn: tomorrow })
    const wechatOn = async (date: string) => (await ops.call('reports.daily', { from: date, to: date, branchId }, tokens.admin)).current.inByMethod.wechat
    expect(await wechatOn(today)).toBe(0)
    expect(await wechatOn(tomorrow)).toBe(prepay.amountFen)
    const result = await ops.call('reports.recompute', { from: today, to: tomorrow, branchId }, tokens.admin)
    expect(result).toMatchObject({ differences: [], nowDifferences: [] })
  }, 120_000)
})
