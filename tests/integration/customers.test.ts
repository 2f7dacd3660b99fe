import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { AppDeps } from '../../functions/api/implementations'
import { operationsOf } from '../support/dispatch'
import { TEST_PASSWORD } from '../support/constants'
import { isolatedTable, newStudio } from '../support/studio'

let deps: AppDeps
let ops: ReturnType<typeof operationsOf>
let studio: Awaited<ReturnType<typeof newStudio>>
let reception: string

const fixture = (name: string) => readFileSync(resolve(__dirname, '../fixtures', name))
const signIn = async (username: string) =>
  (await ops.call('auth.staffSignIn', { studioCode: studio.code, username, password: TEST_PASSWORD })).token as string

beforeAll(async () => {
  ;({ deps } = await isolatedTable())
  ops = operationsOf(deps)
  studio = await newStudio(deps)
  reception = await signIn('reception')
})

const customer = (name: string, phone: string, extra: Record<string, unknown> = {}) => ({ name, phone, ...extra })

describe('the customer file', () => {
  it('keeps one customer per phone, even when ten receptionists create it at the same instant', async () => {
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => ops.outcome('customers.create', customer(`Twin ${i}`, '13700137000'), reception)))
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1)
    expect(outcomes.filter((o) => o === 'PHONE_TAKEN')).toHaveLength(9)
    const found = await ops.call('customers.search', { q: '13700137000' }, reception)
    expect(found.items).toHaveLength(1)
  })

  it('treats +86 and spaced forms of a mobile number as the same phone', async () => {
    await ops.call('customers.create', customer('Lin', '13711112222'), reception)
    expect(await ops.outcome('customers.create', customer('Lin again', '+86 137-1111-2222'), reception)).toBe('PHONE_TAKEN')
  })

  it('refuses a phone that is neither a mainland mobile nor international', async () => {
    await expect(ops.call('customers.create', customer('Nobody', '12345'), reception)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [expect.objectContaining({ path: 'phone' })] },
    })
    await expect(ops.call('customers.create', customer('Overseas', '+85291234567'), reception)).resolves.toMatchObject({ phone: '+85291234567' })
  })

  it('finds customers by the last four digits, the full phone, a name prefix, a tag and a source channel', async () => {
    const c = await ops.call('customers.create', customer('张晓雨', '13812349876', { tags: ['婚纱', 'VIP'], source: 'xiaohongshu' }), reception)
    const ids = async (input: object) => (await ops.call('customers.search', input, reception)).items.map((x: { id: string }) => x.id)
    expect(await ids({ q: '9876' })).toContain(c.id)
    expect(await ids({ q: '138 1234 9876' })).toEqual([c.id])
    expect(await ids({ q: '张晓' })).toContain(c.id)
    expect(await ids({ tag: 'VIP' })).toContain(c.id)
    expect(await ids({ source: 'xiaohongshu' })).toContain(c.id)
    expect(await ids({ q: '李' })).not.toContain(c.id)
  })

  it('pages through results with a cursor and never repeats a customer', async () => {
    for (let i = 0; i < 5; i++) await ops.call('customers.create', customer(`Page ${i}`, `1360000000${i}`, { tags: ['paged'] }), reception)
    const first = await ops.call('customers.search', { tag: 'paged', limit: 2 }, reception)
    expect(first.items).toHaveLength(2)
    const second = await ops.call('customers.search', { tag: 'paged', limit: 2, cursor: first.nextCursor }, reception)
    const third = await ops.call('customers.search', { tag: 'paged', limit: 2, cursor: second.nextCursor }, reception)
    const all = [...first.items, ...second.items, ...third.items].map((c: { name: string }) => c.name)
    expect(new Set(all).size).toBe(5)
  })

  it('moves the indexes with an edit: new tag and name found, old phone free again', async () => {
    const c = await ops.call('customers.create', customer('Old Name', '13655556666', { tags: ['old'] }), reception)
    const edited = await ops.call('customers.update', { customerId: c.id, version: c.version, name: 'New Name', phone: '13655557777', tags: ['new'] }, reception)
    expect(edited.version).toBe(2)
    const ids = async (input: object) => (await ops.call('customers.search', input, reception)).items.map((x: { id: string }) => x.id)
    expect(await ids({ tag: 'new' })).toEqual([c.id])
    expect(await ids({ tag: 'old' })).toEqual([])
    expect(await ids({ q: 'New' })).toContain(c.id)
    expect(await ids({ q: '6666' })).not.toContain(c.id)
    await expect(ops.call('customers.create', customer('Takes old phone', '13655556666'), reception)).resolves.toBeDefined()
  })

  it('refuses the second of two edits from the same version', async () => {
    const c = await ops.call('customers.create', customer('Contended', '13611110000'), reception)
    const outcomes = await Promise.all([
      ops.outcome('customers.update', { customerId: c.id, version: 1, notes: 'from desk A' }, reception),
      ops.outcome('customers.update', { customerId: c.id, version: 1, notes: 'from desk B' }, reception),
    ])
    expect(outcomes.sort()).toEqual(['OK', 'VERSION_CONFLICT'])
  })

  it('stores markup and script verbatim, as text', async () => {
    const notes = '<img src=x onerror=alert(1)> & "quotes"'
    const c = await ops.call('customers.create', customer('<b>Bold</b>', '13622223333', { notes }), reception)
    const read = await ops.call('customers.get', { customerId: c.id }, reception)
    expect(read).toMatchObject({ name: '<b>Bold</b>', notes })
  })
})

describe('follow-ups (回访)', () => {
  it('shows reception what is due today and overdue, not what is later, and drops what is done', async () => {
    const c = await ops.call('customers.create', customer('Follow Me', '13533334444'), reception)
    const now = new Date()
    const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' })
    const overdue = await ops.call('followUps.create', { customerId: c.id, dueDate: day(-2), note: 'ask about the wedding date' }, reception)
    const today = await ops.call('followUps.create', { customerId: c.id, dueDate: day(0), note: 'send the package list' }, reception)
    const later = await ops.call('followUps.create', { customerId: c.id, dueDate: day(5), note: 'remind of the trial' }, reception)
    const due = await ops.call('followUps.due', {}, reception)
    const dueIds = due.items.map((f: { id: string }) => f.id)
    expect(due.today).toBe(day(0))
    expect(dueIds).toEqual(expect.arrayContaining([overdue.id, today.id]))
    expect(dueIds).not.toContain(later.id)
    expect(dueIds.indexOf(overdue.id)).toBeLessThan(dueIds.indexOf(today.id))

    await ops.call('followUps.complete', { customerId: c.id, followUpId: overdue.id, outcome: 'booked', outcomeNote: 'booked a trial' }, reception)
    expect((await ops.call('followUps.due', {}, reception)).items.map((f: { id: string }) => f.id)).not.toContain(overdue.id)
    expect(await ops.outcome('followUps.complete', { customerId: c.id, followUpId: overdue.id, outcome: 'reached' }, reception)).toBe('PRECONDITION_FAILED')

    const file = await ops.call('customers.history', { customerId: c.id }, reception)
    expect(file.followUps).toHaveLength(3)
    expect(file.followUps.find((f: { id: string }) => f.id === overdue.id)).toMatchObject({ status: 'done', outcome: 'booked' })
    expect(file).toMatchObject({ orders: [], appointments: [], payments: [] })
  })

  it('refuses a follow-up for a customer that does not exist', async () => {
    expect(await ops.outcome('followUps.create', { customerId: '01J00000000000000000000000', dueDate: '2027-01-01', note: 'x' }, reception)).toBe('NOT_FOUND')
  })
})

describe('a customer’s own profile', () => {
  it('never lets a customer set internal fields', async () => {
    const me = await ops.call('auth.wechatSignIn', { studioCode: studio.code, code: 'dev:self-editor' })
    expect(await ops.outcome('customers.updateMyProfile', { tags: ['VIP'] }, me.token)).toBe('VALIDATION_FAILED')
    expect(await ops.outcome('customers.updateMyProfile', { notes: 'hi' }, me.token)).toBe('VALIDATION_FAILED')
    const mine = await ops.call('customers.updateMyProfile', { phone: '13544446666', partnerName: '小李' }, me.token)
    expect(mine).not.toHaveProperty('tags')
    expect(mine).not.toHaveProperty('notes')
    const asStaffSees = await ops.call('customers.search', { q: '13544446666' }, reception)
    expect(asStaffSees.items[0]).toMatchObject({ id: me.principal.id, hasWeChat: true, source: 'wechat', phoneVerified: false })
    expect((await ops.call('customers.search', { source: 'wechat' }, reception)).items.map((c: { id: string }) => c.id)).toContain(me.principal.id)
  })

  it('keeps a phone a customer typed in from taking over the record of the person who owns it', async () => {
    const owner = await ops.call('customers.create', customer('Phone Owner', '13544445555', { partnerName: 'Secret Partner', weddingDate: '2027-01-01' }), reception)
    const claimant = await ops.call('auth.wechatSignIn', { studioCode: studio.code, code: 'dev:claimant' })
    // Saying nothing about whether the phone is known: no PHONE_TAKEN to probe with.
    expect(await ops.outcome('customers.updateMyProfile', { phone: '13544445555' }, claimant.token)).toBe('OK')

    const admin = await signIn('admin')
    const csv = '姓名,手机号,备注\r\nPhone Owner,13544445555,from the old system\r\n'
    const report = await ops.call('customers.import', { fileBase64: Buffer.from(csv).toString('base64'), dryRun: false }, admin)
    expect(report).toMatchObject({ created: 0, updated: 1 })
    expect((await ops.call('customers.get', { customerId: owner.id }, reception)).notes).toBe('from the old system')

    const claimantSees = await ops.call('customers.getMyProfile', {}, claimant.token)
    expect(claimantSees).toMatchObject({ name: '微信用户', phone: '13544445555' })
    expect(claimantSees.partnerName).toBeUndefined()
    expect(claimantSees.weddingDate).toBeUndefined()

    // Reception can see both and confirming the claimant's phone is refused while the owner holds it.
    const both = await ops.call('customers.search', { q: '13544445555' }, reception)
    expect(both.items.map((c: { id: string; phoneVerified: boolean }) => [c.id, c.phoneVerified]).sort()).toEqual(
      [[owner.id, true], [claimant.principal.id, false]].sort(),
    )
    const claimantRecord = await ops.call('customers.get', { customerId: claimant.principal.id }, reception)
    expect(await ops.outcome('customers.update', { customerId: claimantRecord.id, version: claimantRecord.version, phone: '13544445555' }, reception)).toBe('PHONE_TAKEN')
  })

  it('keeps tags when an edit does not mention them', async () => {
    const c = await ops.call('customers.create', customer('Tagged', '13511112222', { tags: ['VIP', '婚纱'] }), reception)
    const edited = await ops.call('customers.update', { customerId: c.id, version: c.version, name: 'Tagged Renamed' }, reception)
    expect(edited.tags).toEqual(['VIP', '婚纱'])
    expect((await ops.call('customers.search', { tag: 'VIP' }, reception)).items.map((x: { id: string }) => x.id)).toContain(c.id)
  })

  it('applies every search criterion given, not just the first', async () => {
    await ops.call('customers.create', customer('Combo One', '13522229999', { tags: ['combo'] }), reception)
    const two = await ops.call('customers.create', customer('Combo Two', '13522221234', { tags: ['combo'] }), reception)
    const found = await ops.call('customers.search', { tag: 'combo', q: '1234' }, reception)
    expect(found.items.map((c: { id: string }) => c.id)).toEqual([two.id])
  })
})

describe('import from the old system', () => {
  let admin: string
  beforeAll(async () => {
    studio = await newStudio(deps)
    admin = await signIn('admin')
  })
  const importFile = (name: string, dryRun: boolean) =>
    ops.call('customers.import', { fileBase64: fixture(name).toString('base64'), dryRun }, admin)

  it('dry-runs a GBK file from Excel: every bad row by line, column and reason, and nothing written', async () => {
    const report = await importFile('customers-gbk.csv', true)
    // It says what the real run would do: three new customers.
    expect(report).toMatchObject({ dryRun: true, rows: 7, created: 3, updated: 0, failed: 4 })
    expect(report.columns).toMatchObject({ 姓名: 'name', 手机号: 'phone', 婚期: 'weddingDate', 来源: 'source', 标签: 'tags' })
    expect(report.errors).toEqual([
      { line: 4, column: '姓名', code: 'MISSING', values: { value: '' }, reason: 'missing name' },
      { line: 5, column: '手机号', code: 'BAD_PHONE', values: { value: expect.any(String) }, reason: expect.stringContaining('bad phone') },
      { line: 6, column: '手机号', code: 'REPEATED_PHONE', values: { line: 2 }, reason: 'duplicate phone within the file (first on line 2)' },
      { line: 7, column: '婚期', code: 'NOT_A_DATE', values: { value: '2027-02-30' }, reason: 'not a date: 2027-02-30' },
      { line: 7, column: '来源', code: 'UNKNOWN_SOURCE', values: { value: '朋友圈' }, reason: 'unknown source channel: 朋友圈' },
    ])
    expect((await ops.call('customers.search', { q: '13800138001' }, admin)).items).toEqual([])
  })

  it('imports the good rows, and a second import of the same file creates nothing', async () => {
    const first = await importFile('customers-gbk.csv', false)
    expect(first).toMatchObject({ created: 3, updated: 0, skipped: 0, failed: 4 })
    const [zhang] = (await ops.call('customers.search', { q: '13800138001' }, admin)).items
    expect(zhang).toMatchObject({ name: '张晓雨', partnerName: '李明', weddingDate: '2027-05-20', birthday: '1996-03-08', source: 'xiaohongshu', tags: ['婚纱', 'VIP'], notes: '喜欢森系外景' })
    const [sun] = (await ops.call('customers.search', { q: '13900139007' }, admin)).items
    expect(sun).toMatchObject({ name: '孙丽', source: 'wechat' })

    const again = await importFile('customers-gbk.csv', false)
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 3 })
  })

  it('reads UTF-8 with a BOM and English headers, and keeps script text verbatim', async () => {
    const report = await importFile('customers-utf8-bom.csv', false)
    expect(report).toMatchObject({ rows: 3, created: 2, failed: 1 })
    expect(report.errors).toEqual([{ line: 3, column: 'Mobile', code: 'BAD_PHONE', values: { value: expect.any(String) }, reason: expect.stringContaining('bad phone') }])
    const [chris] = (await ops.call('customers.search', { q: '13900139003' }, admin)).items
    expect(chris).toMatchObject({ notes: '<script>alert(1)</script>', tags: ['kids', 'family'], source: 'douyin' })
    const [amy] = (await ops.call('customers.search', { q: '13900139001' }, admin)).items
    expect(amy.notes).toBe('likes "film" look')
  })

  it('updates a known phone with what the file says, adding tags rather than replacing them', async () => {
    const csv = '姓名,手机号,标签\r\n张晓雨,13800138001,老客户\r\n'
    const report = await ops.call('customers.import', { fileBase64: Buffer.from(csv).toString('base64'), dryRun: false }, admin)
    expect(report).toMatchObject({ created: 0, updated: 1 })
    const [zhang] = (await ops.call('customers.search', { q: '13800138001' }, admin)).items
    expect(zhang.tags).toEqual(['婚纱', 'VIP', '老客户'])
    expect(zhang.partnerName).toBe('李明')
  })

  it('refuses a file without a phone column, naming what is missing', async () => {
    const csv = '姓名,备注\r\n张三,x\r\n'
    await expect(ops.call('customers.import', { fileBase64: Buffer.from(csv).toString('base64'), dryRun: true }, admin)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [expect.objectContaining({ path: 'columns.phone' })] },
    })
  })

  it('exports a CSV Excel reads (BOM, quotes, Chinese) that imports back into another studio unchanged', async () => {
    const exported = await ops.call('customers.export', {}, admin)
    expect(exported.csv.startsWith('\ufeff姓名,手机号')).toBe(true)
    expect(exported.filename).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/)
    const rows = parse(exported.csv.slice(1), { columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(exported.rows)
    expect(rows.find((r) => r['手机号'] === '13900139001')).toMatchObject({ 姓名: 'Amy Wang', 备注: 'likes "film" look', 来源: '转介绍' })

    const elsewhere = await newStudio(deps)
    const otherAdmin = (await ops.call('auth.staffSignIn', { studioCode: elsewhere.code, username: 'admin', password: TEST_PASSWORD })).token
    const report = await ops.call('customers.import', { fileBase64: Buffer.from(exported.csv).toString('base64'), dryRun: false }, otherAdmin)
    expect(report).toMatchObject({ created: exported.rows, failed: 0 })
    const back = await ops.call('customers.export', {}, otherAdmin)
    expect(back.csv).toBe(exported.csv)
  })

  it('skips the rows of bare commas Excel pads a sheet with, and tolerates a stray quote', async () => {
    const csv = '姓名,手机号,备注\r\n李 "小" 梅,13700001111,说 "好"\r\n,,\r\n,,\r\n'
    const report = await ops.call('customers.import', { fileBase64: Buffer.from(csv).toString('base64'), dryRun: true }, admin)
    expect(report).toMatchObject({ rows: 1, created: 1, failed: 0, errors: [] })
  })

  it('refuses a file it cannot read as CSV with a clear error, not a crash', async () => {
    const csv = '姓名,手机号\r\n张三,"13700002222\r\n'
    await expect(ops.call('customers.import', { fileBase64: Buffer.from(csv).toString('base64'), dryRun: true }, admin)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    })
  })

  it('writes a cell that Excel would run as a formula as plain text', async () => {
    await ops.call('customers.create', customer('=HYPERLINK("http://evil")', '13566667777'), admin)
    const exported = await ops.call('customers.export', {}, admin)
    expect(exported.csv).toContain(`'=HYPERLINK`)
    // …and reads it back as it was.
    const again = await ops.call('customers.import', { fileBase64: Buffer.from(exported.csv).toString('base64'), dryRun: false }, admin)
    expect(again).toMatchObject({ created: 0, updated: 0, failed: 0 })
  })
})
